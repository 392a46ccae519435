import ExcelJS from 'exceljs';
import { type Cell, escapeFormula, type Table } from '../../core/dashboard/index.js';

/** A sheet of a workbook: Excel allows 31 characters and none of : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** A cell's value as Excel keeps it: a number as a number, a date as a date, text escaped. */
function excelValue(cell: Cell): string | number | Date | null {
  if (cell === null || typeof cell === 'number') return cell;
  if (typeof cell === 'object') return new Date(`${cell.date}T00:00:00Z`);
  return escapeFormula(cell);
}

/** The UK's way of writing a date, as officers read them on the cards. */
const DATE_FORMAT = 'dd/mm/yyyy';

/** A workbook with one sheet per table: a header row in bold, frozen, then every row. */
export async function toXlsx(sheets: readonly { name: string; table: Table }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Social value commissioning assistant';
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      header: escapeFormula(column.label),
      width: column.kind === 'text' ? 30 : 14,
      ...(column.kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(excelValue));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
