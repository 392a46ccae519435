import { addDays } from '../common/dates.js';
import type { PolicyPack, Stage } from '../policy/schema.js';
import type { DashboardRow } from './row.js';

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

/** A stage not done with a due date on or before a day: one line of the "due" view. */
export interface DueLine {
  row: DashboardRow;
  stage: number;
  stageName: string;
  due: string;
}

/**
 * Every stage of these rows not done and due on or before `until`, soonest first: the rule
 * of core/record's `dueStages`, on the fields the dashboard reads rather than whole records.
 */
export function dueLines(
  rows: readonly DashboardRow[],
  pack: PolicyPack,
  until: string,
): DueLine[] {
  return rows
    .flatMap((row) =>
      (row.stages ?? []).flatMap((stage) => {
        if (stage.done || stage.due === undefined || stage.due > until) return [];
        const name = pack.stages.find((s) => s.number === stage.number)?.name ?? '';
        return [{ row, stage: stage.number, stageName: name, due: stage.due }];
      }),
    )
    .sort((a, b) => a.due.localeCompare(b.due) || a.row.id.localeCompare(b.row.id));
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The window the "due" view looks ahead. */
export const DUE_WITHIN_DAYS = 30;

export const dueUntil = (today: string): string => addDays(today, DUE_WITHIN_DAYS);
