import type restify from 'restify';
import { SPEND_VIEWS } from '../../cards/dashboard/spend-views.js';
import { VIEWS } from '../../cards/dashboard/views.js';
import type { ChartOf, Table, ViewAnswer, ViewResult } from '../../core/dashboard/index.js';
import { type Bar, barChartSvg, LOOKS, type Look } from '../../web/charts.js';
import type { SignedIn } from './sign-in.js';
import { toXlsx } from './xlsx.js';

/** What every view's answer and export shares: the query, the charts, the CSV and Excel files. */

/** The query string's parameters (the server has no query parser: nothing else reads them). */
export const queryOf = (req: restify.Request): Record<string, string> =>
  Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams);

export const lookOf = (value: unknown): Look => LOOKS.find((look) => look === value) ?? 'default';

const attachment = (base: string, today: string, extension: string) =>
  `attachment; filename="${base}-${today}.${extension}"`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook as a download. */
export async function sendXlsx(
  res: restify.Response,
  sheets: readonly { name: string; table: Table }[],
  base: string,
  today: string,
): Promise<void> {
  const body = await toXlsx(sheets);
  res.writeHead(200, {
    'content-type': XLSX_TYPE,
    'content-disposition': attachment(base, today, 'xlsx'),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** A view as CSV (its detail table) or Excel (every table); false when JSON was asked for. */
export async function sendExport(
  res: restify.Response,
  extension: string,
  built: ViewResult,
  base: string,
  today: string,
  toCsv: (table: Table) => string,
): Promise<boolean> {
  if (extension === 'csv') {
    const detail = built.tables.find((table) => table.id === built.detail);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(base, today, 'csv'),
      'cache-control': 'no-store',
    });
    res.end(detail ? toCsv(detail) : '');
    return true;
  }
  if (extension === 'xlsx') {
    await sendXlsx(
      res,
      built.tables.map((table) => ({ name: table.sheet ?? table.title, table })),
      base,
      today,
    );
    return true;
  }
  return false;
}

/** The view's charts, each drawn from its figure table. */
export function chartsOf(built: ViewResult, look: Look): Promise<ViewAnswer['charts']> {
  return Promise.all(
    built.charts.map(async (chart) => {
      const table = built.tables.find((t) => t.id === chart.tableId);
      return {
        title: table?.title ?? '',
        tableId: chart.tableId,
        svg: await barChartSvg(table ? barsOf(table, chart) : [], chart.measure, look),
      };
    }),
  );
}

/**
 * A chart's bars from its table: one per row of the first number column (or of the column
 * named), or one per row and named column (the row's name over the column's: "Economic" over
 * "met"), so that the words on the axis tell the bars apart.
 */
function barsOf(table: Table, chart: ChartOf): Bar[] {
  const named = chart.columns ?? [];
  const first = table.columns.findIndex((column) => column.kind === 'number');
  const drawn =
    named.length === 0
      ? [{ index: first, suffix: '' }]
      : named.map((label, at) => ({
          index: table.columns.findIndex((column) => column.label === label),
          suffix: named.length > 1 ? `\n${chart.barNames?.[at] ?? label.toLowerCase()}` : '',
        }));
  return table.rows.flatMap((row) =>
    drawn.map(({ index, suffix }) => {
      const value = row[index];
      return {
        label: `${String(row[0] ?? '')}${suffix}`,
        value: typeof value === 'number' ? value : 0,
      };
    }),
  );
}

/** The tabs a person sees: the spend baseline's only for a procurement lead. */
export function viewsFor(who: SignedIn): ViewAnswer['views'] {
  const more = who.viewer.isProcurementLead ? SPEND_VIEWS : [];
  return [...VIEWS, ...more].map((v) => ({ id: v.id, title: v.title }));
}
