import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatReference, referenceSchema } from '../../../core/record/index.js';

describe('record references', () => {
  it('are written SV-year-number, the number at least four digits', () => {
    assert.equal(formatReference(2026, 42), 'SV-2026-0042');
    assert.equal(formatReference(2026, 1), 'SV-2026-0001');
    assert.equal(formatReference(2027, 9999), 'SV-2027-9999');
    assert.equal(formatReference(2026, 12_345), 'SV-2026-12345', 'a busy year runs past 9999');
  });

  it('are read as typed, in any case and with stray spaces, and given back in capitals', () => {
    for (const [typed, read] of [
      ['SV-2026-0042', 'SV-2026-0042'],
      ['sv-2026-0042', 'SV-2026-0042'],
      ['Sv-2026-0042', 'SV-2026-0042'],
      ['  SV-2026-0042 ', 'SV-2026-0042'],
      ['SV-2026-12345', 'SV-2026-12345'],
    ]) {
      assert.equal(referenceSchema.parse(typed), read, typed);
    }
  });

  it('refuses anything else, saying what a reference looks like', () => {
    for (const typed of [
      '',
      'SV-2026-42',
      'SV-26-0042',
      'SV2026-0042',
      'XX-2026-0042',
      'SV-2026-0042x',
      'SV-2026-0042 SV-2026-0043',
      'SV-2026-00 42',
      'counter-SV-2026',
      "SV-2026-0042' OR 1=1",
    ]) {
      const result = referenceSchema.safeParse(typed);
      assert.equal(result.success, false, `accepted ${JSON.stringify(typed)}`);
      assert.match(result.error?.issues[0]?.message ?? '', /must look like SV-2026-0042/);
    }
  });

  it('every formatted reference reads back as itself (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (year, n) => {
          const reference = formatReference(year, n);
          assert.equal(referenceSchema.parse(reference), reference);
          assert.equal(referenceSchema.parse(reference.toLowerCase()), reference);
        },
      ),
    );
  });
});
