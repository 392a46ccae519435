/**
 * The dashboard tab's script, bundled with @microsoft/teams-js and served by the bot. Inside
 * Teams it signs in with Teams SSO and follows the Teams theme; outside Teams (`npm start`),
 * it offers the local sign-in when the bot has one. Every element is built with the DOM's
 * own calls: no text from the server is ever parsed as HTML.
 */
import { app, authentication } from '@microsoft/teams-js';
import { PAGE_WORDS as W } from '../../cards/dashboard/page-words.js';
import type { ViewAnswer } from '../../core/dashboard/api.js';
import type { Cell, TablePage } from '../../core/dashboard/table.js';

type Look = 'default' | 'dark' | 'contrast';

interface LocalPerson {
  tenantId: string;
  userId: string;
  name: string;
  isProcurementLead: boolean;
}

const FILTERS = ['from', 'to', 'status', 'theme', 'owner', 'record'] as const;
type FilterName = (typeof FILTERS)[number];

const state: {
  token: string;
  view: string;
  filters: Partial<Record<FilterName, string>>;
  page: number;
  look: Look;
  chartUrls: string[];
} = { token: '', view: 'pipeline', filters: {}, page: 1, look: 'default', chartUrls: [] };

const root = (): HTMLElement => document.getElementById('app') as HTMLElement;

function el<K extends keyof HTMLElementTagNameMap>(
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

/** Teams names its themes default, dark and contrast; anything else is shown as default. */
function setLook(theme: string | undefined): void {
  const look: Look = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  if (look === state.look && document.body.classList.contains(`look-${look}`)) return;
  state.look = look;
  document.body.className = `look-${look}`;
  if (state.token) void show();
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/** A token from Teams SSO, or undefined outside Teams (teams-js fails or does not answer). */
async function teamsToken(): Promise<string | undefined> {
  try {
    await withTimeout(app.initialize(), 3000);
  } catch {
    return undefined;
  }
  const context = await app.getContext();
  setLook(context.app.theme);
  app.registerOnThemeChangeHandler(setLook);
  return authentication.getAuthToken();
}

function message(text: string, alert = false): void {
  root().replaceChildren(
    el('h1', {}, W.title),
    el('p', alert ? { class: 'error', role: 'alert' } : {}, text),
  );
}

async function start(): Promise<void> {
  setLook(new URLSearchParams(location.search).get('look') ?? undefined);
  message(W.signingIn);
  let token: string | undefined;
  try {
    token = await teamsToken();
  } catch {
    message(W.notInTeams, true);
    return;
  }
  if (token) {
    state.token = token;
    await show();
    return;
  }
  await localSignIn();
}

async function localSignIn(): Promise<void> {
  const answer = await fetch('/dashboard/local/people').catch(() => undefined);
  if (!answer?.ok) {
    message(W.notInTeams, true);
    return;
  }
  const { people } = (await answer.json()) as { people: LocalPerson[] };
  const list = el('ul', { class: 'people' });
  for (const person of people) {
    const button = el(
      'button',
      { type: 'button' },
      el('strong', {}, person.name),
      ` — ${person.isProcurementLead ? W.localLead : W.localOfficer}`,
    );
    button.addEventListener('click', () => void signInAs(person));
    list.append(el('li', {}, button));
  }
  root().replaceChildren(
    el('h1', {}, W.title),
    el('h2', {}, W.localSignInTitle),
    el('p', {}, W.localSignInIntro),
    people.length > 0 ? list : el('p', {}, W.localSignInNone),
  );
}

async function signInAs(person: LocalPerson): Promise<void> {
  const answer = await fetch('/dashboard/local/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: person.tenantId, userId: person.userId }),
  });
  if (!answer.ok) {
    message(await errorOf(answer), true);
    return;
  }
  state.token = ((await answer.json()) as { token: string }).token;
  await show();
}

async function errorOf(answer: Response): Promise<string> {
  try {
    const body = (await answer.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : W.failed;
  } catch {
    return W.failed;
  }
}

function query(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

const authorised = (path: string): Promise<Response> =>
  fetch(path, { headers: { authorization: `Bearer ${state.token}` } });

async function show(): Promise<void> {
  const answer = await authorised(
    `/api/dashboard/${state.view}?${query({ page: String(state.page), look: state.look })}`,
  ).catch(() => undefined);
  if (!answer) {
    message(W.failed, true);
    return;
  }
  if (!answer.ok) {
    message(await errorOf(answer), true);
    return;
  }
  render((await answer.json()) as ViewAnswer);
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`));

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell.toLocaleString('en-GB');
  if (typeof cell === 'object') return formatDay(cell.date);
  return cell;
}

function tableOf(table: TablePage, headingLevel: 'caption' | 'none' = 'caption'): HTMLElement {
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

function select(name: FilterName, label: string, choices: { value: string; label: string }[]) {
  const field = el('select', { name, id: `filter-${name}` }, el('option', { value: '' }, W.any));
  for (const choice of choices) {
    const option = el('option', { value: choice.value }, choice.label);
    if (state.filters[name] === choice.value) option.selected = true;
    field.append(option);
  }
  return el('label', { for: `filter-${name}` }, label, field);
}

function dateInput(name: FilterName, label: string) {
  const input = el('input', { type: 'date', name, id: `filter-${name}` });
  input.value = state.filters[name] ?? '';
  return el('label', { for: `filter-${name}` }, label, input);
}

function filtersForm(answer: ViewAnswer): HTMLFormElement {
  const apply = el('button', { type: 'submit', class: 'primary' }, W.apply);
  const clear = el('button', { type: 'button' }, W.clear);
  const form = el(
    'form',
    { class: 'filters', 'aria-label': W.filters },
    dateInput('from', W.from),
    dateInput('to', W.to),
    select('status', W.status, answer.choices.statuses),
    select('theme', W.theme, answer.choices.themes),
    select('owner', W.owner, answer.choices.owners),
    select('record', W.record, answer.choices.records),
    el('div', { class: 'actions' }, apply, clear),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    state.filters = Object.fromEntries(
      FILTERS.map((name) => [name, String(data.get(name) ?? '')]).filter(([, v]) => v !== ''),
    );
    state.page = 1;
    void show();
  });
  clear.addEventListener('click', () => {
    state.filters = {};
    state.page = 1;
    void show();
  });
  return form;
}

async function download(path: string, button: HTMLButtonElement): Promise<void> {
  const label = button.textContent ?? '';
  button.disabled = true;
  button.textContent = W.downloading;
  try {
    const answer = await authorised(path);
    if (!answer.ok) {
      message(await errorOf(answer), true);
      return;
    }
    const name =
      /filename="([^"]+)"/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    const url = URL.createObjectURL(await answer.blob());
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function downloads(view: string): HTMLElement {
  const make = (label: string, path: string) => {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', () => void download(path, button));
    return button;
  };
  const print = el('button', { type: 'button' }, W.print);
  print.addEventListener('click', () => window.print());
  return el(
    'div',
    { class: 'downloads' },
    make(W.downloadCsv, `/api/dashboard/${view}.csv?${query()}`),
    make(W.downloadXlsx, `/api/dashboard/${view}.xlsx?${query()}`),
    make(W.downloadAll, '/api/dashboard/export.xlsx'),
    print,
  );
}

function pager(table: TablePage): HTMLElement {
  const previous = el('button', { type: 'button' }, W.previous);
  const next = el('button', { type: 'button' }, W.next);
  previous.disabled = table.page <= 1;
  next.disabled = table.page >= table.pages;
  previous.addEventListener('click', () => {
    state.page = table.page - 1;
    void show();
  });
  next.addEventListener('click', () => {
    state.page = table.page + 1;
    void show();
  });
  return el(
    'div',
    { class: 'pager' },
    previous,
    el('span', {}, W.page(table.page, table.pages, table.total)),
    next,
  );
}

/** The filters in force, in words, so that a printed page says what it counts. */
function filterWords(answer: ViewAnswer): string[] {
  const { from, to, status, theme, owner, record } = answer.filters;
  const label = (choices: { value: string; label: string }[], value: string | number | undefined) =>
    choices.find((choice) => choice.value === String(value))?.label ?? String(value);
  return [
    ...(from ? [`${W.from.toLowerCase()} ${formatDay(from)}`] : []),
    ...(to ? [`${W.to.toLowerCase()} ${formatDay(to)}`] : []),
    ...(status ? [`${W.status.toLowerCase()}: ${label(answer.choices.statuses, status)}`] : []),
    ...(theme ? [`${W.theme.toLowerCase()}: ${label(answer.choices.themes, theme)}`] : []),
    ...(owner ? [`${W.owner.toLowerCase()}: ${label(answer.choices.owners, owner)}`] : []),
    ...(record ? [`${W.record.toLowerCase()}: ${label(answer.choices.records, record)}`] : []),
  ];
}

function render(answer: ViewAnswer): void {
  for (const url of state.chartUrls) URL.revokeObjectURL(url);
  state.chartUrls = [];
  const nav = el('nav', { class: 'views', 'aria-label': W.views });
  for (const view of answer.views) {
    const button = el(
      'button',
      { type: 'button', 'aria-current': view.id === answer.view.id ? 'page' : undefined },
      view.title,
    );
    button.addEventListener('click', () => {
      state.view = view.id;
      state.page = 1;
      void show();
    });
    nav.append(button);
  }
  const figures = answer.charts.map((chart) => {
    const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
    state.chartUrls.push(url);
    const table = answer.tables.find((t) => t.id === chart.tableId);
    return el(
      'section',
      // A table of many columns goes under its chart rather than squeezed beside it.
      {
        class: (table?.columns.length ?? 0) > 3 ? 'figure wide' : 'figure',
        'aria-labelledby': `chart-${chart.tableId}`,
      },
      el(
        'div',
        {},
        el('h3', { id: `chart-${chart.tableId}` }, chart.title),
        el('img', { src: url, alt: W.chartAlt(chart.title) }),
      ),
      table ? tableOf(table) : '',
    );
  });
  const detail = answer.tables.find((t) => t.id === answer.detail);
  const detailPart = detail
    ? el(
        'section',
        { class: 'detail', 'aria-labelledby': 'detail-title' },
        el('h3', { id: 'detail-title' }, detail.title),
        detail.total === 0 ? el('p', {}, W.empty) : tableOf(detail, 'none'),
        detail.total > 0 ? pager(detail) : '',
      )
    : '';
  root().replaceChildren(
    el(
      'div',
      { class: 'header' },
      el('h1', {}, W.title),
      el('p', { class: 'muted' }, `${W.signedInAs} ${answer.viewer.name}`),
    ),
    el('p', {}, answer.viewer.isProcurementLead ? W.scopeLead : W.scopeOfficer),
    nav,
    el('h2', {}, answer.view.title),
    el('p', {}, answer.view.summary),
    el('p', { class: 'muted' }, W.showing(filterWords(answer))),
    filtersForm(answer),
    downloads(answer.view.id),
    ...figures,
    detailPart,
    el('p', { class: 'muted' }, W.generated(formatDay(answer.today))),
  );
}

void start();
