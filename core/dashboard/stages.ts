import { addDays } from '../common/dates.js';
import type { PolicyPack, Stage } from '../policy/schema.js';
import { type AssessmentDue, nextAssessmentDue } from '../record/performance.js';
import { type DashboardRow, recordParts } from './row.js';

/**
 * The stage a record has reached: the one after the last stage done (stage 1 when none is).
 * Undefined once the pack's last stage is done.
 */
export function currentStage(
  row: Pick<DashboardRow, 'stages'>,
  pack: PolicyPack,
): Stage | undefined {
  const done = (row.stages ?? []).filter((s) => s.done).map((s) => s.number);
  const last = Math.max(0, ...done);
  return [...pack.stages].sort((a, b) => a.number - b.number).find((stage) => stage.number > last);
}

/**
 * A stage not done, or the next performance assessment, due on or before a day: one line of
 * the "due" view. `stage` is absent for an assessment, which is not one of the pack's stages.
 */
export interface DueLine {
  row: DashboardRow;
  stage?: number;
  stageName: string;
  /** Set for a performance assessment: yearly, or the one on termination. */
  assessment?: AssessmentDue['kind'];
  due: string;
}

/**
 * Every stage of these rows not done and due on or before `until`, and each row's next
 * performance assessment due by then, soonest first: the rule of core/record's `dueStages`
 * and `nextAssessmentDue`, on the fields the dashboard reads rather than whole records.
 */
export function dueLines(
  rows: readonly DashboardRow[],
  pack: PolicyPack,
  until: string,
): DueLine[] {
  return rows
    .flatMap((row): DueLine[] => {
      const stages = (row.stages ?? []).flatMap((stage) => {
        if (stage.done || stage.due === undefined || stage.due > until) return [];
        const name = pack.stages.find((s) => s.number === stage.number)?.name ?? '';
        return [{ row, stage: stage.number, stageName: name, due: stage.due }];
      });
      const assessment = nextAssessmentDue(recordParts(row), pack);
      return assessment && assessment.on <= until
        ? [...stages, { row, stageName: '', assessment: assessment.kind, due: assessment.on }]
        : stages;
    })
    .sort((a, b) => a.due.localeCompare(b.due) || a.row.id.localeCompare(b.row.id));
}

/** The window the "due" view looks ahead. */
export const DUE_WITHIN_DAYS = 30;

export const dueUntil = (today: string): string => addDays(today, DUE_WITHIN_DAYS);
