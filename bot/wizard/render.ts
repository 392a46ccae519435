import { guidanceSections } from '../../cards/guidance.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { stepCard } from '../../cards/step-card.js';
import { summaryCard } from '../../cards/summary-card.js';
import {
  activeSteps,
  cardQuestions,
  cardValues,
  type Questionnaire,
  type StepId,
} from '../../core/flow/index.js';
import type { CommissioningRecord } from '../../core/record/index.js';

export interface CardState {
  /** The values to show instead of the saved answers (as typed on a refused submit). */
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
  notice?: { text: string; style: 'good' | 'warning' | 'attention' };
  /** Show this step rather than the record's current one (a conflict on an earlier step). */
  step?: StepId;
}

/** The step shown right after the basics carries the guidance the basics give. */
const GUIDANCE_AFTER: StepId = 'basics';

/** The card for where a record stands: its current step, or the summary when it is done. */
export function recordCard(
  flow: Questionnaire,
  record: CommissioningRecord,
  state: CardState = {},
): AdaptiveCard {
  const wanted = state.step ?? record.draft.step;
  if (wanted === 'done') return summaryCard(flow, record, state.notice?.text);
  const steps = activeSteps(flow, record.draft.answers);
  let index = steps.findIndex((s) => s.id === wanted);
  if (index === -1) {
    // The step no longer applies (an answer elsewhere skips it): show where the record stands;
    // the values and errors were for the other step, so they are not carried over.
    index = steps.findIndex((s) => s.id === record.draft.step);
    if (index === -1) return summaryCard(flow, record, state.notice?.text);
    state = { ...(state.notice ? { notice: state.notice } : {}) };
  }
  const step = steps[index];
  if (!step) return summaryCard(flow, record, state.notice?.text);
  const previous = steps[index - 1];
  const showGuidance = previous?.id === GUIDANCE_AFTER && record.assessment !== undefined;
  return stepCard({
    reference: record.id,
    recordTitle: record.title,
    revision: record.revision,
    step,
    position: { index, count: steps.length },
    questions: cardQuestions(flow, record.draft, step.id, state.values),
    values: { ...cardValues(flow, record.draft, step.id), ...state.values },
    errors: state.errors ?? {},
    ...(state.notice ? { notice: state.notice } : {}),
    ...(showGuidance && record.assessment
      ? {
          guidance: {
            title: 'What the policy says about this contract',
            sections: guidanceSections(record.assessment, flow.pack),
          },
        }
      : {}),
    canGoBack: index > 0,
  });
}
