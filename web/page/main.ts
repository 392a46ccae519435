/**
 * The dashboard tab's script, bundled with @microsoft/teams-js and served by the bot. Inside
 * Teams it signs in with Teams SSO and follows the Teams theme; outside Teams (`npm start`),
 * it offers the local sign-in when the bot has one. Every element is built with the DOM's
 * own calls: no text from the server is ever parsed as HTML.
 */
import { app, authentication } from '@microsoft/teams-js';
import { PAGE_WORDS as W } from '../../cards/dashboard/page-words.js';
import type { ViewAnswer } from '../../core/dashboard/api.js';
import type { TablePage } from '../../core/dashboard/table.js';
import { el, errorOf as errorText, formatDay, tableOf } from './dom.js';
import { type SpendPage, spendControls, supplierEditor, uploadSection } from './spend.js';

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
  /** A spend view's choices: the year, the suppliers shown. */
  spend: Record<string, string>;
  /** A message to show at the top once the view is shown again (an import done, a save). */
  flash: string;
} = {
  token: '',
  view: 'pipeline',
  filters: {},
  page: 1,
  look: 'default',
  chartUrls: [],
  spend: {},
  flash: '',
};

const root = (): HTMLElement => document.getElementById('app') as HTMLElement;

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
  // A deep link to the tab names the view to open as its sub-page (the `spend` card's button).
  openView(context.page.subPageId);
  app.registerOnThemeChangeHandler(setLook);
  return authentication.getAuthToken();
}

function message(text: string, alert = false): void {
  root().replaceChildren(
    el('h1', {}, W.title),
    el('p', alert ? { class: 'error', role: 'alert' } : {}, text),
  );
}

/** Opens on the view a link names, when it names one in the form a view id takes. */
function openView(id: string | null | undefined): void {
  if (id && /^[a-z][a-z-]{0,39}$/.test(id)) state.view = id;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  setLook(params.get('look') ?? undefined);
  openView(params.get('view'));
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

const errorOf = (answer: Response): Promise<string> => errorText(answer, W.failed);

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
    `/api/dashboard/${state.view}?${query({ ...state.spend, page: String(state.page), look: state.look })}`,
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

function downloads(
  view: string,
  extra: Record<string, string> = {},
  all = W.downloadAll,
): HTMLElement {
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
    make(W.downloadCsv, `/api/dashboard/${view}.csv?${query(extra)}`),
    make(W.downloadXlsx, `/api/dashboard/${view}.xlsx?${query(extra)}`),
    make(all, '/api/dashboard/export.xlsx'),
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

/** The page around the spend parts: its token, and showing the view again. */
const spendPage: SpendPage = {
  token: () => state.token,
  choose(params) {
    state.spend = { ...state.spend, ...params };
    state.page = 1;
    void show();
  },
  async reload(message) {
    state.flash = message ?? '';
    await show();
  },
};

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
      state.flash = '';
      void show();
    });
    nav.append(button);
  }
  const figure = (chart: ViewAnswer['charts'][number]) => {
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
  };
  const detail = answer.tables.find((t) => t.id === answer.detail);
  const detailPart = detail
    ? el(
        'section',
        { class: 'detail', 'aria-labelledby': 'detail-title' },
        el('h3', { id: 'detail-title' }, detail.title),
        detail.total === 0
          ? el('p', {}, answer.spend ? W.spend.none : W.empty)
          : answer.spend?.kind === 'suppliers'
            ? supplierEditor(answer, detail, spendPage)
            : tableOf(detail, 'none'),
        detail.total > 0 ? pager(detail) : '',
      )
    : '';
  const flash = state.flash;
  state.flash = '';
  const top = [
    el(
      'div',
      { class: 'header' },
      el('h1', {}, W.title),
      el('p', { class: 'muted' }, `${W.signedInAs} ${answer.viewer.name}`),
    ),
    // The spend views say what they cover in their own notes.
    ...(answer.spend
      ? []
      : [el('p', {}, answer.viewer.isProcurementLead ? W.scopeLead : W.scopeOfficer)]),
    nav,
    el('h2', {}, answer.view.title),
    el('p', {}, answer.view.summary),
    ...(flash ? [el('p', { class: 'flash', role: 'status' }, flash)] : []),
  ];
  if (answer.spend) {
    const spend = answer.spend;
    // A spend view's tables in its own order: a chart's beside it, the detail paged at its place.
    const charted = new Set(answer.charts.map((chart) => chart.tableId));
    const body = answer.tables.flatMap((table): (HTMLElement | string)[] => {
      if (table.id === answer.detail) return [detailPart];
      const chart = answer.charts.find((c) => c.tableId === table.id);
      if (chart) return [figure(chart)];
      return charted.has(table.id) ? [] : [el('section', { class: 'plain' }, tableOf(table))];
    });
    root().replaceChildren(
      ...top,
      ...spend.notes.map((note) => el('p', { class: 'note' }, note)),
      ...spendControls(answer, spendPage),
      ...body,
      ...(spend.upload === 'suppliers' ? [uploadSection('suppliers', spendPage)] : []),
      downloads(answer.view.id, state.spend, W.spend.downloadAll),
      el('p', { class: 'muted' }, W.generated(formatDay(answer.today))),
    );
    return;
  }
  root().replaceChildren(
    ...top,
    el('p', { class: 'muted' }, W.showing(filterWords(answer))),
    filtersForm(answer),
    downloads(answer.view.id),
    ...answer.charts.map(figure),
    detailPart,
    el('p', { class: 'muted' }, W.generated(formatDay(answer.today))),
  );
}

void start();
