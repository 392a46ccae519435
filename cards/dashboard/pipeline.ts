import {
  countBy,
  currentStage,
  type DashboardView,
  PIPELINE_STATUSES,
  pipelineStatus,
} from '../../core/dashboard/index.js';
import { ALL_STAGES_DONE, STATUS_WORDS, stageWords, themeNames } from './words.js';

/** What is in the pipeline: records by status and by the stage each stands at. */
export const pipelineView: DashboardView = {
  id: 'pipeline',
  title: 'Pipeline',
  summary: 'Your commissioning records by status, and the stage each one has reached.',
  build(rows, { pack, today }) {
    const byStatus = countBy(rows, PIPELINE_STATUSES, (row) => pipelineStatus(row, today));
    const stageLabels = [...pack.stages.map(stageWords), ALL_STAGES_DONE];
    const stageOf = (row: (typeof rows)[number]) => {
      const stage = currentStage(row, pack);
      return stage ? stageWords(stage) : ALL_STAGES_DONE;
    };
    const byStage = countBy(rows, stageLabels, stageOf);
    // The chart names a stage by its number alone; the table beside it has the names too.
    const stageLines = [
      ...pack.stages.map((stage) => ({
        short: `Stage ${stage.number}`,
        name: stage.name,
        label: stageWords(stage),
      })),
      { short: ALL_STAGES_DONE, name: '', label: ALL_STAGES_DONE },
    ];
    return {
      charts: [
        { tableId: 'by-status', measure: 'Records' },
        { tableId: 'by-stage', measure: 'Records' },
      ],
      detail: 'records',
      tables: [
        {
          id: 'by-status',
          title: 'Records by status',
          columns: [
            { label: 'Status', kind: 'text' },
            { label: 'Records', kind: 'number' },
          ],
          rows: PIPELINE_STATUSES.map((status) => [
            STATUS_WORDS[status],
            byStatus.get(status) ?? 0,
          ]),
        },
        {
          id: 'by-stage',
          title: 'Records by stage reached',
          columns: [
            { label: 'Stage', kind: 'text' },
            { label: 'Name', kind: 'text' },
            { label: 'Records', kind: 'number' },
          ],
          rows: stageLines.map((line) => [line.short, line.name, byStage.get(line.label) ?? 0]),
        },
        {
          id: 'records',
          title: 'Records',
          columns: [
            { label: 'Reference', kind: 'text' },
            { label: 'Title', kind: 'text' },
            { label: 'Owner', kind: 'text' },
            { label: 'Status', kind: 'text' },
            { label: 'Stage reached', kind: 'text' },
            { label: 'Started', kind: 'date' },
            { label: 'Value (£)', kind: 'number' },
            { label: 'Themes', kind: 'text' },
          ],
          rows: [...rows]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
            .map((row) => [
              row.id,
              row.title,
              row.owner.name,
              STATUS_WORDS[pipelineStatus(row, today)],
              stageOf(row),
              { date: row.createdAt.slice(0, 10) },
              row.estimatedValue ?? null,
              themeNames(row, pack),
            ]),
        },
      ],
    };
  },
};
