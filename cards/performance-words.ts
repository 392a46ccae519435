/**
 * Every word an officer reads about performance assessments beside the cards' own labels: the
 * error beside each field of the assessment, termination and breach forms, and the notices
 * above them. The bot passes the field, what was typed and the record's facts; core's reason
 * is never shown (it is written for the log).
 */
import { addMonths, isIsoDate } from '../core/common/dates.js';
import { tooLongMessage } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import { CONTRACT_TEXT_LIMITS, type CommissioningRecord } from '../core/record/index.js';
import { countInWords, formatDate } from './format.js';

const PICK_A_DATE = 'pick it from the calendar, or type it as year-month-day';

function tooLong(max: number, typed: string | undefined): string | undefined {
  const length = typed?.trim().length ?? 0;
  return length > max ? tooLongMessage(max, length) : undefined;
}

/**
 * The error beside a rating or a note of the assessment form. It sits under the KPI's own
 * label, so it does not name the KPI again; `kpi` is left out for the overall rating.
 */
export function assessmentFieldError(
  pack: PolicyPack,
  field: 'rating' | 'note',
  kpi: string | undefined,
  typed: string | undefined,
): string {
  if (field === 'note') {
    const max =
      kpi === undefined ? CONTRACT_TEXT_LIMITS.overallNote : CONTRACT_TEXT_LIMITS.ratingNote;
    return tooLong(max, typed) ?? 'Add a note: what the rating rests on.';
  }
  const count = countInWords(pack.procurementAct.assessments.ratings.length);
  return kpi === undefined
    ? `Choose the overall rating, one of the ${count} above.`
    : `Choose a rating for this KPI, one of the ${count} above.`;
}

/** The error beside the termination date, from the record's facts. */
export function terminationError(
  record: CommissioningRecord,
  typed: string | undefined,
  today: string,
): string {
  const on = typed?.trim() ?? '';
  const terminated = record.performance?.termination?.on;
  if (terminated) return `The termination is already recorded, on ${formatDate(terminated)}.`;
  if (!isIsoDate(on) || !record.contract) {
    return `Enter the day the contract was terminated: ${PICK_A_DATE}, for example ${today}.`;
  }
  const { awardDate, months } = record.contract;
  if (on < awardDate) {
    return `The contract cannot end before its award on ${formatDate(awardDate)}: enter a later day.`;
  }
  if (on > today) {
    return `The termination cannot be after today (${formatDate(today)}): record it on the day it happens.`;
  }
  const planned = addMonths(awardDate, months);
  return `The contract’s planned end, ${formatDate(planned)}, already counts as its termination: record a termination only when it ends earlier.`;
}

/** The error beside a field of the breach or failure-to-improve form. */
export function eventFieldError(
  pack: PolicyPack,
  record: CommissioningRecord,
  field: string,
  typed: string | undefined,
  today: string,
): string {
  switch (field) {
    case 'kind':
      return `Choose what happened: ${pack.procurementAct.assessments.events.map((e) => e.label).join('; ')}.`;
    case 'note':
      return (
        tooLong(CONTRACT_TEXT_LIMITS.eventNote, typed) ??
        'Describe what happened in a note: the breach or the notice given, and its outcome.'
      );
    default: {
      const on = typed?.trim() ?? '';
      const award = record.contract?.awardDate;
      if (isIsoDate(on) && on > today) {
        return `The day it happened cannot be after today (${formatDate(today)}).`;
      }
      if (isIsoDate(on) && award && on < award) {
        return `The day it happened cannot be before the award on ${formatDate(award)}.`;
      }
      return `Enter the day it happened: ${PICK_A_DATE}, for example ${today}.`;
    }
  }
}

/** What the assessment card says after a change is saved, or why it was not. */
export const PERFORMANCE_NOTICES = {
  assessed: (id: string, from: string, to: string, notice: string) =>
    `Assessment ${id} is saved, for ${formatDate(from)} to ${formatDate(to)}. For the text to publish, press "${notice} notice" beside it.`,
  terminated: (on: string) =>
    `The termination on ${formatDate(on)} is recorded: the assessment on termination is due that day.`,
  eventRecorded: (label: string, on: string) =>
    `${label} on ${formatDate(on)} is recorded. A contract performance notice is due for it.`,
  changedMeanwhile:
    'Someone changed this record meanwhile. Your entries are below: check and save again.',
  onlyOwner: 'Only the record’s owner or a procurement lead can assess the supplier’s performance.',
  noneDue:
    'No assessment is due: the contract has no KPIs the Procurement Act required, or every assessment has been made.',
  tooEarly: (from: string) =>
    `The last assessment covered the period to the day before ${formatDate(from)}: the next can be made from then.`,
  notAwarded: (reference: string) =>
    `${reference} has not been awarded yet: set the award under "The award" on its stages card first (type **stages ${reference}**).`,
  eventsFull: 'This record holds as many breach and improvement events as it can keep.',
  noNotice: 'That assessment is not on this record. Here are its assessments as they stand.',
} as const;
