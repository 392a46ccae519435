import { type ShownQuestion, STEP_ERROR_KEY, type Step } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import { type ActionData, button } from './actions.js';
import { formCard, type Notice } from './form.js';
import { type Element, questionElements } from './inputs.js';
import { policyRef } from './policy-ref.js';
import type { AdaptiveCard } from './render.js';

/** The keys a wizard button sends besides the inputs; no question may use them as its id. */
export const WIZARD_ACTION_KEYS = ['verb', 'reference', 'step', 'revision'] as const;

export const WIZARD_VERBS = {
  next: 'wizard.next',
  back: 'wizard.back',
  save: 'wizard.save',
  /** From the review: open a step, and come back to the review after it. */
  change: 'wizard.change',
  /** On the KPI step: fill the empty KPI slots from the record's outcomes, saving nothing. */
  fillKpis: 'wizard.fillKpis',
} as const;

export interface StepCardView {
  /** The pack whose readings name the step's citation for the officer. */
  pack: Pick<PolicyPack, 'citationReadings'>;
  reference: string;
  recordTitle: string;
  /** The record revision the card shows: a submit from an older one is recognised as stale. */
  revision: number;
  step: Pick<Step, 'id' | 'title' | 'help' | 'citation'>;
  position: { index: number; count: number };
  questions: ShownQuestion[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  /** The keys of `errors` that are follow-up questions: shown as questions, not mistakes. */
  followUps?: readonly string[];
  notice?: Notice;
  /** Elements above the questions: the verdict, or the review's answers. */
  lead?: Element[];
  canGoBack: boolean;
  continueTitle?: string;
  /** Buttons of this step only, after Continue (the KPI step's "take our outcomes"). */
  stepActions?: { title: string; verb: string }[];
}

function errorSummary(
  errors: Readonly<Record<string, string>>,
  followUps: readonly string[] = [],
): string {
  const keys = Object.keys(errors).filter((key) => key !== STEP_ERROR_KEY);
  const count = keys.filter((key) => !followUps.includes(key)).length;
  const asked = keys.length - count;
  const parts = [
    errors[STEP_ERROR_KEY],
    count === 0
      ? undefined
      : `Check ${count === 1 ? 'the answer' : `the ${count} answers`} marked below: each says what to change.`,
    asked === 0
      ? undefined
      : `Your answers call for ${asked === 1 ? 'one more question' : `${asked} more questions`}, below.`,
  ];
  return parts.filter(Boolean).join(' ');
}

function onlyFollowUps(
  errors: Readonly<Record<string, string>>,
  followUps: readonly string[] = [],
): boolean {
  const keys = Object.keys(errors);
  return keys.length > 0 && keys.every((key) => followUps.includes(key));
}

/** One card per step, from the flow's data: every question kind has one way to be shown. */
export function stepCard(view: StepCardView): AdaptiveCard {
  const data = (verb: string): ActionData => ({
    verb,
    reference: view.reference,
    step: view.step.id,
    revision: view.revision,
  });
  const state = { values: view.values, errors: view.errors, followUps: view.followUps ?? [] };
  return formCard({
    subtitle: `${view.reference}: ${view.recordTitle}`,
    title: view.step.title,
    progress: `Step ${view.position.index + 1} of ${view.position.count}`,
    ...(view.step.help ? { help: view.step.help } : {}),
    ...(view.step.citation ? { citation: policyRef(view.pack, view.step.citation) } : {}),
    ...(view.notice ? { notice: view.notice } : {}),
    errorSummary: errorSummary(view.errors, view.followUps),
    // Only follow-up questions to ask: nothing the officer typed was wrong.
    ...(onlyFollowUps(view.errors, view.followUps)
      ? { errorSummaryStyle: 'emphasis' as const }
      : {}),
    ...(view.lead ? { lead: view.lead } : {}),
    body: view.questions.flatMap((question) => questionElements(question, state)),
    actions: [
      button(view.continueTitle ?? 'Continue', data(WIZARD_VERBS.next), 'positive'),
      ...(view.stepActions ?? []).map((action) => button(action.title, data(action.verb))),
      ...(view.canGoBack ? [button('Back', data(WIZARD_VERBS.back))] : []),
      button('Save and continue later', data(WIZARD_VERBS.save)),
    ],
  });
}
