/** The page's building blocks: elements made with the DOM's own calls, never from HTML text. */
import type { Cell, TablePage } from '../../core/dashboard/table.js';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export const formatDay = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`));

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell.toLocaleString('en-GB');
  if (typeof cell === 'object') return formatDay(cell.date);
  return cell;
}

export function tableOf(
  table: TablePage,
  headingLevel: 'caption' | 'none' = 'caption',
): HTMLElement {
  const head = el(
    'tr',
    {},
    ...table.columns.map((column) =>
      el(
        'th',
        { scope: 'col', class: column.kind === 'number' ? 'number' : undefined },
        column.label,
      ),
    ),
  );
  const rows = table.rows.map((row) =>
    el(
      'tr',
      {},
      ...row.map((cell, index) => {
        const number = table.columns[index]?.kind === 'number';
        return index === 0
          ? el('th', { scope: 'row' }, cellText(cell))
          : el('td', { class: number ? 'number' : undefined }, cellText(cell));
      }),
    ),
  );
  // A wide table scrolls on its own at a phone's width: focusable, so that a keyboard can too.
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': table.title },
    el(
      'table',
      { id: `table-${table.id}` },
      ...(headingLevel === 'caption' ? [el('caption', {}, table.title)] : []),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    ),
  );
}

/** The words of an error answer, or the fallback. */
export async function errorOf(answer: Response, fallback: string): Promise<string> {
  try {
    const body = (await answer.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : fallback;
  } catch {
    return fallback;
  }
}
