/**
 * Every word an officer reads after award, apart from the cards' own labels: the error beside
 * each field of the stages, reminder and rating cards, and the notices above them. The bot
 * passes what happened (a field, what was typed, a refusal); the words are chosen here.
 */
import { isIsoDate } from '../core/common/dates.js';
import { RECORD_TEXT_LIMITS, tooLongMessage } from '../core/flow/index.js';
import { parseNumberText } from '../core/flow/parse-values.js';
import type { Measure, PolicyPack } from '../core/policy/index.js';
import {
  CONTRACT_TEXT_LIMITS,
  type CommitmentStatus,
  type DeliveryLevel,
  FUTURE,
  type ProgressStatus,
  type RatingRefusal,
} from '../core/record/index.js';
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

/** The fields of a delivery entry or correction, as core names them. */
export interface DeliveryErrorContext {
  today: string;
  awardDate: string;
  /** The first day typed, for an error on the last. */
  from?: string;
  /** The outcome the field is for. */
  measure?: Measure;
  /** The entry a correction named, where it was corrected already: by which one. */
  correctedBy?: string;
}

const WHOLE_UNITS = new Set(['count', 'people', 'students']);

/** "in people", "in days"; nothing after a count, whose label ("number") reads badly there. */
const inUnit = (measure: Measure): string =>
  measure.unit.kind === 'count' ? '' : ` in ${measure.unit.label}`;

function amountError(measure: Measure | undefined, typed: string | undefined): string {
  if (!measure) return 'Enter the amount delivered as a number, 0 or more, for example 2.';
  if (measure.unit.kind === 'commitment') {
    return `“${measure.text}” is a commitment: choose met, partly met or not met, not an amount.`;
  }
  if (typed === undefined || typed.trim() === '') {
    return `Enter the amount of “${measure.text}” delivered in the period${inUnit(measure)}.`;
  }
  const amount = parseNumberText(typed);
  if (amount === undefined || amount < 0) {
    return 'Enter the amount delivered as a number, 0 or more, for example 2.';
  }
  if (measure.unit.kind === 'percent' && amount > 100) return 'Enter a percentage from 0 to 100.';
  if (WHOLE_UNITS.has(measure.unit.kind) && !Number.isInteger(amount)) {
    return `Enter a whole number${measure.unit.kind === 'count' ? '' : ` of ${measure.unit.label}`}.`;
  }
  return 'That amount is too large: check it and enter it again.';
}

/**
 * The error beside a field of the delivery card, in the same manner as the stages card's:
 * worked out from the field and what was typed, never core's own reason.
 */
export function deliveryFieldError(
  field: string,
  typed: string | undefined,
  context: DeliveryErrorContext,
): string {
  const limit =
    field === 'note'
      ? CONTRACT_TEXT_LIMITS.evidenceNote
      : field === 'link'
        ? CONTRACT_TEXT_LIMITS.evidenceLink
        : undefined;
  const length = typed?.trim().length ?? 0;
  if (limit !== undefined && length > limit) return tooLongMessage(limit, length);
  const date = typed !== undefined && isIsoDate(typed.trim()) ? typed.trim() : undefined;
  switch (field) {
    case 'from':
      return date !== undefined && date < context.awardDate
        ? `The period cannot start before the award date, ${formatDate(context.awardDate)}.`
        : `Enter the first day of the period: ${PICK_A_DATE}, for example ${context.awardDate}.`;
    case 'to':
      if (date !== undefined && date > context.today) {
        return `The period cannot end after today (${formatDate(context.today)}): enter the last day delivered so far.`;
      }
      if (date !== undefined && context.from !== undefined && date < context.from) {
        return 'The period cannot end before it starts: check both dates.';
      }
      return `Enter the last day of the period: ${PICK_A_DATE}, for example ${context.today}.`;
    case 'amount':
      return amountError(context.measure, typed);
    case 'status':
      return context.measure && context.measure.unit.kind !== 'commitment'
        ? `“${context.measure.text}” is counted: enter the amount delivered instead.`
        : `Choose whether “${context.measure?.text ?? 'the commitment'}” was met, partly met or not met.`;
    case 'note':
      return 'Describe the evidence in a short note: what shows the delivery, and where it is kept.';
    case 'link':
      return 'Enter the link as a web address starting https://, or leave it empty.';
    case 'corrects':
      return context.correctedBy
        ? `That entry is already corrected by ${context.correctedBy}: choose ${context.correctedBy} to correct it again.`
        : 'Choose the entry to correct.';
    case 'nothing':
      return 'Enter what was delivered for at least one outcome, with its evidence note.';
    case 'record':
      return 'This record holds as many delivery entries as it can keep: ask the team that runs the bot.';
    default:
      return 'Check this answer and submit it again.';
  }
}

/** What the delivery card says once a change is saved, or why it cannot be made. */
export const DELIVERY_NOTICES = {
  recorded: (ids: string[]) =>
    `${ids.length === 1 ? `Entry ${ids[0]} is` : `Entries ${ids.join(', ')} are`} recorded, with who recorded ${ids.length === 1 ? 'it' : 'them'} and when, in the record’s history.`,
  corrected: (old: string, entry: string) =>
    `${old} is corrected by ${entry}. ${old} stays in the history, marked as corrected.`,
  changedMeanwhile:
    'Someone changed this record meanwhile, so nothing was saved. Your entries are below: check them and save again.',
  staleCard:
    'This record changed after the card was shown, so nothing was saved. Here it is as it stands, with what you typed: check and save again.',
  checkCorrection: 'Check the answers under "Correct an entry".',
} as const;

/** Why delivery cannot be recorded on this record yet, and what to do. */
export function deliveryRefusalText(
  status: 'draft' | 'complete' | 'discarded',
  reference: string,
): string {
  switch (status) {
    case 'discarded':
      return `${reference} was discarded: no delivery can be recorded on it.`;
    case 'draft':
      return `Delivery is recorded after award, and ${reference} is not finished yet: answer its pre-commissioning questions first (type **open ${reference}**), then set the award here.`;
    case 'complete':
      return `Delivery is recorded after award, and ${reference} has not been awarded: set the award date and contract length under "The award" below.`;
  }
}

/** Where an outcome stands, in words (colour is never the only signal). */
export const PROGRESS_WORDS: Record<ProgressStatus, string> = {
  'no-target': 'No target',
  'not-started': 'Not started: before the award',
  'not-recorded': 'Nothing recorded yet',
  'on-track': 'On track',
  behind: 'Behind',
  met: 'Met',
  missed: 'Missed',
};

export const COMMITMENT_WORDS: Record<CommitmentStatus, string> = {
  met: 'met',
  'partly-met': 'partly met',
  'not-met': 'not met',
};

/** The line under the rubric row suggested from delivery, on the rating card. */
export function deliverySuggestion(level: DeliveryLevel | undefined, tierLabel: string): string {
  return level
    ? `Suggested from delivery: ${level.met} of ${level.judged} ${level.judged === 1 ? 'outcome' : 'outcomes'} met or on track to date, so ${tierLabel}. Confirm it or choose another level.`
    : 'Delivery suggests no level yet: no outcome with a target can be judged. Choose the level yourself, or record delivery first.';
}
