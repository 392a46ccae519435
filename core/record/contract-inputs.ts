import { z } from 'zod';
import { isIsoDate } from '../common/dates.js';
import { fail, ok, type Result } from '../common/result.js';
import { boundedText } from '../flow/limits.js';
import type { Change, CommissioningRecord, HistoryAction } from './record.js';
import type { Act } from './stage-changes.js';

/**
 * What the changes made after award (KPIs, delivery, assessments) share: how an input is read
 * in plain words, and how the record takes a change.
 */

/** A text the officer must fill: a missing one and an empty one get the same plain words. */
export const filled = (max: number, missing: string) =>
  z.string({ error: missing }).pipe(boundedText(max)).pipe(z.string().min(1, missing));

/** A date typed as YYYY-MM-DD, refused with the words given. */
export const dateText = (message: string) =>
  z.string({ error: message }).trim().refine(isIsoDate, { message });

/** The record after a change made after award: one revision more, one history entry more. */
export function withChange(
  record: CommissioningRecord,
  act: Act,
  action: HistoryAction,
  changes: Change[],
  patch: Partial<CommissioningRecord>,
): CommissioningRecord {
  return {
    ...record,
    ...patch,
    updatedAt: act.at,
    revision: record.revision + 1,
    history: [...record.history, { at: act.at, by: act.by, action, changes }],
  };
}

/**
 * The contract terms of a finished, awarded record, or the plain-words refusal of a change to
 * any other: the one check every after-award change begins with.
 */
export function awardedContract(
  record: CommissioningRecord,
): Result<NonNullable<CommissioningRecord['contract']>> {
  const refusal = notAwardedProblem(record);
  if (refusal || !record.contract) return fail([{ path: 'record', message: refusal ?? '' }]);
  return ok(record.contract);
}

/** Plain-words refusal of a change to a record that is not a finished, awarded contract. */
export function notAwardedProblem(record: CommissioningRecord): string | undefined {
  if (record.status === 'discarded') return 'This record was discarded; it cannot be changed.';
  if (record.status !== 'complete') return 'Finish the pre-commissioning questions first.';
  if (!record.contract) return 'Record the award date and contract length first.';
  return undefined;
}
