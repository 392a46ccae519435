import assert from 'node:assert/strict';
import { BOM, escapeFormula, toCsv } from '../../../core/dashboard/csv.js';

describe('CSV for Excel', () => {
  it('escapes every text that a spreadsheet would run, and nothing else', () => {
    for (const text of ['=1+1', '+44 1228', '-5', '@SUM(A1)', '\tcmd', '\rcmd']) {
      assert.equal(escapeFormula(text), `'${text}`);
    }
    for (const text of ['Custody cleaning', 'a=b', '', ' =1'])
      assert.equal(escapeFormula(text), text);
  });

  it('writes a BOM, a header row, quoted text, bare numbers and CRLF lines', () => {
    const csv = toCsv({
      columns: [
        { label: 'Title', kind: 'text' },
        { label: 'Value', kind: 'number' },
        { label: 'Started', kind: 'date' },
        { label: 'Note', kind: 'text' },
      ],
      rows: [
        ['Say "hello", then\nleave', -5, { date: '2026-01-10' }, null],
        ['=HYPERLINK("x")', 1.5, { date: '2026-02-01' }, '-minus'],
      ],
    });
    assert.equal(
      csv,
      `${BOM}"Title","Value","Started","Note"\r\n"Say ""hello"", then\nleave",-5,"2026-01-10",""\r\n"'=HYPERLINK(""x"")",1.5,"2026-02-01","'-minus"\r\n`,
    );
  });
});
