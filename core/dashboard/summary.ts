import type { PolicyPack } from '../policy/schema.js';
import {
  type DashboardRow,
  PIPELINE_STATUSES,
  type PipelineStatus,
  pipelineStatus,
} from './row.js';
import { dueLines, dueUntil } from './stages.js';
import { countBy } from './table.js';

/** The `report` card's figures: records by status, and stages overdue or due soon. */
export interface ReportFigures {
  byStatus: Record<PipelineStatus, number>;
  overdue: number;
  dueSoon: number;
}

export function reportFigures(
  rows: readonly DashboardRow[],
  pack: PolicyPack,
  today: string,
): ReportFigures {
  const counts = countBy(rows, PIPELINE_STATUSES, (row) => pipelineStatus(row, today));
  const due = dueLines(rows, pack, dueUntil(today));
  const overdue = due.filter((line) => line.due < today).length;
  return {
    byStatus: {
      draft: counts.get('draft') ?? 0,
      complete: counts.get('complete') ?? 0,
      awarded: counts.get('awarded') ?? 0,
      closed: counts.get('closed') ?? 0,
    },
    overdue,
    dueSoon: due.length - overdue,
  };
}
