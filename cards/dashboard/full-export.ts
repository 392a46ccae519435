import {
  type DashboardRow,
  pipelineStatus,
  type Table,
  type ViewContext,
} from '../../core/dashboard/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { COMMITMENT_WORDS } from '../post-award-words.js';
import { STATUS_WORDS, themeNames } from './words.js';

/** One sheet of the full export: its name and the table it holds. */
export interface ExportSheet {
  name: string;
  table(rows: readonly DashboardRow[], context: ViewContext): Table;
}

const records: ExportSheet = {
  name: 'Records',
  table: (rows, { pack, today }) => ({
    id: 'records',
    title: 'Records',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Title', kind: 'text' },
      { label: 'Owner', kind: 'text' },
      { label: 'Status', kind: 'text' },
      { label: 'Started', kind: 'date' },
      { label: 'Last changed', kind: 'date' },
      { label: 'Value (£)', kind: 'number' },
      { label: 'Themes', kind: 'text' },
      { label: 'Award date', kind: 'date' },
      { label: 'Contract months', kind: 'number' },
      { label: 'Supplier', kind: 'text' },
      { label: 'Policy version', kind: 'text' },
    ],
    rows: rows.map((row) => [
      row.id,
      row.title,
      row.owner.name,
      STATUS_WORDS[pipelineStatus(row, today)],
      { date: row.createdAt.slice(0, 10) },
      { date: row.updatedAt.slice(0, 10) },
      row.estimatedValue ?? null,
      themeNames(row, pack),
      row.contract ? { date: row.contract.awardDate } : null,
      row.contract?.months ?? null,
      row.contract?.supplier ?? null,
      row.policy.version,
    ]),
  }),
};

const outcomes: ExportSheet = {
  name: 'Outcomes',
  table: (rows, { pack }) => ({
    id: 'outcomes',
    title: 'Outcomes',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Theme', kind: 'text' },
      { label: 'Measure', kind: 'text' },
      { label: 'Target', kind: 'number' },
      { label: 'Unit', kind: 'text' },
    ],
    rows: rows.flatMap((row) =>
      (row.measures ?? []).map((id) => {
        const measure = pack.framework.measures.find((m) => m.id === id);
        const theme = pack.themes.find((t) => t.id === measure?.theme);
        const target = row.targets?.find((t) => t.measureId === id)?.target;
        return [
          row.id,
          theme?.name ?? '',
          measure?.text ?? id,
          target ?? null,
          measure?.unit.label ?? '',
        ];
      }),
    ),
  }),
};

const stages: ExportSheet = {
  name: 'Stages',
  table: (rows, { pack }) => ({
    id: 'stages',
    title: 'Stages',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Stage', kind: 'number' },
      { label: 'Stage name', kind: 'text' },
      { label: 'Due', kind: 'date' },
      { label: 'Done', kind: 'text' },
      { label: 'Times done', kind: 'number' },
      { label: 'Last done on', kind: 'date' },
    ],
    rows: rows.flatMap((row) =>
      (row.stages ?? []).map((stage) => {
        const last = stage.completions.at(-1);
        return [
          row.id,
          stage.number,
          pack.stages.find((s) => s.number === stage.number)?.name ?? '',
          stage.due ? { date: stage.due } : null,
          stage.done ? 'Yes' : 'No',
          stage.completions.length,
          last ? { date: last.on } : null,
        ];
      }),
    ),
  }),
};

const deliveries: ExportSheet = {
  name: 'Deliveries',
  table: (rows, { pack }) => ({
    id: 'deliveries',
    title: 'Deliveries',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Entry', kind: 'text' },
      { label: 'Outcome', kind: 'text' },
      { label: 'Period from', kind: 'date' },
      { label: 'Period to', kind: 'date' },
      { label: 'Amount', kind: 'number' },
      { label: 'Unit', kind: 'text' },
      { label: 'Standing (a commitment)', kind: 'text' },
      { label: 'Evidence', kind: 'text' },
      { label: 'Link', kind: 'text' },
      { label: 'Corrects', kind: 'text' },
      { label: 'Corrected by', kind: 'text' },
      { label: 'Recorded by', kind: 'text' },
      { label: 'Recorded on', kind: 'date' },
    ],
    rows: rows.flatMap((row) =>
      (row.delivery ?? []).map((entry) => {
        const measure = pack.framework.measures.find((m) => m.id === entry.measureId);
        return [
          row.id,
          entry.id,
          measure?.text ?? entry.measureId,
          { date: entry.period.from },
          { date: entry.period.to },
          entry.amount ?? null,
          measure?.unit.label ?? '',
          entry.status ? COMMITMENT_WORDS[entry.status] : null,
          entry.evidence.note,
          entry.evidence.link ?? null,
          entry.corrects ?? null,
          entry.supersededBy ?? null,
          entry.by.name,
          { date: entry.at.slice(0, 10) },
        ];
      }),
    ),
  }),
};

const ratingLabel = (pack: PolicyPack, id: string): string =>
  pack.procurementAct.assessments.ratings.find((r) => r.id === id)?.label ?? id;

/** One row per rating given: each assessment's overall rating, then each KPI's. */
const assessments: ExportSheet = {
  name: 'KPI assessments',
  table: (rows, { pack }) => ({
    id: 'assessments',
    title: 'KPI assessments',
    columns: [
      { label: 'Reference', kind: 'text' },
      { label: 'Assessment', kind: 'text' },
      { label: 'Kind', kind: 'text' },
      { label: 'Due', kind: 'date' },
      { label: 'Period from', kind: 'date' },
      { label: 'Period to', kind: 'date' },
      { label: 'KPI', kind: 'text' },
      { label: 'KPI target', kind: 'text' },
      { label: 'Rating', kind: 'text' },
      { label: 'Note', kind: 'text' },
      { label: 'Assessed on', kind: 'date' },
      { label: 'Assessed by', kind: 'text' },
    ],
    rows: rows.flatMap((row) =>
      (row.performance?.assessments ?? []).flatMap((a) =>
        [{ kpiId: undefined, ...a.overall }, ...a.kpis].map((rated) => {
          const kpi = row.kpis?.kpis.find((k) => k.id === rated.kpiId);
          return [
            row.id,
            a.id,
            a.kind === 'termination' ? 'On termination' : 'Yearly',
            { date: a.due },
            { date: a.period.from },
            { date: a.period.to },
            rated.kpiId === undefined ? 'Overall' : `${rated.kpiId}: ${kpi?.name ?? ''}`,
            kpi?.target ?? null,
            ratingLabel(pack, rated.rating),
            rated.note,
            { date: a.on },
            a.by.name,
          ];
        }),
      ),
    ),
  }),
};

/** The full export's sheets, one per table. */
export const EXPORT_SHEETS: readonly ExportSheet[] = [
  records,
  outcomes,
  deliveries,
  stages,
  assessments,
];
