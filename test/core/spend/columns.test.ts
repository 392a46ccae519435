import assert from 'node:assert/strict';
import { recogniseColumns } from '../../../core/spend/index.js';

describe('spend columns', () => {
  it('recognises the names transparency files use, whatever their case, spaces and punctuation', () => {
    const headers = [
      'Body name',
      'TRANSACTION DATE',
      'Beneficiary',
      'Supplier_ID',
      'Amount exc. VAT',
      'Irrecoverable VAT',
      'Service Area',
      'Expense Type',
      'Purpose',
    ];
    const result = recogniseColumns(headers);
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.taken.map(({ field, header }) => [field, header]),
      [
        ['date', 'TRANSACTION DATE'],
        ['supplierName', 'Beneficiary'],
        ['supplierId', 'Supplier_ID'],
        ['amountNet', 'Amount exc. VAT'],
        ['irrecoverableVat', 'Irrecoverable VAT'],
        ['department', 'Service Area'],
        ['category', 'Expense Type'],
      ],
    );
  });

  it('takes a column named in a mapping over the one it would have recognised', () => {
    const result = recogniseColumns(['Date', 'Paid to', 'Amount', 'Gross amount'], {
      supplierName: 'paid to',
      amountGross: 'Amount',
    });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.taken.map(({ field, header }) => [field, header]),
      [
        ['date', 'Date'],
        ['supplierName', 'Paid to'],
        ['amountGross', 'Amount'],
      ],
    );
  });

  it('refuses a header whose date, supplier and amount cannot be found, naming them and the columns seen', () => {
    const result = recogniseColumns(['When', 'Who', 'How much']);
    assert.deepEqual(result, {
      ok: false,
      problems: [
        {
          path: 'columns',
          message:
            'The file cannot be read: no column was recognised for the transaction date, the supplier name and the amount (net or gross). Columns seen: "When", "Who", "How much". Say which column holds each of them.',
          columnsSeen: ['When', 'Who', 'How much'],
        },
      ],
    });
  });

  it('says when a mapping names a column the file does not have', () => {
    const result = recogniseColumns(['Date', 'Supplier', 'Amount'], { supplierId: 'Vendor no' });
    assert.equal(result.ok, false);
    assert.match(
      result.ok ? '' : (result.problems[0]?.message ?? ''),
      /there is no column "Vendor no" to read the supplier id from/,
    );
  });
});
