import type { PolicyPack, SizeBandId } from '../policy/schema.js';
import { type FinancialYear, financialYearOf, isCompleteYear, quarterOf } from './periods.js';
import type { SpendRow } from './rows.js';
import {
  isLocalPostcode,
  isSmeBand,
  isSmeSupplier,
  normaliseSupplierName,
  type Supplier,
  supplierBand,
  supplierKeyOf,
  supplierMatcher,
} from './suppliers.js';
import { type PayeeMonth, payeeMonthsOf } from './totals.js';

/** A sum of spend and its share of the period's total (undefined when the total is nothing). */
export interface Share {
  pence: number;
  share: number | undefined;
}

/**
 * A line of spend by size: a pack band with the pack's label, or one of the two lines the
 * pack does not name ('sme-unknown': listed as SME with no head count or band; 'unknown': size
 * not known at all), whose words the cards give.
 */
export type BandSpend = Share &
  ({ band: SizeBandId; label: string } | { band: 'sme-unknown' | 'unknown'; label?: never });

export interface SupplierSpend {
  name: string;
  pence: number;
  /** Who the figures counted: one key per supplier paid (see supplierKeys), never shared. */
  key: string;
  /** The listed supplier paid, by the key it is filed under (supplierKeyOf); none when not listed. */
  listedKey?: string;
  /**
   * The supplier id the payments give, when the list does not: an unlisted payee known by its
   * id, or a supplier listed by name alone. A supplier saved from the view keeps it, to match by id.
   */
  supplierId?: string;
}

export interface SpendFigures {
  totalPence: number;
  /** The pack's bands in order, then spend with suppliers of unknown size: never folded into large. */
  bands: BandSpend[];
  /** Payments to withheld payees: part of the total, in no band, never local, SME or VCSE. */
  redacted: Share & { rows: number };
  sme: Share;
  local: Share;
  localSme: Share;
  vcse: Share;
  supplierCount: number;
  topSuppliers: SupplierSpend[];
}

export interface MissingData extends SupplierSpend {
  missing: ('size' | 'postcode')[];
}

/**
 * What the figures are worked out from: the payee-month totals the store keeps of each file
 * (`months`), the one way the figures read payments. Rows read whole (readSpendRows) are
 * accepted too and turned into the same totals by `payeeMonthsOf` first.
 */
export type SpendInput =
  | { months: readonly PayeeMonth[]; suppliers: readonly Supplier[] }
  | { rows: readonly SpendRow[]; redacted: readonly SpendRow[]; suppliers: readonly Supplier[] };

const monthsOf = (input: SpendInput): readonly PayeeMonth[] =>
  'months' in input ? input.months : payeeMonthsOf(input.rows, input.redacted);

/** The figures for the payments given (the caller picks the period). */
export function spendFigures(pack: PolicyPack, input: SpendInput, top = 10): SpendFigures {
  return figuresOf(pack, monthsOf(input), input.suppliers, top);
}

function figuresOf(
  pack: PolicyPack,
  months: readonly PayeeMonth[],
  suppliers: readonly Supplier[],
  top: number,
): SpendFigures {
  const match = supplierMatcher(suppliers);
  const supplierKey = supplierKeys(months);
  const paid = months.filter((month) => !month.redacted);
  const withheld = months.filter((month) => month.redacted);
  const redactedPence = sum(withheld);
  const totalPence = sum(paid) + redactedPence;
  const share = (pence: number): Share => ({
    pence,
    share: totalPence === 0 ? undefined : pence / totalPence,
  });
  const byBand = new Map<BandSpend['band'], number>();
  const bySupplier = new Map<string, SupplierSpend>();
  let sme = 0;
  let local = 0;
  let localSme = 0;
  let vcse = 0;
  // What each listed supplier is, worked out once: a file has many payee-months per supplier.
  const facts = new Map<
    Supplier,
    { isSme: boolean; line: BandSpend['band']; isLocal: boolean; who: SupplierIdentity }
  >();
  for (const row of paid) {
    const supplier = match(toRow(row));
    let known = supplier === undefined ? undefined : facts.get(supplier);
    if (known === undefined) {
      const isSme = isSmeSupplier(pack, supplier);
      known = {
        isSme,
        line: supplierBand(pack, supplier) ?? (isSme ? 'sme-unknown' : 'unknown'),
        isLocal: isLocalPostcode(pack.localArea, supplier?.postcode),
        who: supplierKey(row, supplier),
      };
      if (supplier !== undefined) facts.set(supplier, known);
    }
    const { isSme, line, isLocal, who } = known;
    byBand.set(line, (byBand.get(line) ?? 0) + row.pence);
    if (isSme) sme += row.pence;
    if (isLocal) local += row.pence;
    if (isSme && isLocal) localSme += row.pence;
    if (supplier?.vcse) vcse += row.pence;
    const spent = bySupplier.get(who.key) ?? { name: supplier?.name ?? row.name, pence: 0, ...who };
    spent.pence += row.pence;
    paidId(spent, supplier, row);
    bySupplier.set(who.key, spent);
  }
  // The SME-size-not-known line goes between the SME bands and the others, and only when the
  // list says SME without a band for a supplier: otherwise it would be a line always at nothing.
  const smeUnknown = suppliers.some(
    (supplier) => supplier.sme === true && supplierBand(pack, supplier) === undefined,
  )
    ? [{ band: 'sme-unknown' as const, ...share(byBand.get('sme-unknown') ?? 0) }]
    : [];
  const packBands = pack.sizeBands.bands.map((band) => ({
    band: band.id,
    label: band.label,
    ...share(byBand.get(band.id) ?? 0),
  }));
  const smeBands = packBands.filter((band) => isSmeBand(pack, band.band));
  const otherBands = packBands.filter((band) => !isSmeBand(pack, band.band));
  const bands: BandSpend[] = [
    ...smeBands,
    ...smeUnknown,
    ...otherBands,
    { band: 'unknown' as const, ...share(byBand.get('unknown') ?? 0) },
  ];
  return {
    totalPence,
    bands,
    redacted: { rows: withheld.reduce((n, month) => n + month.rows, 0), ...share(redactedPence) },
    sme: share(sme),
    local: share(local),
    localSme: share(localSme),
    vcse: share(vcse),
    supplierCount: bySupplier.size,
    topSuppliers: largestFirst([...bySupplier.values()]).slice(0, top),
  };
}

/** Suppliers paid whose size or postcode is not known, largest spend first, so the ones that matter are filled in first. */
export function suppliersMissingData(pack: PolicyPack, input: SpendInput): MissingData[] {
  const match = supplierMatcher(input.suppliers);
  const months = monthsOf(input);
  const supplierKey = supplierKeys(months);
  const found = new Map<string, MissingData>();
  for (const row of months) {
    if (row.redacted) continue;
    const supplier = match(toRow(row));
    const missing: MissingData['missing'] = [];
    // Listed as SME with no band is enough for the SME share: not asked for again.
    if (supplierBand(pack, supplier) === undefined && supplier?.sme !== true) missing.push('size');
    if (supplier?.postcode === undefined) missing.push('postcode');
    if (missing.length === 0) continue;
    const who = supplierKey(row, supplier);
    const entry = found.get(who.key) ?? {
      name: supplier?.name ?? row.name,
      pence: 0,
      ...who,
      missing,
    };
    entry.pence += row.pence;
    paidId(entry, supplier, row);
    found.set(who.key, entry);
  }
  return largestFirst([...found.values()]);
}

export interface QuarterFigures {
  quarter: 1 | 2 | 3 | 4;
  figures: SpendFigures;
}

export interface YearFigures {
  year: FinancialYear;
  complete: boolean;
  figures: SpendFigures;
  quarters: QuarterFigures[];
}

export interface SpendBaseline {
  years: YearFigures[];
  /** The first complete financial year present; undefined until one is. */
  baseline: YearFigures | undefined;
}

/** The figures for each financial year and quarter present, earliest first, and the baseline. */
export function spendByYear(pack: PolicyPack, input: SpendInput, top = 10): SpendBaseline {
  const months = monthsOf(input);
  const { suppliers } = input;
  // A month's first day stands for the month: the figures need no finer period.
  const dates = [...new Set(months.map((month) => `${month.month}-01`))];
  const starts = [...new Set(dates.map((date) => financialYearOf(date).start))].sort(
    (a, b) => a - b,
  );
  const years = starts.map((start): YearFigures => {
    const inYear = months.filter((m) => financialYearOf(`${m.month}-01`).start === start);
    const year = financialYearOf(`${start}-04-01`);
    const quarters = ([1, 2, 3, 4] as const).flatMap((quarter): QuarterFigures[] => {
      const inQuarter = inYear.filter((m) => quarterOf(`${m.month}-01`) === quarter);
      if (inQuarter.length === 0) return [];
      return [{ quarter, figures: figuresOf(pack, inQuarter, suppliers, top) }];
    });
    return {
      year,
      complete: isCompleteYear(year, dates),
      figures: figuresOf(pack, inYear, suppliers, top),
      quarters,
    };
  });
  return { years, baseline: years.find((year) => year.complete) };
}

/** Who a payment was to, as the figures count it and the views find it again. */
type SupplierIdentity = Pick<SupplierSpend, 'key' | 'listedKey' | 'supplierId'>;

/** A listed supplier is one supplier however its payments name it; an unlisted one by its id, else its normalised name. */
type SupplierKey = (row: PayeeMonth, supplier: Supplier | undefined) => SupplierIdentity;

/**
 * One key per supplier paid: a listed supplier by the list; one not listed by its supplier id,
 * and a payment that names it without the id counts with those that give it, when exactly one
 * id goes by that name (one file may give ids and another not, for the same supplier).
 */
function supplierKeys(months: readonly PayeeMonth[]): SupplierKey {
  // Each id's payee (lower-cased) and the id as a file wrote it, by normalised name.
  const idsByName = new Map<string, Map<string, string>>();
  for (const month of months) {
    if (month.redacted || month.supplierId === undefined) continue;
    const name = normaliseSupplierName(month.name);
    const ids = idsByName.get(name) ?? new Map<string, string>();
    if (!ids.has(month.payee)) ids.set(month.payee, month.supplierId);
    idsByName.set(name, ids);
  }
  return (row, supplier) => {
    if (supplier !== undefined) {
      const listedKey = supplierKeyOf(supplier);
      return { key: `listed:${listedKey}`, listedKey };
    }
    if (row.supplierId !== undefined) return { key: `id:${row.payee}`, supplierId: row.supplierId };
    const ids = idsByName.get(row.payee);
    const [only] = ids ?? [];
    return ids?.size === 1 && only !== undefined
      ? { key: `id:${only[0]}`, supplierId: only[1] }
      : { key: `name:${row.payee}` };
  };
}

/** A supplier listed by name alone takes the first id its payments give (the list has none to show). */
function paidId(line: SupplierSpend, supplier: Supplier | undefined, row: PayeeMonth): void {
  if (line.supplierId === undefined && supplier?.id === undefined && row.supplierId !== undefined)
    line.supplierId = row.supplierId;
}

/** A payee-month as the supplier matcher reads a payment. */
const toRow = (month: PayeeMonth): { supplierName: string; supplierId?: string } => ({
  supplierName: month.name,
  ...(month.supplierId === undefined ? {} : { supplierId: month.supplierId }),
});

const sum = (months: readonly PayeeMonth[]): number =>
  months.reduce((total, month) => total + month.pence, 0);

const largestFirst = <T extends SupplierSpend>(items: T[]): T[] =>
  items.sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name));
