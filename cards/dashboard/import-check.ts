import { formatMonth } from '../../core/common/dates.js';
import type { ImportCheck, MappingChoice } from '../../core/dashboard/api.js';
import type { SpendImportLine } from '../../core/dashboard/spend-view.js';
import { FIELD_NAMES, listInWords, type SpendField } from '../../core/spend/columns.js';
import type { BadRow } from '../../core/spend/rows.js';
import {
  SUPPLIER_FIELD_NAMES,
  SUPPLIER_FIELDS,
  type SupplierField,
} from '../../core/spend/supplier-list.js';
import { type Supplier, supplierMatcher } from '../../core/spend/suppliers.js';
import type { CheckedSpend } from '../../core/spend/totals.js';
import { badRowsShown } from '../spend-import-text.js';
import { dayWords, poundsText } from './spend-words.js';

/** "the transaction date" as a label: "Transaction date". */
export const fieldLabel = (words: string): string => {
  const bare = words.replace(/^the /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
};

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const importWords = (i: SpendImportLine): string =>
  `"${i.fileName}" (imported ${dayWords(i.importedAt.slice(0, 10))} by ${i.importedBy.name})`;

const monthsWords = (i: SpendImportLine): string =>
  i.firstDate && i.lastDate
    ? `${formatMonth(i.firstDate.slice(0, 7))} to ${formatMonth(i.lastDate.slice(0, 7))}`
    : '';

export interface SpendPreview {
  alreadyImported: boolean;
  wouldReplace: readonly SpendImportLine[];
  overlapping: readonly SpendImportLine[];
}

/**
 * A check's buttons: Import, or Import skipping the bad rows, when there is something to import;
 * Close for a file already imported, else Cancel.
 */
function checkActions(
  importable: boolean,
  bad: number,
  alreadyImported: boolean,
): ImportCheck['actions'] {
  const actions: ImportCheck['actions'] = { cancel: alreadyImported ? 'Close' : 'Cancel' };
  if (!importable) return actions;
  if (bad > 0) actions.skip = `Import, skipping the ${count(bad, 'bad row', 'bad rows')}`;
  else actions.import = 'Import';
  return actions;
}

/** The bad rows on the check, as sentences: the first few by line, the rest counted. */
function checkBadRows(
  badRows: readonly BadRow[],
  total: number,
): {
  badRows: string[];
  moreBadRows?: string;
} {
  const { shown, more } = badRowsShown(badRows, total);
  return {
    badRows: shown.map((line) => `${line}.`),
    ...(more > 0 ? { moreBadRows: `and ${count(more, 'more', 'more')}` } : {}),
  };
}

/** The check of a payment file, in words: what would be imported, and the buttons to confirm. */
export function spendCheck(
  file: CheckedSpend & { id: string; fileName: string },
  preview: SpendPreview,
): ImportCheck {
  const notes: string[] = [];
  if (preview.alreadyImported)
    notes.push('This file is already imported: importing it again would change nothing.');
  for (const earlier of preview.wouldReplace)
    notes.push(
      `It replaces the earlier import of ${importWords(earlier)}: that file's payments stop counting.`,
    );
  if (preview.overlapping.length > 0)
    notes.push(
      `Other files in force cover some of the same months: ${listInWords(
        preview.overlapping.map((i) => `"${i.fileName}" (${monthsWords(i)})`),
      )}. A payment in both files would count twice.`,
    );
  const good = file.rows + file.redactedRows;
  if (good === 0) notes.push('No payment in the file can be read: correct it and upload it again.');
  const bad = file.badRowCount;
  const actions = checkActions(!preview.alreadyImported && good > 0, bad, preview.alreadyImported);
  return {
    kind: 'spend',
    id: file.id,
    fileName: file.fileName,
    title: `Check "${file.fileName}" before it is imported`,
    facts: [
      { label: 'Payments', value: count(file.rows, 'payment', 'payments') },
      { label: 'Redacted payments', value: count(file.redactedRows, 'payment', 'payments') },
      { label: 'Bad rows', value: bad === 0 ? 'None' : count(bad, 'row', 'rows') },
      { label: 'Total', value: poundsText(file.totalPence) },
      {
        label: 'Dates covered',
        value:
          file.firstDate && file.lastDate
            ? `${dayWords(file.firstDate)} to ${dayWords(file.lastDate)}`
            : 'None',
      },
    ],
    columns: file.columns.map((c) => ({
      label: fieldLabel(FIELD_NAMES[c.field]),
      header: c.header,
    })),
    badRowCount: bad,
    ...checkBadRows(file.badRows, bad),
    notes,
    alreadyImported: preview.alreadyImported,
    actions,
  };
}

/** What an import did, in one sentence. */
export function spendImported(
  outcome: 'imported' | 'unchanged',
  file: CheckedSpend & { fileName: string },
  replaced: readonly SpendImportLine[],
): string {
  if (outcome === 'unchanged') return `"${file.fileName}" was already imported: nothing changed.`;
  const skipped =
    file.badRowCount > 0
      ? ` ${count(file.badRowCount, 'bad row was', 'bad rows were')} skipped.`
      : '';
  const instead =
    replaced.length > 0
      ? ` It replaced the earlier import of ${listInWords(replaced.map((r) => `"${r.fileName}"`))}.`
      : '';
  return `Imported "${file.fileName}": ${count(file.rows, 'payment', 'payments')} and ${count(file.redactedRows, 'redacted payment', 'redacted payments')}, ${poundsText(file.totalPence)} in all.${skipped}${instead}`;
}

/** The fields a lead chooses a column for when a payment file's columns are not recognised. */
const MAPPED: { field: SpendField; required: boolean }[] = [
  { field: 'date', required: true },
  { field: 'supplierName', required: true },
  { field: 'amountNet', required: false },
  { field: 'amountGross', required: false },
  { field: 'supplierId', required: false },
];

export function spendMapping(seen: readonly string[]): MappingChoice {
  return {
    intro:
      'Choose the column that holds each of these, then check the file again. It needs the date, the supplier and one of the two amounts.',
    fields: MAPPED.map(({ field, required }) => ({
      field,
      label: fieldLabel(FIELD_NAMES[field]),
      required,
    })),
    seen: [...seen],
    action: 'Check again with these columns',
  };
}

/** The fields a lead chooses a column for when a supplier list's columns are not recognised. */
export function supplierMapping(seen: readonly string[]): MappingChoice {
  return {
    intro:
      'Choose the column that holds each of these, then check the list again. It needs the supplier name.',
    fields: SUPPLIER_FIELDS.map((field) => ({
      field,
      label: fieldLabel(SUPPLIER_FIELD_NAMES[field]),
      required: field === 'name',
    })),
    seen: [...seen],
    action: 'Check again with these columns',
  };
}

/** Refusals of an upload that are not the file's own problems. */
export const UPLOAD_WORDS = {
  noName: 'Choose a file to upload.',
  notOctet:
    'Send the file itself as the request body (content type application/octet-stream), with its name in the address.',
  changed:
    'The file is not the one that was checked: it changed since. Check it again before importing it.',
  badMapping: 'Choose a column from the list for each field.',
  badRowsNotSkipped:
    'The list has bad rows: nothing was imported. Correct them, or choose to import it skipping them.',
  unreadable: 'The file could not be read: nothing was imported.',
} as const;

/** The check of a supplier list, in words: how many suppliers, what they give, which are new. */
export function supplierCheck(
  file: {
    id: string;
    fileName: string;
    suppliers: readonly Supplier[];
    columns: readonly { field: SupplierField; header: string }[];
    badRows: readonly BadRow[];
    badRowCount: number;
  },
  known: readonly Supplier[],
): ImportCheck {
  const match = supplierMatcher(known);
  const listed = file.suppliers.filter((s) =>
    match({ supplierName: s.name, ...(s.id ? { supplierId: s.id } : {}) }),
  );
  const sized = file.suppliers.filter(
    (s) => s.headcount !== undefined || s.band !== undefined || s.sme !== undefined,
  ).length;
  const withPostcode = file.suppliers.filter((s) => s.postcode !== undefined).length;
  const vcse = file.suppliers.filter((s) => s.vcse === true).length;
  const bad = file.badRowCount;
  const n = file.suppliers.length;
  const actions = checkActions(n > 0, bad, false);
  return {
    kind: 'suppliers',
    id: file.id,
    fileName: file.fileName,
    title: `Check the supplier list "${file.fileName}" before it is imported`,
    facts: [
      { label: 'Suppliers', value: count(n, 'supplier', 'suppliers') },
      { label: 'With a size', value: count(sized, 'supplier', 'suppliers') },
      { label: 'With a postcode', value: count(withPostcode, 'supplier', 'suppliers') },
      { label: 'VCSE', value: count(vcse, 'supplier', 'suppliers') },
      { label: 'New to the list', value: count(n - listed.length, 'supplier', 'suppliers') },
      {
        label: 'Already listed',
        value: `${count(listed.length, 'supplier', 'suppliers')} (what this file gives replaces what is stored)`,
      },
      { label: 'Bad rows', value: bad === 0 ? 'None' : count(bad, 'row', 'rows') },
    ],
    columns: file.columns.map((c) => ({
      label: fieldLabel(SUPPLIER_FIELD_NAMES[c.field]),
      header: c.header,
    })),
    badRowCount: bad,
    ...checkBadRows(file.badRows, bad),
    notes: n === 0 ? ['No supplier in the file can be read: correct it and upload it again.'] : [],
    alreadyImported: false,
    actions,
  };
}

/** What a supplier list's import did. */
export const suppliersImported = (
  fileName: string,
  done: { added: number; updated: number; unchanged: number },
): string =>
  `Imported the supplier list "${fileName}": ${count(done.added, 'supplier', 'suppliers')} added, ${done.updated.toLocaleString('en-GB')} updated, ${done.unchanged.toLocaleString('en-GB')} unchanged. The figures count them now.`;
