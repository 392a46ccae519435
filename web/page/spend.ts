/**
 * The spend baseline's parts of the page (procurement leads only): the year chosen, the
 * suppliers' inline forms, the Action Plan's target form, and the two-step upload of a file.
 * Every word comes from the server's answer or from the page words.
 */
import { PAGE_WORDS } from '../../cards/dashboard/page-words.js';
import type {
  Choice,
  EditableSupplier,
  ImportAnswer,
  ImportCheck,
  MappingChoice,
  ViewAnswer,
} from '../../core/dashboard/api.js';
import type { TablePage } from '../../core/dashboard/table.js';
import { el } from './dom.js';

const W = PAGE_WORDS.spend;
const FAILED = PAGE_WORDS.failed;

/** What the spend parts need of the page around them. */
export interface SpendPage {
  token(): string;
  /** Shows the view again with these choices (a year, the suppliers shown), from page 1. */
  choose(params: Record<string, string>): void;
  /** Shows the view again, with a message at its top. */
  reload(message?: string): Promise<void>;
}

interface Sent {
  status: number;
  body: Record<string, unknown>;
}

async function send(
  page: SpendPage,
  method: string,
  path: string,
  body: BodyInit,
  type: string,
): Promise<Sent> {
  try {
    const answer = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${page.token()}`, 'content-type': type },
      body,
    });
    const text = await answer.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    return { status: answer.status, body: parsed };
  } catch {
    return { status: 0, body: { error: FAILED } };
  }
}

const errorIn = (sent: Sent): string =>
  typeof sent.body.error === 'string' ? sent.body.error : FAILED;

function selectOf(
  id: string,
  choices: readonly Choice[],
  chosen: string | undefined,
  props: Record<string, string> = {},
): HTMLSelectElement {
  const field = el('select', { id, name: id, ...props });
  for (const choice of choices) {
    const option = el('option', { value: choice.value }, choice.label);
    if (choice.value === chosen) option.selected = true;
    field.append(option);
  }
  return field;
}

/** The controls above a spend view's tables: a year, the suppliers shown, or a target to set. */
export function spendControls(answer: ViewAnswer, page: SpendPage): HTMLElement[] {
  const part = answer.spend;
  if (!part) return [];
  if (part.kind === 'figures' && (part.years?.length ?? 0) > 0) {
    const year = selectOf('spend-year', part.years ?? [], part.year);
    const form = el(
      'form',
      { class: 'filters spend-year', 'aria-label': W.chooseYear },
      el('label', { for: 'spend-year' }, W.year, year),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'submit', class: 'primary' }, W.showYear),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      page.choose({ year: year.value });
    });
    return [form];
  }
  if (part.kind === 'suppliers') {
    const toggle = el('div', { class: 'toggle', role: 'group', 'aria-label': W.fillIn });
    for (const [show, label] of [
      ['missing', W.fillIn],
      ['all', W.every],
    ] as const) {
      const button = el(
        'button',
        { type: 'button', 'aria-pressed': String(part.show === show) },
        label,
      );
      button.addEventListener('click', () => page.choose({ show }));
      toggle.append(button);
    }
    return [toggle];
  }
  if (part.kind === 'plan') return [targetForm(answer, page)];
  if (part.kind === 'imports') return [uploadSection('spend', page)];
  return [];
}

/** Where a field's problem is shown, under it, and read with it. */
function fieldError(id: string): HTMLElement {
  return el('p', { id: `${id}-error`, class: 'field-error', hidden: '' });
}

function showProblems(scope: HTMLElement, prefix: string, problems: unknown): void {
  for (const node of scope.querySelectorAll<HTMLElement>('.field-error')) {
    node.hidden = true;
    node.textContent = '';
  }
  for (const input of scope.querySelectorAll('[aria-invalid]'))
    input.removeAttribute('aria-invalid');
  if (!Array.isArray(problems)) return;
  for (const problem of problems as { path?: unknown; message?: unknown }[]) {
    const id = `${prefix}-${String(problem.path)}`;
    const node = scope.querySelector<HTMLElement>(`#${CSS.escape(id)}-error`);
    if (node && typeof problem.message === 'string') {
      node.textContent = problem.message;
      node.hidden = false;
      scope.querySelector(`#${CSS.escape(id)}`)?.setAttribute('aria-invalid', 'true');
    }
  }
}

function targetForm(answer: ViewAnswer, page: SpendPage): HTMLElement {
  const part = answer.spend;
  let etag = part?.planEtag ?? '';
  const year = selectOf('target-year', part?.targetYears ?? [], part?.year, {
    'aria-describedby': 'target-year-error',
  });
  const measure = selectOf('target-measure', part?.measures ?? [], undefined, {
    'aria-describedby': 'target-measure-error',
  });
  const percent = el('input', {
    id: 'target-percent',
    name: 'percent',
    inputmode: 'decimal',
    'aria-describedby': 'target-percent-error',
  });
  const note = el('input', {
    id: 'target-note',
    name: 'note',
    maxlength: '500',
    'aria-describedby': 'target-note-error',
  });
  const status = el('p', { class: 'status', role: 'status' });
  const save = el('button', { type: 'submit', class: 'primary' }, W.saveTarget);
  const labelled = (id: string, label: string, field: HTMLElement) =>
    el('div', { class: 'field' }, el('label', { for: id }, label), field, fieldError(id));
  const form = el(
    'form',
    { class: 'filters target-form', 'aria-labelledby': 'target-title' },
    el('h3', { id: 'target-title' }, W.targetTitle),
    labelled('target-year', W.targetYear, year),
    labelled('target-measure', W.measure, measure),
    labelled('target-percent', W.percent, percent),
    labelled('target-note', W.note, note),
    el('div', { class: 'actions' }, save),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      save.disabled = true;
      status.textContent = W.saving;
      const sent = await send(
        page,
        'POST',
        '/api/dashboard/spend/targets',
        JSON.stringify({
          year: year.value,
          measure: measure.value,
          percent: percent.value,
          note: note.value,
          etag,
        }),
        'application/json',
      );
      save.disabled = false;
      if (sent.status === 200) {
        await page.reload(String(sent.body.message ?? ''));
        return;
      }
      // Kept as typed: a stale save says so, and the next save goes over the newer plan.
      if (typeof sent.body.planEtag === 'string') etag = sent.body.planEtag;
      showProblems(form, 'target', sent.body.problems);
      status.textContent = errorIn(sent);
      status.className = 'status error';
    })();
  });
  return form;
}

/** The suppliers of this page of the table, each row a form of its own. */
export function supplierEditor(
  answer: ViewAnswer,
  detail: TablePage,
  page: SpendPage,
): HTMLElement {
  const part = answer.spend;
  const bands: Choice[] = [{ value: '', label: W.notKnown }, ...(part?.bands ?? [])];
  const vcse: Choice[] = [
    { value: '', label: W.notKnown },
    { value: 'yes', label: W.yes },
    { value: 'no', label: W.no },
  ];
  const head = el(
    'tr',
    {},
    ...[W.supplier, W.spend, W.missing, W.headcount, W.size, W.postcode, W.vcse, ''].map(
      (label, i) => el('th', { scope: 'col', class: i === 1 ? 'number' : undefined }, label),
    ),
  );
  const rows = (part?.suppliers ?? []).map((supplier, index) =>
    supplierRow(supplier, index, bands, vcse, page),
  );
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': detail.title },
    el(
      'table',
      { id: `table-${detail.id}`, class: 'editor' },
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    ),
  );
}

function supplierRow(
  supplier: EditableSupplier,
  index: number,
  bands: Choice[],
  vcseChoices: Choice[],
  page: SpendPage,
): HTMLElement {
  const formId = `supplier-${index}`;
  let etag = supplier.etag;
  let key = supplier.key;
  const input = (field: string, label: string, value: string, props: Record<string, string> = {}) =>
    el('input', {
      id: `${formId}-${field}`,
      name: field,
      form: formId,
      'aria-label': W.of(label, supplier.name),
      'aria-describedby': `${formId}-${field}-error`,
      ...props,
      value,
    });
  const headcount = input('headcount', W.headcount, supplier.headcount?.toString() ?? '', {
    inputmode: 'numeric',
    size: '6',
  });
  const postcode = input('postcode', W.postcode, supplier.postcode ?? '', { size: '9' });
  const band = selectOf(`${formId}-band`, bands, supplier.band ?? '', {
    name: 'band',
    form: formId,
    'aria-label': W.of(W.size, supplier.name),
    'aria-describedby': `${formId}-band-error`,
  });
  const vcse = selectOf(
    `${formId}-vcse`,
    vcseChoices,
    supplier.vcse === undefined ? '' : supplier.vcse ? 'yes' : 'no',
    {
      name: 'vcse',
      form: formId,
      'aria-label': W.of(W.vcse, supplier.name),
    },
  );
  const save = el('button', { type: 'submit', 'aria-label': W.saveOf(supplier.name) }, W.save);
  const status = el('p', { class: 'status', role: 'status' });
  const form = el('form', { id: formId }, save);
  const cell = (field: string, control: HTMLElement) =>
    el('td', {}, control, fieldError(`${formId}-${field}`));
  const row = el(
    'tr',
    {},
    el('th', { scope: 'row' }, supplier.name, fieldError(`${formId}-name`)),
    el('td', { class: 'number' }, supplier.spend),
    el('td', {}, supplier.missing),
    cell('headcount', headcount),
    cell('band', band),
    cell('postcode', postcode),
    el('td', {}, vcse),
    el('td', {}, form, status),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      save.disabled = true;
      status.className = 'status';
      status.textContent = W.saving;
      const body = {
        name: supplier.name,
        ...(supplier.id ? { id: supplier.id } : {}),
        headcount: headcount.value,
        band: band.value,
        postcode: postcode.value,
        vcse: vcse.value,
        ...(etag ? { etag } : {}),
      };
      const path = key
        ? `/api/dashboard/spend/suppliers/${encodeURIComponent(key)}`
        : '/api/dashboard/spend/suppliers';
      const sent = await send(
        page,
        key ? 'PUT' : 'POST',
        path,
        JSON.stringify(body),
        'application/json',
      );
      save.disabled = false;
      if (sent.status === 200) {
        await page.reload(String(sent.body.message ?? ''));
        return;
      }
      showProblems(row, formId, sent.body.problems);
      status.className = 'status error';
      status.textContent = errorIn(sent);
      // What was typed stays; what is stored now is shown, and the next save goes over it.
      const current = sent.body.current as
        | {
            key?: string;
            etag?: string;
            headcount?: number;
            band?: string;
            postcode?: string;
            vcse?: boolean;
          }
        | undefined;
      if (sent.status === 409 && current) {
        etag = current.etag;
        key = current.key ?? key;
        const words = [
          current.headcount === undefined ? '' : `${W.headcount} ${current.headcount}`,
          current.band
            ? `${W.size} ${bands.find((b) => b.value === current.band)?.label ?? current.band}`
            : '',
          current.postcode ? `${W.postcode} ${current.postcode}` : '',
          current.vcse === undefined ? '' : `${W.vcse} ${current.vcse ? W.yes : W.no}`,
        ].filter((w) => w !== '');
        status.append(el('br'), `${W.storedNow} ${words.join(', ') || W.nothing}.`);
      }
    })();
  });
  return row;
}

/** The upload of a payment file or a supplier list: check, then confirm or cancel. */
export function uploadSection(kind: 'spend' | 'suppliers', page: SpendPage): HTMLElement {
  const path =
    kind === 'spend' ? '/api/dashboard/spend/import' : '/api/dashboard/spend/suppliers/import';
  const id = `upload-${kind}`;
  const file = el('input', {
    type: 'file',
    id: `${id}-file`,
    class: 'file-field',
    accept: '.csv,.xlsx,text/csv',
  });
  const check = el('button', { type: 'submit', class: 'primary' }, W.check);
  const result = el('div', { class: 'upload-result', 'aria-live': 'polite' });
  // The check and the column choice go beside the form, not in it: a form holds no other form.
  const form = el(
    'form',
    { class: 'upload-row' },
    el('label', { for: `${id}-file`, class: 'upload-label' }, W.file, file),
    check,
  );
  const section = el(
    'section',
    { class: 'upload', 'aria-labelledby': `${id}-title` },
    el('h3', { id: `${id}-title` }, kind === 'spend' ? W.uploadSpendTitle : W.uploadSuppliersTitle),
    el('p', {}, kind === 'spend' ? W.uploadSpendIntro : W.uploadSuppliersIntro),
    form,
    result,
  );
  let mapping: Record<string, string> = {};

  const upload = async (chosen: File, extra: Record<string, string>, busy: string) => {
    result.replaceChildren(el('p', { role: 'status' }, busy));
    const params = new URLSearchParams({ name: chosen.name, ...extra });
    for (const [field, header] of Object.entries(mapping)) params.set(`map.${field}`, header);
    const sent = await send(page, 'POST', `${path}?${params}`, chosen, 'application/octet-stream');
    const body = sent.body as ImportAnswer;
    if (sent.status === 200 && body.done) {
      mapping = {};
      await page.reload(body.done);
      return;
    }
    if (sent.status === 200 && body.check) {
      result.replaceChildren(checkPanel(body.check, chosen));
      return;
    }
    result.replaceChildren(refusalPanel(body, sent, chosen));
  };

  const checkPanel = (found: ImportCheck, chosen: File): HTMLElement => {
    const buttons: HTMLElement[] = [];
    const confirm = (label: string, skip: boolean, primary: boolean) => {
      const button = el(
        'button',
        { type: 'button', class: primary ? 'primary' : undefined },
        label,
      );
      button.addEventListener(
        'click',
        () =>
          void upload(
            chosen,
            { confirm: 'yes', expect: found.id, ...(skip ? { skip: 'yes' } : {}) },
            W.importing,
          ),
      );
      buttons.push(button);
    };
    if (found.actions.import) confirm(found.actions.import, false, true);
    if (found.actions.skip) confirm(found.actions.skip, true, true);
    const cancel = el('button', { type: 'button' }, found.actions.cancel);
    cancel.addEventListener('click', () => {
      result.replaceChildren();
      file.value = '';
      file.focus();
    });
    buttons.push(cancel);
    return el(
      'section',
      { class: 'check', 'aria-labelledby': `${id}-check-title` },
      el('h4', { id: `${id}-check-title`, tabindex: '-1' }, found.title),
      el(
        'dl',
        { class: 'facts' },
        ...found.facts.flatMap((fact) => [el('dt', {}, fact.label), el('dd', {}, fact.value)]),
      ),
      el(
        'table',
        { id: `${id}-columns`, class: 'columns-taken' },
        el('caption', {}, W.columnsTaken),
        el(
          'thead',
          {},
          el('tr', {}, el('th', { scope: 'col' }, W.field), el('th', { scope: 'col' }, W.column)),
        ),
        el(
          'tbody',
          {},
          ...found.columns.map((c) =>
            el('tr', {}, el('th', { scope: 'row' }, c.label), el('td', {}, c.header)),
          ),
        ),
      ),
      ...(found.badRows.length > 0
        ? [
            el('h5', {}, W.badRows),
            el('ul', { class: 'bad-rows' }, ...found.badRows.map((line) => el('li', {}, line))),
            ...(found.moreBadRows ? [el('p', {}, found.moreBadRows)] : []),
          ]
        : []),
      ...found.notes.map((note) => el('p', { class: 'note' }, note)),
      el('div', { class: 'check-actions' }, ...buttons),
    );
  };

  const refusalPanel = (body: ImportAnswer, sent: Sent, chosen: File): HTMLElement => {
    const parts: HTMLElement[] = [
      el('p', { class: 'error', role: 'alert' }, body.error ?? errorIn(sent)),
    ];
    if (body.problems && body.problems.length > 1)
      parts.push(
        el('ul', { class: 'bad-rows' }, ...body.problems.slice(1).map((p) => el('li', {}, p))),
      );
    if (body.mapping) parts.push(mappingForm(body.mapping, chosen));
    return el('div', {}, ...parts);
  };

  const mappingForm = (choice: MappingChoice, chosen: File): HTMLElement => {
    const columns: Choice[] = [
      { value: '', label: W.noColumn },
      ...choice.seen.map((header) => ({ value: header, label: header })),
    ];
    const selects = choice.fields.map((field) => ({
      field: field.field,
      select: selectOf(`${id}-map-${field.field}`, columns, mapping[field.field] ?? '', {
        'aria-label': W.chooseColumn(field.label),
      }),
      label: `${field.label}${field.required ? ` ${W.required}` : ''}`,
    }));
    const again = el('button', { type: 'submit', class: 'primary' }, choice.action);
    const mapForm = el(
      'form',
      { class: 'filters mapping' },
      el('p', {}, choice.intro),
      ...selects.map(({ field, select, label }) =>
        el('label', { for: `${id}-map-${field}` }, label, select),
      ),
      el('div', { class: 'actions' }, again),
    );
    mapForm.addEventListener('submit', (event) => {
      event.preventDefault();
      mapping = Object.fromEntries(
        selects
          .filter(({ select }) => select.value !== '')
          .map(({ field, select }) => [field, select.value]),
      );
      void upload(chosen, {}, W.checking);
    });
    return mapForm;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, W.noFile));
      return;
    }
    mapping = {};
    void upload(chosen, {}, W.checking);
  });
  return section;
}
