import assert from 'node:assert/strict';
import { loadPack, builtInPack as pack } from '../../../core/policy/index.js';
import { spendImportSchema } from '../../../core/spend/import-record.js';
import {
  isLocalPostcode,
  localDistrictOf,
  normaliseSupplierName,
  postcodeDistrict,
  spendImport,
} from '../../../core/spend/index.js';

describe('suppliers and the local area', () => {
  it('reads a postcode district however the postcode is written', () => {
    assert.equal(postcodeDistrict('ca1 1aa'), 'CA1');
    assert.equal(postcodeDistrict('CA11AA'), 'CA1');
    assert.equal(postcodeDistrict('CA11 1AA'), 'CA11');
    assert.equal(postcodeDistrict(' la23 3hd '), 'LA23');
    assert.equal(postcodeDistrict('LA6'), 'LA6');
    assert.equal(postcodeDistrict('not a postcode'), undefined);
  });

  it("counts Cumbria's CA and LA7 to LA23 districts as local, LA6 too though partial, and no others", () => {
    const area = pack.localArea;
    for (const postcode of ['CA1 1AA', 'CA28 9ZZ', 'LA7 1AA', 'LA23 1AA', 'LA6 2AB'])
      assert.equal(isLocalPostcode(area, postcode), true, postcode);
    for (const postcode of ['CA29 1AA', 'LA5 9AA', 'LA24 1AA', 'M1 1AA', 'garbage'])
      assert.equal(isLocalPostcode(area, postcode), false, postcode);
    assert.equal(isLocalPostcode(area, undefined), false);
    // The district found says whether the boundary splits it, for the views to say so.
    assert.deepEqual(localDistrictOf(area, 'la6 2ab'), { district: 'LA6', partial: true });
    assert.deepEqual(localDistrictOf(area, 'CA3 8QQ'), { district: 'CA3' });
    assert.equal(localDistrictOf(area, 'LA5 9AA'), undefined);
    assert.deepEqual(
      area?.districts.filter((d) => d.partial).map((d) => d.district),
      ['LA6'],
    );
    assert.ok(
      area?.derived.note.includes('ONS Postcode Directory'),
      'the list says it is to be confirmed',
    );
  });

  it("takes a force's own list in place of Cumbria's, and refuses a district written wrongly", () => {
    const own = structuredClone(pack);
    own.localArea = {
      citation: '§4.3',
      districts: [{ district: 'M1' }],
      derived: { from: ['§4.3'], note: 'Our reading of local: Manchester city centre.' },
    };
    const loaded = loadPack(JSON.stringify(own));
    assert.ok(loaded.ok);
    assert.equal(isLocalPostcode(loaded.value.localArea, 'M1 1AA'), true);
    assert.equal(isLocalPostcode(loaded.value.localArea, 'CA1 1AA'), false);
    own.localArea.districts = [{ district: 'CA1 1AA' }];
    const refused = loadPack(JSON.stringify(own));
    assert.equal(refused.ok, false);
    assert.deepEqual(refused.ok ? [] : refused.problems.map((p) => p.message), [
      'must be a postcode district such as CA1 or LA23',
    ]);
  });

  it('matches names across case, punctuation and "Ltd" or "Limited"', () => {
    assert.equal(normaliseSupplierName('ACME Ltd.'), normaliseSupplierName('Acme Limited'));
    assert.equal(normaliseSupplierName('Smith & Jones, Ltd'), 'smith and jones');
    assert.notEqual(normaliseSupplierName('Acme North Ltd'), normaliseSupplierName('Acme Ltd'));
  });

  it('names an import by its content hash, so the same file twice is one record', () => {
    const hash = 'AB'.repeat(32);
    const read = {
      columns: [],
      rows: [{ line: 2, date: '2024-04-01', supplierName: 'Acme', pence: 1_000 }],
      redacted: [{ line: 3, date: '2024-05-01', supplierName: 'Redacted', pence: 500 }],
      skipped: [{ line: 4, reason: 'there is no supplier' }],
    };
    const first = spendImport(hash, 'spend.csv', read);
    assert.deepEqual(first, spendImport(hash, 'spend.csv', read));
    assert.deepEqual(first, {
      id: 'ab'.repeat(32),
      fileName: 'spend.csv',
      columns: [],
      rows: 1,
      redactedRows: 1,
      skippedLines: [4],
      totalPence: 1_500,
      firstDate: '2024-04-01',
      lastDate: '2024-05-01',
    });
    assert.ok(spendImportSchema.safeParse(first).success);
    assert.equal(spendImportSchema.safeParse({ ...first, id: 'not-a-hash' }).success, false);
  });
});
