import assert from 'node:assert/strict';
import { districtsWords } from '../../cards/dashboard/spend-words.js';

describe('a local area in words', () => {
  it('writes consecutive districts as ranges, in the order given, with partial ones said', () => {
    assert.equal(
      districtsWords([
        { district: 'NE1' },
        { district: 'NE2' },
        { district: 'NE3' },
        { district: 'NE5' },
        { district: 'NE6', partial: true },
        { district: 'NE7', partial: true },
        { district: 'DH1' },
      ]),
      'NE1 to NE3, NE5, NE6 to NE7 (partly outside the area) and DH1',
    );
  });

  it('keeps a district with a letter after its number, and one district, as they are', () => {
    assert.equal(districtsWords([{ district: 'EC1A' }, { district: 'EC1B' }]), 'EC1A and EC1B');
    assert.equal(
      districtsWords([{ district: 'TD9', partial: true }]),
      'TD9 (partly outside the area)',
    );
  });
});
