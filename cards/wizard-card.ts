import {
  activeSteps,
  cardQuestions,
  cardValues,
  leadsWithGuidance,
  type Questionnaire,
  type StepId,
} from '../core/flow/index.js';
import { type CommissioningRecord, outcomeTargets } from '../core/record/index.js';
import { button } from './actions.js';
import { answersByStep } from './answer-text.js';
import type { Notice } from './form.js';
import { verdictElements, wizardNext } from './guidance.js';
import { messageCard } from './info-cards.js';
import type { Element } from './inputs.js';
import { FILL_FROM_OUTCOMES } from './kpi-card.js';
import type { AdaptiveCard } from './render.js';
import { stepCard, WIZARD_VERBS } from './step-card.js';
import { summaryCard } from './summary-card.js';

/** What the bot tells the officer above a card; the words are here, the bot names the kind. */
export type WizardNotice =
  | { kind: 'saved'; reference: string }
  /** A submit from a card older than the record, which this same person changed since. */
  | { kind: 'stale-own' }
  /** A submit from a card older than the record, which someone else changed since. */
  | { kind: 'stale-other'; by: string }
  /** The same answers pressed twice. */
  | { kind: 'already-saved' };

function noticeOf(notice: WizardNotice): Notice {
  switch (notice.kind) {
    case 'saved':
      return {
        text: `Saved. Type **open ${notice.reference}** at any time to carry on.`,
        style: 'good',
      };
    case 'stale-own':
      return {
        text: 'This card is older than your latest change to the record (perhaps made on another card). Your answers are below as you typed them: Continue saves them over that change for this step.',
        style: 'warning',
      };
    case 'stale-other':
      return {
        text: `${notice.by} changed this record while you had this card open. Your answers are below as you typed them: Continue saves them over that change for this step.`,
        style: 'warning',
      };
    case 'already-saved':
      return {
        text: 'That step was already saved (the button was pressed twice). Here is where the record stands.',
        style: 'good',
      };
  }
}

export interface CardState {
  /** The values to show instead of the saved answers (as typed on a refused submit). */
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
  /** The keys of `errors` that are follow-up questions, asked now rather than mistakes. */
  followUps?: readonly string[];
  notice?: WizardNotice;
  /** Show this step rather than the record's current one (a conflict on an earlier step). */
  step?: StepId;
}

const REVIEW: StepId = 'review';
const KPI_STEP: StepId = 'kpis';

/** The review leads with every answer, step by step, each step with its Change button. */
function reviewElements(flow: Questionnaire, record: CommissioningRecord): Element[] {
  return answersByStep(flow, record)
    .filter(({ step }) => step.id !== REVIEW)
    .map(({ step, answers }) => ({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              verticalContentAlignment: 'Center',
              items: [
                {
                  type: 'TextBlock',
                  text: step.title,
                  weight: 'Bolder',
                  wrap: true,
                  style: 'heading',
                },
              ],
            },
            {
              type: 'Column',
              width: 'auto',
              items: [
                {
                  type: 'ActionSet',
                  actions: [
                    {
                      ...button('Change', {
                        verb: WIZARD_VERBS.change,
                        reference: record.id,
                        step: step.id,
                        revision: record.revision,
                      }),
                      tooltip: `Change ${step.title}`,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          type: 'FactSet',
          facts: answers.map((answer) => ({ title: answer.label, value: answer.text })),
        },
      ],
    }));
}

/** The card for where a record stands: its current step, or the summary when it is done. */
export function recordCard(
  flow: Questionnaire,
  record: CommissioningRecord,
  state: CardState = {},
): AdaptiveCard {
  const notice = state.notice ? noticeOf(state.notice) : undefined;
  const wanted = state.step ?? record.draft.step;
  if (wanted === 'done') return summaryCard(flow, record, notice?.text);
  const steps = activeSteps(flow, record.draft.answers);
  // A draft saved on a step of an earlier version opens on the step that now asks its questions.
  const own = (id: string) =>
    steps.findIndex((s) => s.id === id || s.replaces?.some((old) => old === id));
  let index = own(wanted);
  if (index === -1) {
    // The step no longer applies (an answer elsewhere skips it): show where the record stands;
    // the values and errors were for the other step, so they are not carried over.
    index = own(record.draft.step);
    state = { ...(state.notice ? { notice: state.notice } : {}) };
  }
  const step = steps[index];
  if (!step) return summaryCard(flow, record, notice?.text);
  const { assessment } = record;
  const months = record.draft.answers.contractMonths;
  const lead =
    leadsWithGuidance(flow, record.draft.answers, step.id) && assessment
      ? verdictElements(assessment, flow.pack, {
          title: 'The verdict',
          next: wizardNext(assessment),
          ...(typeof months === 'number' ? { months } : {}),
        })
      : step.id === REVIEW
        ? reviewElements(flow, record)
        : [];
  return stepCard({
    pack: flow.pack,
    reference: record.id,
    recordTitle: record.title,
    revision: record.revision,
    step,
    position: { index, count: steps.length },
    questions: cardQuestions(flow, record.draft, step.id, state.values),
    values: { ...cardValues(flow, record.draft, step.id), ...state.values },
    errors: state.errors ?? {},
    ...(state.followUps ? { followUps: state.followUps } : {}),
    ...(notice ? { notice } : {}),
    lead,
    canGoBack: index > 0,
    ...(step.id === KPI_STEP && outcomeTargets(record, flow.pack).length > 0
      ? { stepActions: [{ title: FILL_FROM_OUTCOMES, verb: WIZARD_VERBS.fillKpis }] }
      : {}),
    continueTitle:
      step.id === REVIEW
        ? 'Confirm and finish'
        : record.draft.returnTo === REVIEW
          ? 'Continue to the review'
          : 'Continue',
  });
}

/** A button from a card the bot can no longer act on (no record or step on it). */
export const outOfDateCard = (): AdaptiveCard =>
  messageCard('That button is out of date', 'Type **list** to see your records.');

/** A turn that failed: nothing was saved, and the officer may try again. */
export const turnFailedCard = (): AdaptiveCard =>
  messageCard(
    'Something went wrong',
    'Your answers were not saved. Please try again in a moment.',
    'attention',
  );

/** A record the person may not see, or that does not exist: the same words for both. */
export const recordNotFoundCard = (reference: string): AdaptiveCard =>
  messageCard('Record not found', `I could not find ${reference} among the records you can see.`);
