import type { PolicyPack } from '../../policy/schema.js';
import { yesNoAnswer } from '../answers.js';
import { TEXT_LIMITS } from '../limits.js';
import type { Step } from '../questions.js';
import { byId, cited } from './cited.js';

export function whyStep(pack: PolicyPack): Step {
  return {
    id: 'why',
    title: 'Why commission it?',
    ...cited(byId(pack.preCommissioningQuestions, 'why')),
    questions: [
      {
        id: 'stillRelevant',
        kind: 'yesNo',
        label: 'Is the service still relevant?',
        required: true,
      },
      {
        id: 'aims',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'What are we trying to achieve?',
        required: true,
      },
      {
        id: 'baselineOutcomes',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'The baseline service outcomes',
        required: true,
      },
      {
        id: 'relevanceNote',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'If it is no longer fully relevant, why is it going ahead?',
        required: (answers) => yesNoAnswer(answers, 'stillRelevant') === false,
      },
    ],
  };
}
