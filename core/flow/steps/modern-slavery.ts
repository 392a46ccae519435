import type { PolicyPack } from '../../policy/schema.js';
import type { CitedItem } from '../../rules/assessment.js';
import { listAnswer, textAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { TEXT_LIMITS } from '../limits.js';
import type { FieldErrors, Step } from '../questions.js';
import { assessmentOf } from './basics.js';
import { smallerProviderErrors, smallerProviderQuestions } from './smaller-providers.js';

/** The sector choice for a supplier in none of the pack's high-risk sectors. */
export const NO_SECTOR = 'none';

/**
 * The Modern Slavery Statement items that apply to this contract, from the assessment of
 * the basics; all of them while the basics do not yet give an assessment.
 */
export function applicableSlaveryItems(pack: PolicyPack, answers: Answers): CitedItem[] {
  const assessment = assessmentOf(pack, answers);
  if (assessment.ok) return assessment.value.modernSlaveryItems;
  return pack.modernSlavery.items.map(({ id, citation, text }) => ({ id, citation, text }));
}

/** The input for `rateModernSlaveryRisk`, from this step's answers. */
export function riskInputFrom(answers: Answers): { indicators: string[]; sector?: string } {
  const sector = textAnswer(answers, 'msSector');
  return {
    indicators: listAnswer(answers, 'msIndicators'),
    ...(sector === undefined || sector === NO_SECTOR ? {} : { sector }),
  };
}

/** Every Modern Slavery Statement item that applies is planned, or the officer says why not. */
const notAllPlanned =
  (pack: PolicyPack) =>
  (answers: Answers): boolean => {
    const planned = listAnswer(answers, 'mssPlanned');
    return applicableSlaveryItems(pack, answers).some((item) => !planned.includes(item.id));
  };

export function modernSlaveryStep(pack: PolicyPack): Step {
  const { indicators, highRiskSectors, rating } = pack.modernSlavery;
  return {
    id: 'modernSlavery',
    replaces: ['smallerProviders'],
    title: 'Smaller providers and modern slavery',
    questions: [
      ...smallerProviderQuestions(pack),
      {
        id: 'msIndicators',
        kind: 'multiChoice',
        label: 'Which modern slavery risk indicators apply to this contract?',
        choices: indicators,
        citation: rating.citation,
      },
      {
        id: 'msSector',
        kind: 'choice',
        label: "Is the supplier's sector one often named high-risk?",
        choices: [...highRiskSectors, { id: NO_SECTOR, label: 'None of these' }],
        required: true,
      },
      {
        id: 'mssPlanned',
        kind: 'multiChoice',
        label: 'Which Modern Slavery Statement commitments will this contract carry out?',
        choices: (answers) =>
          applicableSlaveryItems(pack, answers).map((item) => ({
            id: item.id,
            label: item.text,
          })),
      },
      {
        id: 'mssNotPlannedReason',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why the commitments not ticked are not planned',
        required: true,
        when: notAllPlanned(pack),
      },
    ],
    validate: (answers): FieldErrors => smallerProviderErrors(pack, answers),
  };
}
