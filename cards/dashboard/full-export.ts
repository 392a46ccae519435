import { type DashboardRow, pipelineStatus, type Table } from '../../core/dashboard/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { STATUS_WORDS, themeNames } from './words.js';

/** One sheet of the full export: its name and the table it holds. */
export interface ExportSheet {
  name: string;
  table(rows: readonly DashboardRow[], pack: PolicyPack): Table;
}

const records: ExportSheet = {
  name: 'Records',
  table: (rows, pack) => ({
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
      STATUS_WORDS[pipelineStatus(row)],
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
  table: (rows, pack) => ({
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
  table: (rows, pack) => ({
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

/** The full export's sheets, one per table: deliveries will be one more line here. */
export const EXPORT_SHEETS: readonly ExportSheet[] = [records, outcomes, stages];
