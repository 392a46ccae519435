/**
 * Every word an officer reads after award, apart from the cards' own labels: the error beside
 * each field of the stages, reminder and rating cards, and the notices above them. The bot
 * passes what happened (a field, what was typed, a refusal); the words are chosen here.
 */
import { RECORD_TEXT_LIMITS, tooLongMessage } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import { FUTURE, type RatingRefusal } from '../core/record/index.js';
import { formatDate } from './format.js';

/** The fields of the award and of a stage's update, as core names them. */
export type StageField = 'awardDate' | 'months' | 'supplier' | 'due' | 'on' | 'note' | 'stage';

const LIMITS: Partial<Record<string, number>> = {
  supplier: RECORD_TEXT_LIMITS.supplier,
  note: RECORD_TEXT_LIMITS.stageNote,
  evidence: RECORD_TEXT_LIMITS.ratingEvidence,
};

/** A text longer than its field takes: said the same way on every card. */
function tooLong(field: string, typed: string | undefined): string | undefined {
  const limit = LIMITS[field];
  const length = typed?.trim().length ?? 0;
  return limit !== undefined && length > limit ? tooLongMessage(limit, length) : undefined;
}

const PICK_A_DATE = 'pick it from the calendar, or type it as year-month-day';

/**
 * The error beside a field of the stages or reminder card: the field named in words and what
 * to type, whatever core's reason was (it is never shown: it is written for the log).
 */
export function stageFieldError(
  field: string,
  reason: string,
  typed: string | undefined,
  context: { stage?: number; today: string },
): string {
  const long = tooLong(field, typed);
  if (long) return long;
  const stage = context.stage === undefined ? 'the stage' : `stage ${context.stage}`;
  switch (field) {
    case 'awardDate':
      return `Enter the date the contract was awarded: ${PICK_A_DATE}, for example 2026-04-15.`;
    case 'months':
      return 'Enter the contract length in whole months, 1 or more, for example 36.';
    case 'due':
      return `Enter the date ${stage} is due: ${PICK_A_DATE}, for example 2026-07-15.`;
    case 'on':
      return reason === FUTURE
        ? `The date ${stage} was done cannot be after today (${formatDate(context.today)}): enter the day it was done.`
        : `Enter the date ${stage} was done: ${PICK_A_DATE}, for example ${context.today}.`;
    case 'note':
      return 'Write the note as plain text, or leave it empty.';
    case 'supplier':
      return 'Write the supplier’s name as plain text, or leave it empty.';
    default:
      return 'Check this answer and submit it again.';
  }
}

/** The error beside a field of the rating card, in the same manner. */
export function ratingFieldError(
  pack: PolicyPack,
  field: string,
  typed: string | undefined,
  /** The tier the rubric suggests for the rows chosen, when they all have a level. */
  suggestedTier?: string,
): string {
  const long = tooLong(field, typed);
  if (long) return long;
  if (field.startsWith('rows.')) {
    const row = pack.supplierStatus.rows.find((r) => r.id === field.slice('rows.'.length));
    return row
      ? `Choose one level for “${row.label}”: the supplier’s tier rests on every row.`
      : 'Choose one level for every row of the rubric.';
  }
  switch (field) {
    case 'stage':
      return 'Choose the review stage this rating is for.';
    case 'supplier':
      return 'Enter the supplier’s name, as it appears on the contract.';
    case 'evidence':
      return `Describe the evidence for the rating. ${pack.supplierStatus.basis}`;
    case 'decision':
      return 'Choose the suggested tier, or the tier you award instead.';
    case 'justification':
      return suggestedTier
        ? `Say why the supplier gets another tier: the rubric suggests ${suggestedTier}.`
        : 'Say why the supplier gets another tier than the rubric suggests.';
    default:
      return 'Choose one level for every row of the rubric.';
  }
}

/** The line above the fields, counting the errors marked below. */
export const errorSummary = (count: number): string =>
  `Check the ${count === 1 ? 'answer' : `${count} answers`} marked below.`;

/** What the stages card says after a change is saved, or why it was not. */
export const STAGE_NOTICES = {
  awardSaved: 'The award is saved and the review stages have their due dates.',
  dueSet: (stage: number, due: string) => `Stage ${stage} is due on ${formatDate(due)}.`,
  done: (stage: number) => `Stage ${stage} is marked done.`,
  doneOn: (stage: number, on: string) => `Stage ${stage} is marked done on ${formatDate(on)}.`,
  snoozed: (until: string) => `Snoozed: I will remind you again on ${formatDate(until)}.`,
  changedMeanwhile:
    'Someone changed this record meanwhile. Your entries are below: check and save again.',
  staleCard:
    'This record changed after the card was shown. Here it is as it stands, with what you typed: check and save again.',
  reminderDealtWith: (stage: number) =>
    `That reminder is already dealt with: stage ${stage} has moved on. Here is where the stages stand.`,
  ratingChangedMeanwhile:
    'Someone changed this record meanwhile; your rating is below as you gave it: submit it again.',
  onlyOwnerRates: 'Only the record’s owner or a procurement lead can rate its supplier.',
  outOfDate:
    'That button is out of date: it names no stage of this record. Here are the stages as they stand.',
} as const;

/** Why the supplier cannot be rated yet, and what to do about it. */
export function ratingRefusalText(refusal: RatingRefusal, reference: string): string {
  switch (refusal) {
    case 'unfinished':
      return `The supplier is rated at contract review, after award, and ${reference} is not finished yet: answer its pre-commissioning questions first (type **open ${reference}**), then set the award here.`;
    case 'not-awarded':
      return `The supplier is rated at contract review, after award, and ${reference} has not been awarded: set the award date and contract length under "The award" below, then rate the supplier.`;
    case 'discarded':
      return `${reference} was discarded: its supplier cannot be rated.`;
    case 'no-rating-stages':
      return 'The policy pack in force names no stage at which suppliers are rated.';
  }
}
