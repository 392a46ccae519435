import { formatDate, formatMonth, monthName } from '../../core/common/dates.js';
import { formatMoney } from '../../core/common/money.js';
import { listInWords } from '../../core/spend/columns.js';
import type { BandSpend, Share } from '../../core/spend/figures.js';
import { type FinancialYear, quarterMonths } from '../../core/spend/periods.js';
import type { SpendTargetMeasure } from '../../core/spend/targets.js';

/** The words of the spend views, their notes and their refusals: every one a lead reads. */

/** Refused to anyone who is not a procurement lead, on every spend read and write. */
export const LEADS_ONLY = 'The spend baseline is for procurement leads.';

/** Pence as pounds in words: "£12,500.00". */
export const poundsText = (pence: number): string => formatMoney(pence / 100);

/** Pence as pounds for a table cell: a number, so that a spreadsheet adds it up. */
export const pounds = (pence: number): number => Math.round(pence) / 100;

/** A share as a percentage with one decimal (a number for a cell), or null when there is no spend. */
export const percent = (share: number | undefined): number | null =>
  share === undefined ? null : Math.round(share * 1000) / 10;

/** A share in words: "41.2%", or "no spend". */
export const percentText = (share: number | undefined): string =>
  share === undefined ? 'no spend' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

export const shareOf = (value: Share): number | null => percent(value.share);

export const MEASURE_WORDS: Record<SpendTargetMeasure, string> = {
  sme: 'SME share',
  local: 'Local share',
};

/** A financial year as a table names it: "2023-24", "2023-24 (baseline)". */
export const yearWords = (year: FinancialYear, baseline: FinancialYear | undefined): string =>
  baseline?.start === year.start ? `${year.label} (baseline)` : year.label;

/** A quarter of a financial year: "Q1: April to June 2025". */
export function quarterWords(year: FinancialYear, quarter: 1 | 2 | 3 | 4): string {
  const { first, last } = quarterMonths(year, quarter);
  return `Q${quarter}: ${monthName(Number(first.slice(5, 7)))} to ${formatMonth(last)}`;
}

export const SPEND_WORDS = {
  noSpend: 'No spend is imported yet: import a payment file on the Spend imports tab.',
  baseline: (year: string) =>
    `Baseline: ${year}, the first complete financial year imported. Each year is shown against it.`,
  noBaseline:
    'No baseline yet: no financial year imported covers all twelve months. The baseline is the first one that does.',
  notComplete: (year: string, months: number, from: string, to: string) =>
    `${year} is not complete: the payments cover ${months} of its 12 months (${from} to ${to}), so its figures may still change.`,
  redacted: (amount: string, rows: number, share: string) =>
    `Redacted payments (payee withheld): ${amount} in ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'payment' : 'payments'}, ${share} of the total. They count in the total and in no size band, local, SME or VCSE share.`,
  yearChoice: (label: string, complete: boolean) => (complete ? label : `${label} (not complete)`),
  headline: (figure: string, value: string, baseline: string | undefined, year: string) =>
    baseline === undefined
      ? `${figure} ${value}`
      : `${figure} ${value} (baseline ${year}: ${baseline})`,
  missingSize: (count: number, amount: string, share: string) =>
    `${count.toLocaleString('en-GB')} ${count === 1 ? 'supplier' : 'suppliers'} paid ${amount} (${share} of all spend) ${count === 1 ? 'has' : 'have'} no size.`,
  missingPostcode: (count: number) =>
    `${count.toLocaleString('en-GB')} ${count === 1 ? 'supplier has' : 'suppliers have'} no postcode.`,
  nothingMissing: 'Every supplier paid has a size and a postcode.',
  fillInFirst:
    'Fill in the largest first: a change counts in the figures at once, with no re-import.',
  everySupplier: (count: number) =>
    `${count.toLocaleString('en-GB')} ${count === 1 ? 'supplier' : 'suppliers'}, largest spend first.`,
  missing: { size: 'size', postcode: 'postcode' } as Record<'size' | 'postcode', string>,
  smeNoBand: 'SME, size not known',
  unknownSize: 'Unknown',
  noTargets:
    'No target is set yet. Set the SME share and the local share you aim for in each financial year below.',
  targetsIntro: (count: number) =>
    `${count} ${count === 1 ? 'target' : 'targets'} in force, each against the actual share of its year's spend.`,
  noImports: 'No spend file is imported yet. Upload a payment file below.',
  importsInForce: (count: number, from: string, to: string) =>
    `${count} ${count === 1 ? 'file' : 'files'} in force, covering payments from ${from} to ${to}.`,
  localArea: (districts: string, from: string) =>
    `Local: a supplier whose postcode is in ${districts}. The list is our reading of ${from}, not the policy's own words.`,
  noLocalArea:
    'Local: the policy pack lists no local area, so no spend counts as local and the local shares are 0. A force lists its postcode districts in its pack.',
  replaced: (count: number) =>
    count === 0 ? 'None' : `${count} earlier ${count === 1 ? 'import' : 'imports'}`,
} as const;

/** Where a year's actual share stands against its target. */
export const STANDING_WORDS = {
  met: 'Met',
  notMet: 'Not met',
  notOver: 'Year not over',
  noSpend: 'No spend imported for this year',
  partial: ' (the payments do not cover every month)',
} as const;

/** Whether a supplier is local, in words. */
export const LOCAL_WORDS = {
  yes: 'Yes',
  no: 'No',
  noPostcode: 'Postcode not known',
  partly: (district: string) => `Yes (${district} is partly outside the area)`,
  partlyRun: 'partly outside the area',
} as const;

const NUMBERED_DISTRICT = /^([A-Z]{1,2})(\d{1,2})$/;

/**
 * A local area's districts in a line: runs of consecutive districts as ranges, partial ones
 * said so, in the pack's order ("CA1 to CA28, LA7 to LA23 and LA6 (partly outside the area)").
 */
export function districtsWords(
  districts: readonly { district: string; partial?: boolean | undefined }[],
): string {
  const runs: { first: string; last: string; partial: boolean }[] = [];
  let previous: { prefix: string; number: number } | undefined;
  for (const { district, partial = false } of districts) {
    const match = NUMBERED_DISTRICT.exec(district);
    const here = match ? { prefix: match[1] ?? '', number: Number(match[2]) } : undefined;
    const run = runs.at(-1);
    const follows =
      run !== undefined &&
      run.partial === partial &&
      here !== undefined &&
      previous?.prefix === here.prefix &&
      previous.number + 1 === here.number;
    if (follows) run.last = district;
    else runs.push({ first: district, last: district, partial });
    previous = here;
  }
  return listInWords(
    runs.map(
      (run) =>
        `${run.first === run.last ? run.first : `${run.first} to ${run.last}`}${run.partial ? ` (${LOCAL_WORDS.partlyRun})` : ''}`,
    ),
  );
}

/** Dates in the UK form, for notes. */
export const dayWords = (iso: string | undefined): string => (iso ? formatDate(iso) : '');

/** A line of spend by size in words: the pack's label, or the words for the two lines it does not name. */
export const bandWords = (line: BandSpend): string =>
  line.label ?? (line.band === 'sme-unknown' ? SPEND_WORDS.smeNoBand : SPEND_WORDS.unknownSize);

/** What a save of a supplier or a target answers. */
export const SPEND_WRITE_WORDS = {
  fix: 'Check the fields marked: nothing was saved.',
  noVersion:
    'Reload the page and save again: the change did not say which version of the supplier it was made on, so nothing was saved.',
  saved: (name: string) => `Saved ${name}. The figures count it now.`,
  supplierStale: (by: string | undefined) =>
    `${by ?? 'Someone else'} changed this supplier since the page was loaded, so nothing was saved. What you typed is still here, and what is stored now is below: save again to replace it with yours.`,
  // The page shows what is stored beside what was typed, and its next save goes over it.
  alreadyListed: (name: string, by: string | undefined) =>
    `${name} is already on the supplier list${by ? ` (${by} saved it)` : ''}, so nothing was saved. What you typed is still here, and what is stored now is below: save again to replace it with yours.`,
  planStale: (by: string | undefined) =>
    `${by ?? 'Someone else'} changed the Action Plan since the page was loaded, so nothing was saved. Your target is still in the form: check the targets in force, then save again to set yours.`,
  targetSet: 'Target saved.',
  targetUnchanged: 'That target is already in force: nothing changed.',
} as const;
