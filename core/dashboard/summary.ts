import type { PolicyPack } from '../policy/schema.js';
import { progress } from '../record/delivery.js';
import {
  type DashboardRow,
  PIPELINE_STATUSES,
  type PipelineStatus,
  pipelineStatus,
  recordParts,
} from './row.js';
import { dueLines, dueUntil } from './stages.js';
import { countBy } from './table.js';

/**
 * The `report` card's figures: records by status, stages and performance assessments overdue
 * or due soon, and social value delivered against committed.
 */
export interface ReportFigures {
  byStatus: Record<PipelineStatus, number>;
  overdue: number;
  dueSoon: number;
  socialValue: SocialValueFigures;
}

/** The outcomes with a target of the awarded contracts, by where delivery stands today. */
export interface SocialValueFigures {
  contracts: number;
  committed: number;
  met: number;
  onTrack: number;
  /** Behind, or missed at the end. */
  short: number;
  /** Nothing recorded yet, or not started. */
  unknown: number;
}

function socialValueFigures(
  rows: readonly DashboardRow[],
  pack: PolicyPack,
  today: string,
): SocialValueFigures {
  const figures: SocialValueFigures = {
    contracts: 0,
    committed: 0,
    met: 0,
    onTrack: 0,
    short: 0,
    unknown: 0,
  };
  for (const row of rows) {
    if (!row.contract) continue;
    const read = progress(recordParts(row), pack, today);
    if (!read.ok) continue;
    const outcomes = read.value.outcomes.filter((o) => o.status !== 'no-target');
    if (outcomes.length === 0) continue;
    figures.contracts += 1;
    for (const outcome of outcomes) {
      figures.committed += 1;
      if (outcome.status === 'met') figures.met += 1;
      else if (outcome.status === 'on-track') figures.onTrack += 1;
      else if (outcome.status === 'behind' || outcome.status === 'missed') figures.short += 1;
      else figures.unknown += 1;
    }
  }
  return figures;
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
    socialValue: socialValueFigures(rows, pack, today),
  };
}
