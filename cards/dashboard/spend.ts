import { formatMonth } from '../../core/common/dates.js';
import type { SpendView } from '../../core/dashboard/spend-view.js';
import type { Cell, Table } from '../../core/dashboard/table.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { listInWords } from '../../core/spend/columns.js';
import {
  financialYearOf,
  isSmeSupplier,
  localDistrictOf,
  type SpendFigures,
  type Supplier,
  spendByYear,
  supplierBand,
  supplierKeyOf,
  type YearFigures,
} from '../../core/spend/index.js';
import { policyRef } from '../policy-ref.js';
import {
  bandWords,
  districtsWords,
  LOCAL_WORDS,
  percent,
  percentText,
  pounds,
  poundsText,
  quarterWords,
  SPEND_WORDS,
  shareOf,
  yearWords,
} from './spend-words.js';

/** Every supplier, not the top ten alone: the detail table pages them, largest first. */
export const ALL_SUPPLIERS = Number.MAX_SAFE_INTEGER;

/** The size of a supplier in words: its band, SME without a band, or unknown. */
export function sizeWords(pack: PolicyPack, supplier: Supplier | undefined): string {
  const band = supplierBand(pack, supplier);
  if (band !== undefined) return pack.sizeBands.bands.find((b) => b.id === band)?.label ?? band;
  return isSmeSupplier(pack, supplier) ? SPEND_WORDS.smeNoBand : SPEND_WORDS.unknownSize;
}

/** Whether a supplier is local, in words: a postcode not known is said, not read as "no". */
export function localWords(pack: PolicyPack, supplier: Supplier | undefined): string {
  if (supplier?.postcode === undefined) return LOCAL_WORDS.noPostcode;
  const district = localDistrictOf(pack.localArea, supplier.postcode);
  if (district === undefined) return LOCAL_WORDS.no;
  return district.partial ? LOCAL_WORDS.partly(district.district) : LOCAL_WORDS.yes;
}

/** What "local" counts, from the pack: its districts and the reading they come from. */
const localAreaWords = (pack: PolicyPack): string =>
  pack.localArea
    ? SPEND_WORDS.localArea(
        districtsWords(pack.localArea.districts),
        listInWords(pack.localArea.derived.from.map((citation) => policyRef(pack, citation))),
      )
    : SPEND_WORDS.noLocalArea;

const SHARE_COLUMNS = ['SME share (%)', 'Local share (%)', 'Local SME share (%)', 'VCSE share (%)'];
/** The chart's bars for each year, named under the year. */
const CHART_COLUMNS = ['SME share (%)', 'Local share (%)'];

const shares = (f: SpendFigures): Cell[] => [
  shareOf(f.sme),
  shareOf(f.local),
  shareOf(f.localSme),
  shareOf(f.vcse),
];

/** The months a year's payments cover, for "not complete" notes. */
function monthsCovered(months: readonly { month: string }[], start: number): string[] {
  return [...new Set(months.map((m) => m.month))]
    .filter((month) => financialYearOf(`${month}-01`).start === start)
    .sort();
}

/** The baseline a year is shown against: none for the baseline itself, or before there is one. */
const againstOf = (year: YearFigures, baseline: YearFigures | undefined) =>
  baseline !== undefined && baseline.year.start !== year.year.start ? baseline : undefined;

function headline(year: YearFigures, baseline: YearFigures | undefined): Table {
  const f = year.figures;
  const b = againstOf(year, baseline)?.figures;
  /** A share (to 1 decimal) or a count, against the baseline's. */
  const line = (label: string, now: number | null, then: number | null | undefined): Cell[] =>
    b === undefined
      ? [label, now]
      : [
          label,
          now,
          then ?? null,
          now !== null && then !== null && then !== undefined
            ? Math.round((now - then) * 10) / 10
            : null,
        ];
  // Money changes are taken in pence, so a change keeps its pence: £2,000 - £1,000.05 is 999.95.
  const money = (label: string, now: number, then: number | undefined): Cell[] =>
    b === undefined || then === undefined
      ? [label, pounds(now)]
      : [label, pounds(now), pounds(then), pounds(now - then)];
  const against = againstOf(year, baseline);
  return {
    id: 'figures',
    sheet: `Figures ${year.year.label}`,
    title: against
      ? `${year.year.label} against the baseline, ${against.year.label}`
      : `${yearWords(year.year, baseline?.year)}: the figures`,
    columns: [
      { label: 'Figure', kind: 'text' },
      { label: year.year.label, kind: 'number' },
      ...(against
        ? [
            { label: `Baseline ${against.year.label}`, kind: 'number' as const },
            { label: 'Change since the baseline', kind: 'number' as const },
          ]
        : []),
    ],
    rows: [
      money('Total spend (£)', f.totalPence, b?.totalPence),
      line('SME share (%)', shareOf(f.sme), b && shareOf(b.sme)),
      line('Local share (%)', shareOf(f.local), b && shareOf(b.local)),
      line('Local SME share (%)', shareOf(f.localSme), b && shareOf(b.localSme)),
      line('VCSE share (%)', shareOf(f.vcse), b && shareOf(b.vcse)),
      line('Suppliers paid', f.supplierCount, b?.supplierCount),
      money('Redacted spend (£)', f.redacted.pence, b?.redacted.pence),
    ],
  };
}

function bands(year: YearFigures, baseline: YearFigures | undefined): Table {
  const against = againstOf(year, baseline);
  const then = new Map(against?.figures.bands.map((band) => [band.band, band]) ?? []);
  return {
    id: 'bands',
    sheet: `By size ${year.year.label}`,
    title: `Spend by business size, ${year.year.label}`,
    columns: [
      { label: 'Size', kind: 'text' },
      { label: 'Spend (£)', kind: 'number' },
      { label: 'Share (%)', kind: 'number' },
      ...(against
        ? [{ label: `Share in ${against.year.label} (%)`, kind: 'number' as const }]
        : []),
    ],
    rows: year.figures.bands.map((band) => {
      const before = then.get(band.band);
      const row: Cell[] = [bandWords(band), pounds(band.pence), percent(band.share)];
      return against ? [...row, before ? percent(before.share) : null] : row;
    }),
  };
}

function quarters(year: YearFigures): Table {
  return {
    id: 'quarters',
    sheet: `Quarters ${year.year.label}`,
    title: `${year.year.label} by quarter`,
    columns: [
      { label: 'Quarter', kind: 'text' },
      { label: 'Spend (£)', kind: 'number' },
      { label: 'SME share (%)', kind: 'number' },
      { label: 'Local share (%)', kind: 'number' },
      { label: 'VCSE share (%)', kind: 'number' },
    ],
    rows: year.quarters.map(({ quarter, figures }) => [
      quarterWords(year.year, quarter),
      pounds(figures.totalPence),
      shareOf(figures.sme),
      shareOf(figures.local),
      shareOf(figures.vcse),
    ]),
  };
}

/** The spend baseline: one financial year's figures against the baseline year. */
export const spendView: SpendView = {
  id: 'spend',
  title: 'Spend',
  summary:
    'Spend by business size and locality in one financial year (1 April to 31 March), against the baseline year.',
  needs: ['months', 'suppliers'],
  build({ months, suppliers }, { pack, filters }) {
    const { years, baseline } = spendByYear(pack, { months, suppliers }, ALL_SUPPLIERS);
    const latestFirst = [...years].reverse();
    const year = latestFirst.find((y) => y.year.start === filters.year) ?? latestFirst[0];
    const part = {
      kind: 'figures' as const,
      notes: [] as string[],
      years: latestFirst.map((y) => ({
        value: String(y.year.start),
        label: SPEND_WORDS.yearChoice(yearWords(y.year, baseline?.year), y.complete),
      })),
      ...(year ? { year: String(year.year.start) } : {}),
    };
    if (year === undefined) {
      part.notes.push(SPEND_WORDS.noSpend);
      return { charts: [], tables: [], detail: 'suppliers', part };
    }
    part.notes.push(baseline ? SPEND_WORDS.baseline(baseline.year.label) : SPEND_WORDS.noBaseline);
    if (!year.complete) {
      const covered = monthsCovered(months, year.year.start);
      part.notes.push(
        SPEND_WORDS.notComplete(
          year.year.label,
          covered.length,
          formatMonth(covered[0] ?? ''),
          formatMonth(covered.at(-1) ?? ''),
        ),
      );
    }
    const redacted = year.figures.redacted;
    if (redacted.rows > 0)
      part.notes.push(
        SPEND_WORDS.redacted(
          poundsText(redacted.pence),
          redacted.rows,
          percentText(redacted.share),
        ),
      );
    part.notes.push(localAreaWords(pack));
    // The figures say which listed supplier each line is: two may share a name.
    const listed = new Map(suppliers.map((supplier) => [supplierKeyOf(supplier), supplier]));
    const byYear: Table = {
      id: 'by-year',
      title: 'Shares of spend by year',
      columns: [
        { label: 'Year', kind: 'text' },
        ...SHARE_COLUMNS.map((label) => ({ label, kind: 'number' as const })),
      ],
      rows: years.map((y) => [yearWords(y.year, baseline?.year), ...shares(y.figures)]),
    };
    const paid: Table = {
      id: 'suppliers',
      sheet: `Suppliers ${year.year.label}`,
      title: `Largest suppliers in ${year.year.label}`,
      columns: [
        { label: 'Supplier', kind: 'text' },
        { label: 'Spend (£)', kind: 'number' },
        { label: 'Share (%)', kind: 'number' },
        { label: 'Size', kind: 'text' },
        { label: 'Local', kind: 'text' },
        { label: 'VCSE', kind: 'text' },
      ],
      rows: year.figures.topSuppliers.map((spent) => {
        const supplier = spent.listedKey === undefined ? undefined : listed.get(spent.listedKey);
        const total = year.figures.totalPence;
        return [
          spent.name,
          pounds(spent.pence),
          total === 0 ? null : percent(spent.pence / total),
          sizeWords(pack, supplier),
          localWords(pack, supplier),
          supplier?.vcse === undefined ? 'Not known' : supplier.vcse ? 'Yes' : 'No',
        ];
      }),
    };
    return {
      // Shares by year are drawn once there are two years to set side by side.
      charts:
        years.length < 2
          ? []
          : [
              {
                tableId: 'by-year',
                measure: 'Share of spend (%)',
                columns: CHART_COLUMNS,
                barNames: ['SME share', 'local share'],
              },
            ],
      tables: [headline(year, baseline), bands(year, baseline), byYear, quarters(year), paid],
      detail: 'suppliers',
      pageSize: 10,
      part,
    };
  },
};
