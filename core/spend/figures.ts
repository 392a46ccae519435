import type { PolicyPack, SizeBandId } from '../policy/schema.js';
import { type FinancialYear, financialYearOf, isCompleteYear, quarterOf } from './periods.js';
import type { SpendRow } from './rows.js';
import {
  isLocalPostcode,
  isSmeBand,
  normaliseSupplierName,
  type Supplier,
  supplierBand,
  supplierMatcher,
} from './suppliers.js';

/** A sum of spend and its share of the period's total (undefined when the total is nothing). */
export interface Share {
  pence: number;
  share: number | undefined;
}

export interface BandSpend extends Share {
  band: SizeBandId | 'unknown';
  label: string;
}

export interface SupplierSpend {
  name: string;
  pence: number;
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

export interface SpendInput {
  rows: readonly SpendRow[];
  redacted: readonly SpendRow[];
  suppliers: readonly Supplier[];
}

/** The figures for the payments given (the caller picks the period). */
export function spendFigures(pack: PolicyPack, input: SpendInput, top = 10): SpendFigures {
  const match = supplierMatcher(input.suppliers);
  const redactedPence = sum(input.redacted);
  const totalPence = sum(input.rows) + redactedPence;
  const share = (pence: number): Share => ({
    pence,
    share: totalPence === 0 ? undefined : pence / totalPence,
  });
  const byBand = new Map<SizeBandId | 'unknown', number>();
  const bySupplier = new Map<string, SupplierSpend>();
  let sme = 0;
  let local = 0;
  let localSme = 0;
  let vcse = 0;
  for (const row of input.rows) {
    const supplier = match(row);
    const band = supplierBand(pack, supplier);
    byBand.set(band ?? 'unknown', (byBand.get(band ?? 'unknown') ?? 0) + row.pence);
    const isSme = band !== undefined && isSmeBand(pack, band);
    const isLocal = isLocalPostcode(pack.localArea, supplier?.postcode);
    if (isSme) sme += row.pence;
    if (isLocal) local += row.pence;
    if (isSme && isLocal) localSme += row.pence;
    if (supplier?.vcse) vcse += row.pence;
    const key = supplierKey(row, supplier);
    const spent = bySupplier.get(key) ?? { name: supplier?.name ?? row.supplierName, pence: 0 };
    spent.pence += row.pence;
    bySupplier.set(key, spent);
  }
  const bands: BandSpend[] = [
    ...pack.sizeBands.bands.map((band) => ({
      band: band.id,
      label: band.label,
      ...share(byBand.get(band.id) ?? 0),
    })),
    { band: 'unknown' as const, label: 'Unknown', ...share(byBand.get('unknown') ?? 0) },
  ];
  return {
    totalPence,
    bands,
    redacted: { rows: input.redacted.length, ...share(redactedPence) },
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
  const found = new Map<string, MissingData>();
  for (const row of input.rows) {
    const supplier = match(row);
    const missing: MissingData['missing'] = [];
    if (supplierBand(pack, supplier) === undefined) missing.push('size');
    if (supplier?.postcode === undefined) missing.push('postcode');
    if (missing.length === 0) continue;
    const key = supplierKey(row, supplier);
    const entry = found.get(key) ?? { name: supplier?.name ?? row.supplierName, pence: 0, missing };
    entry.pence += row.pence;
    found.set(key, entry);
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
  const dates = [...input.rows, ...input.redacted].map((row) => row.date);
  const starts = [...new Set(dates.map((date) => financialYearOf(date).start))].sort(
    (a, b) => a - b,
  );
  const years = starts.map((start): YearFigures => {
    const inYear = (row: SpendRow) => financialYearOf(row.date).start === start;
    const year = financialYearOf(`${start}-04-01`);
    const quarters = ([1, 2, 3, 4] as const).flatMap((quarter): QuarterFigures[] => {
      const inQuarter = (row: SpendRow) => inYear(row) && quarterOf(row.date) === quarter;
      const rows = input.rows.filter(inQuarter);
      const redacted = input.redacted.filter(inQuarter);
      if (rows.length + redacted.length === 0) return [];
      return [
        {
          quarter,
          figures: spendFigures(pack, { rows, redacted, suppliers: input.suppliers }, top),
        },
      ];
    });
    return {
      year,
      complete: isCompleteYear(year, dates),
      figures: spendFigures(
        pack,
        {
          rows: input.rows.filter(inYear),
          redacted: input.redacted.filter(inYear),
          suppliers: input.suppliers,
        },
        top,
      ),
      quarters,
    };
  });
  return { years, baseline: years.find((year) => year.complete) };
}

/** A listed supplier is one supplier however its payments name it; an unlisted one by its id, else its normalised name. */
function supplierKey(row: SpendRow, supplier: Supplier | undefined): string {
  if (supplier !== undefined)
    return `listed:${supplier.id ?? normaliseSupplierName(supplier.name)}`;
  if (row.supplierId !== undefined) return `id:${row.supplierId.trim().toLowerCase()}`;
  return `name:${normaliseSupplierName(row.supplierName)}`;
}

const sum = (rows: readonly SpendRow[]): number =>
  rows.reduce((total, row) => total + row.pence, 0);

const largestFirst = <T extends SupplierSpend>(items: T[]): T[] =>
  items.sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name));
