import { TEXT_LIMITS } from '../flow/limits.js';
import type { Change, CommissioningRecord, HistoryAction } from './record.js';
import type { Act } from './stage-changes.js';

/**
 * How much an officer may type and list when managing a contract after award: a record is one
 * Cosmos DB item (at most 2 MB), and delivery is recorded for years, so each text and each list
 * is bounded here (the size test in test/core/record/delivery-size.test.ts checks the sum).
 */
export const CONTRACT_TEXT_LIMITS = {
  kpiName: TEXT_LIMITS.short,
  kpiMeasuredBy: 500,
  kpiTarget: TEXT_LIMITS.short,
  notAppropriate: TEXT_LIMITS.long,
  /** Evidence is a short note pointing at the document, not the document. */
  evidenceNote: 300,
  evidenceLink: 300,
  ratingNote: 500,
  overallNote: TEXT_LIMITS.long,
  eventNote: TEXT_LIMITS.long,
} as const;

export const CONTRACT_LIST_LIMITS = {
  kpis: 20,
  /**
   * Ten years of quarterly returns on ten outcomes with one in four corrected, or five years on
   * twenty outcomes: with the largest questionnaire record this still fits one item.
   */
  deliveryEntries: 500,
  events: 50,
} as const;

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

/** Plain-words refusal of a change to a record that is not a finished, awarded contract. */
export function notAwardedProblem(record: CommissioningRecord): string | undefined {
  if (record.status === 'discarded') return 'This record was discarded; it cannot be changed.';
  if (record.status !== 'complete') return 'Finish the pre-commissioning questions first.';
  if (!record.contract) return 'Record the award date and contract length first.';
  return undefined;
}
