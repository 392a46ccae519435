import {
  type DashboardRow,
  type DashboardView,
  recordParts,
  type Table,
} from '../../core/dashboard/index.js';
import type { Measure, PolicyPack } from '../../core/policy/index.js';
import { type OutcomeProgress, progress } from '../../core/record/index.js';
import { COMMITMENT_WORDS, PROGRESS_WORDS } from '../post-award-words.js';

/** One outcome of one contract, where it stands today. */
interface OutcomeLine {
  row: DashboardRow;
  measure: Measure;
  themeName: string;
  outcome: OutcomeProgress;
}

/** Every outcome of the awarded contracts among these rows, in the pack's order. */
function outcomeLines(rows: readonly DashboardRow[], pack: PolicyPack, today: string) {
  return rows.flatMap((row): OutcomeLine[] => {
    if (!row.contract) return [];
    const read = progress(recordParts(row), pack, today);
    if (!read.ok) return [];
    return read.value.outcomes.flatMap((outcome) => {
      const measure = pack.framework.measures.find((m) => m.id === outcome.measureId);
      if (!measure) return [];
      const themeName = pack.themes.find((t) => t.id === measure.theme)?.name ?? '';
      return [{ row, measure, themeName, outcome }];
    });
  });
}

/**
 * A percentage or a commitment is not added up across contracts (two contracts at 10% are
 * not at 20%): for these the figures are contracts committed and contracts meeting it.
 */
const summable = (measure: Measure): boolean =>
  measure.unit.kind !== 'percent' && measure.unit.kind !== 'commitment';

const percentOf = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 100) : null;

const COMMITTED = 'Committed';
const MET = 'Met';
const ON_TRACK = 'On track';
const COMMITTED_TOTAL = 'Committed (sum of targets; for % or a commitment: contracts)';
const DELIVERED_TOTAL = 'Delivered to date (sum; for % or a commitment: contracts meeting it)';
const SHARE = 'Delivered as a share of committed (%)';

function byTheme(lines: readonly OutcomeLine[], pack: PolicyPack): Table {
  const count = (of: OutcomeLine[], ...statuses: OutcomeProgress['status'][]) =>
    of.filter((line) => statuses.includes(line.outcome.status)).length;
  return {
    id: 'by-theme',
    title: 'Outcomes by theme: committed, met and on track (themes with none left out)',
    columns: [
      { label: 'Theme', kind: 'text' },
      { label: COMMITTED, kind: 'number' },
      { label: MET, kind: 'number' },
      { label: ON_TRACK, kind: 'number' },
      { label: 'Behind or missed', kind: 'number' },
      { label: 'Nothing recorded yet', kind: 'number' },
      { label: 'No target set', kind: 'number' },
    ],
    rows: pack.themes.flatMap((theme) => {
      const mine = lines.filter((line) => line.measure.theme === theme.id);
      if (mine.length === 0) return [];
      return [
        [
          theme.name,
          mine.length,
          count(mine, 'met'),
          count(mine, 'on-track'),
          count(mine, 'behind', 'missed'),
          count(mine, 'not-started', 'not-recorded'),
          count(mine, 'no-target'),
        ],
      ];
    }),
  };
}

function byMeasure(lines: readonly OutcomeLine[], pack: PolicyPack): Table {
  const measures = pack.framework.measures.filter((m) => lines.some((l) => l.measure === m));
  return {
    id: 'by-measure',
    title: 'Committed against delivered, by measure',
    columns: [
      { label: 'Measure', kind: 'text' },
      { label: 'Unit', kind: 'text' },
      { label: 'Contracts', kind: 'number' },
      { label: COMMITTED_TOTAL, kind: 'number' },
      { label: DELIVERED_TOTAL, kind: 'number' },
      { label: SHARE, kind: 'number' },
      { label: 'Contracts where met', kind: 'number' },
    ],
    rows: measures.map((measure) => {
      const mine = lines.filter((line) => line.measure === measure);
      const met = mine.filter((line) => line.outcome.status === 'met').length;
      const committed = summable(measure)
        ? mine.reduce((sum, line) => sum + (line.outcome.target ?? 0), 0)
        : mine.length;
      const delivered = summable(measure)
        ? mine.reduce((sum, line) => sum + (line.outcome.delivered ?? 0), 0)
        : met;
      return [
        measure.text,
        measure.unit.label,
        mine.length,
        committed,
        delivered,
        percentOf(delivered, committed),
        met,
      ];
    }),
  };
}

function outcomesTable(lines: readonly OutcomeLine[]): Table {
  return {
    id: 'outcomes',
    title: 'Each contract’s outcomes',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Title', kind: 'text' },
      { label: 'Supplier', kind: 'text' },
      { label: 'Theme', kind: 'text' },
      { label: 'Measure', kind: 'text' },
      { label: 'Unit', kind: 'text' },
      { label: 'Target', kind: 'number' },
      { label: 'Delivered to date (a percentage: the latest figure)', kind: 'number' },
      { label: 'Latest standing (a commitment)', kind: 'text' },
      { label: 'Share of target (%)', kind: 'number' },
      { label: 'Where it stands', kind: 'text' },
      { label: 'Entries', kind: 'number' },
    ],
    rows: lines.map(({ row, measure, themeName, outcome }) => [
      row.id,
      row.title,
      row.contract?.supplier ?? null,
      themeName,
      measure.text,
      measure.unit.label,
      outcome.target ?? null,
      outcome.delivered ?? null,
      outcome.latest ? COMMITMENT_WORDS[outcome.latest] : null,
      outcome.share === undefined ? null : Math.round(outcome.share * 100),
      PROGRESS_WORDS[outcome.status],
      outcome.entries,
    ]),
  };
}

/** Social value committed against delivered to date, by theme and by measure. */
export const socialValueView: DashboardView = {
  id: 'social-value',
  title: 'Social value',
  summary:
    'What awarded contracts committed against what has been delivered to date, by theme and by measure. Choose a contract in the filters to see one alone.',
  build(rows, { pack, today }) {
    const lines = outcomeLines(rows, pack, today);
    return {
      charts: [
        { tableId: 'by-theme', measure: 'Outcomes', columns: [COMMITTED, MET, ON_TRACK] },
        { tableId: 'by-measure', measure: 'Per cent of committed delivered', columns: [SHARE] },
      ],
      detail: 'outcomes',
      tables: [byTheme(lines, pack), byMeasure(lines, pack), outcomesTable(lines)],
    };
  },
};
