import { fail, ok, type Problem, type Result } from '../common/result.js';

/** The fields a spend row is read into. */
export const SPEND_FIELDS = [
  'date',
  'supplierName',
  'supplierId',
  'amountNet',
  'amountGross',
  'irrecoverableVat',
  'department',
  'category',
] as const;

export type SpendField = (typeof SPEND_FIELDS)[number];

/** What each field is called when an officer is told about it. */
export const FIELD_NAMES: Record<SpendField, string> = {
  date: 'the transaction date',
  supplierName: 'the supplier name',
  supplierId: 'the supplier id',
  amountNet: 'the net amount',
  amountGross: 'the gross amount',
  irrecoverableVat: 'the irrecoverable VAT',
  department: 'the department',
  category: 'the category',
};

/**
 * Column names seen in payment exports and "spend over £500" transparency files, written as
 * `normaliseHeader` leaves them. A plain "Amount" is net: transparency files publish amounts
 * excluding VAT, with the VAT the body cannot reclaim in a column of its own.
 */
const KNOWN_HEADERS: Record<SpendField, readonly string[]> = {
  date: ['transactiondate', 'date', 'paymentdate', 'dateofpayment', 'datepaid', 'postingdate'],
  supplierName: [
    'suppliername',
    'supplier',
    'beneficiary',
    'beneficiaryname',
    'payee',
    'vendor',
    'vendorname',
  ],
  supplierId: [
    'supplierid',
    'suppliercode',
    'suppliernumber',
    'supplierref',
    'vendorid',
    'vendornumber',
  ],
  amountNet: [
    'amount',
    'netamount',
    'amountexcvat',
    'amountexvat',
    'amountexclvat',
    'net',
    'value',
  ],
  amountGross: ['grossamount', 'amountincvat', 'amountinclvat', 'gross'],
  irrecoverableVat: ['irrecoverablevat', 'vatirrecoverable', 'nonrecoverablevat'],
  department: ['department', 'servicearea', 'directorate', 'service', 'servicedivision'],
  category: [
    'expensetype',
    'procurementcategory',
    'category',
    'expensearea',
    'expenditurecategory',
  ],
};

/** "Transaction Date", "transaction_date" and " TRANSACTION-DATE " are one name. */
export const normaliseHeader = (header: string): string =>
  header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names to use for fields, where the file's names differ from the known ones. */
export type ColumnMapping = Partial<Record<SpendField, string>>;

export interface ColumnTaken {
  field: SpendField;
  header: string;
  index: number;
}

export interface Columns {
  /** Each field found, with the column it was taken from, in the order of `SPEND_FIELDS`. */
  taken: ColumnTaken[];
  index: Partial<Record<SpendField, number>>;
}

/**
 * Finds each field's column in a header row, for any kind of file (payments, supplier lists):
 * a mapping's names win over the known ones, and no column is taken twice. Gives the problems
 * with the mapping (a name given that no column has).
 */
export function findColumns<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  known: Record<F, readonly string[]>,
  fieldNames: Record<F, string>,
  mapping: Partial<Record<F, string>> = {},
): {
  index: Partial<Record<F, number>>;
  taken: { field: F; header: string; index: number }[];
  problems: string[];
} {
  const names = headers.map(normaliseHeader);
  const problems: string[] = [];
  const index: Partial<Record<F, number>> = {};
  // Mapped columns first, so that recognition never takes a column the mapping gave elsewhere.
  for (const field of fields) {
    const wanted = mapping[field];
    if (wanted === undefined) continue;
    const at = names.indexOf(normaliseHeader(wanted));
    if (at === -1)
      problems.push(`there is no column "${wanted}" to read ${fieldNames[field]} from`);
    else index[field] = at;
  }
  for (const field of fields) {
    if (mapping[field] !== undefined) continue;
    const used = Object.values(index);
    const at = names.findIndex((name, i) => known[field].includes(name) && !used.includes(i));
    if (at !== -1) index[field] = at;
  }
  const taken = fields.flatMap((field) => {
    const at = index[field];
    return at === undefined ? [] : [{ field, header: headers[at] ?? '', index: at }];
  });
  return { index, taken, problems };
}

/** The refusal of a header row, listing the columns it has so the officer can name the right ones. */
export function columnsRefused(headers: readonly string[], problems: readonly string[]): Problem {
  const seen = headers.length === 0 ? 'none' : headers.map((h) => `"${h}"`).join(', ');
  return {
    path: 'columns',
    message: `The file cannot be read: ${problems.join('; ')}. Columns seen: ${seen}. Say which column holds each of them.`,
    columnsSeen: [...headers],
  };
}

/**
 * Finds each field's column in a payment file's header row; a mapping's names win over the
 * known ones. Refused when the date, the supplier or an amount (net or gross) has no column.
 */
export function recogniseColumns(
  headers: readonly string[],
  mapping: ColumnMapping = {},
): Result<Columns> {
  const { index, taken, problems } = findColumns(
    headers,
    SPEND_FIELDS,
    KNOWN_HEADERS,
    FIELD_NAMES,
    mapping,
  );
  const missing: string[] = [];
  if (index.date === undefined && mapping.date === undefined) missing.push(FIELD_NAMES.date);
  if (index.supplierName === undefined && mapping.supplierName === undefined)
    missing.push(FIELD_NAMES.supplierName);
  if (
    index.amountNet === undefined &&
    index.amountGross === undefined &&
    !mapping.amountNet &&
    !mapping.amountGross
  )
    missing.push('the amount (net or gross)');
  if (missing.length > 0) problems.push(`no column was recognised for ${listInWords(missing)}`);
  if (problems.length > 0) return fail([columnsRefused(headers, problems)]);
  return ok({ taken, index });
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
