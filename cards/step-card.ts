import { type ShownQuestion, STEP_ERROR_KEY, type Step } from '../core/flow/index.js';
import { type ActionData, button } from './actions.js';
import { formCard } from './form.js';
import type { Section } from './info.js';
import { questionElements } from './inputs.js';
import type { AdaptiveCard } from './render.js';

/** The keys a wizard button sends besides the inputs; no question may use them as its id. */
export const WIZARD_ACTION_KEYS = ['verb', 'reference', 'step', 'revision'] as const;

export const WIZARD_VERBS = {
  next: 'wizard.next',
  back: 'wizard.back',
  save: 'wizard.save',
} as const;

export interface StepCardView {
  reference: string;
  recordTitle: string;
  /** The record revision the card shows: a submit from an older one is recognised as stale. */
  revision: number;
  step: Pick<Step, 'id' | 'title' | 'help' | 'citation'>;
  position: { index: number; count: number };
  questions: ShownQuestion[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  notice?: { text: string; style: 'good' | 'warning' | 'attention' };
  guidance?: { title: string; sections: Section[] };
  canGoBack: boolean;
}

function errorSummary(errors: Readonly<Record<string, string>>): string {
  const count = Object.keys(errors).filter((key) => key !== STEP_ERROR_KEY).length;
  const parts = [
    errors[STEP_ERROR_KEY],
    count === 0
      ? undefined
      : `Check ${count === 1 ? 'the answer' : `the ${count} answers`} marked below.`,
  ];
  return parts.filter(Boolean).join(' ');
}

/** One card per step, from the flow's data: every question kind has one way to be shown. */
export function stepCard(view: StepCardView): AdaptiveCard {
  const data = (verb: string): ActionData => ({
    verb,
    reference: view.reference,
    step: view.step.id,
    revision: view.revision,
  });
  const state = { values: view.values, errors: view.errors };
  return formCard({
    subtitle: `${view.reference}: ${view.recordTitle}`,
    title: view.step.title,
    progress: `Step ${view.position.index + 1} of ${view.position.count}`,
    ...(view.step.help ? { help: view.step.help } : {}),
    ...(view.step.citation ? { citation: view.step.citation } : {}),
    ...(view.notice ? { notice: view.notice } : {}),
    errorSummary: errorSummary(view.errors),
    ...(view.guidance ? { guidance: view.guidance } : {}),
    body: view.questions.flatMap((question) => questionElements(question, state)),
    actions: [
      button('Continue', data(WIZARD_VERBS.next), 'positive'),
      ...(view.canGoBack ? [button('Back', data(WIZARD_VERBS.back))] : []),
      button('Save and continue later', data(WIZARD_VERBS.save)),
    ],
  });
}
