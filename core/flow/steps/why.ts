import type { PolicyPack } from '../../policy/schema.js';
import { yesNoAnswer } from '../answers.js';
import { TEXT_LIMITS } from '../limits.js';
import type { Step } from '../questions.js';
import { byId } from './cited.js';

/**
 * The first two pre-commissioning questions on one card: why commission it, and who to
 * consult. Both are short questions about the same service, and one card fewer is a minute
 * saved.
 */
export function whyStep(pack: PolicyPack): Step {
  const why = byId(pack.preCommissioningQuestions, 'why');
  const consultation = byId(pack.preCommissioningQuestions, 'consultation');
  return {
    id: 'why',
    replaces: ['consultation'],
    title: 'Why, and who to consult',
    ...(why ? { citation: why.citation } : {}),
    questions: [
      {
        id: 'stillRelevant',
        kind: 'yesNo',
        label: 'Is the service still relevant?',
        short: 'Still relevant',
        required: true,
        ...(why ? { citation: why.citation } : {}),
      },
      {
        id: 'relevanceNote',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'It is no longer fully relevant: why is it going ahead?',
        short: 'Why going ahead',
        required: true,
        when: (answers) => yesNoAnswer(answers, 'stillRelevant') === false,
      },
      {
        id: 'aims',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'What are we trying to achieve?',
        short: 'Aims',
        required: true,
      },
      {
        id: 'baselineOutcomes',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'The baseline service outcomes',
        short: 'Baseline',
        required: true,
      },
      {
        id: 'consult',
        kind: 'yesNo',
        label: 'Will you consult service users, the community or the market?',
        short: 'Consult',
        required: true,
        ...(consultation ? { citation: consultation.citation } : {}),
      },
      {
        // One box for either answer: a card cannot swap the question on the radio button
        // chosen, and a second card for it would cost every officer a round trip.
        id: 'consultationPlan',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Who will you consult, and how? (If no one, why not?)',
        short: 'Who and how',
        required: true,
      },
      {
        id: 'coDesign',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Co-design, or other delivery models such as mutuals',
        short: 'Co-design',
        ...(pack.scope.otherModels ? { citation: pack.scope.otherModels.citation } : {}),
      },
    ],
  };
}
