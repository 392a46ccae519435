import type { PolicyPack } from '../../policy/schema.js';
import { yesNoAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { TEXT_LIMITS } from '../limits.js';
import type { Step } from '../questions.js';
import { byId, cited } from './cited.js';

const consulting = (answers: Answers): boolean => yesNoAnswer(answers, 'consult') === true;
const notConsulting = (answers: Answers): boolean => yesNoAnswer(answers, 'consult') === false;

export function consultationStep(pack: PolicyPack): Step {
  return {
    id: 'consultation',
    title: 'Consultation and co-design',
    ...cited(byId(pack.preCommissioningQuestions, 'consultation')),
    questions: [
      {
        id: 'consult',
        kind: 'yesNo',
        label: 'Will you consult service users, the community or the market?',
        required: true,
      },
      {
        id: 'consultationPlan',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Who will you consult, and how?',
        required: true,
        when: consulting,
        followUp: 'If you will consult',
      },
      {
        id: 'noConsultationReason',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why will you not consult?',
        required: true,
        when: notConsulting,
        followUp: 'If you will not consult',
      },
      {
        id: 'coDesign',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Chances to co-design or co-commission the service',
      },
      {
        id: 'otherModels',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Other delivery models considered, such as social enterprises or mutuals',
        ...cited(pack.scope.otherModels),
      },
    ],
  };
}
