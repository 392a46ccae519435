import type { PolicyPack } from '../../policy/schema.js';
import type { CitedItem } from '../../rules/assessment.js';
import { listAnswer, textAnswer, yesNoAnswer } from '../answers.js';
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

/**
 * The Modern Slavery Statement items the contract will carry out: every one that applies
 * when the officer ticked "all of them", otherwise those ticked one by one.
 */
export function plannedSlaveryItems(pack: PolicyPack, answers: Answers): CitedItem[] {
  const applicable = applicableSlaveryItems(pack, answers);
  if (yesNoAnswer(answers, 'mssAll') === true) return applicable;
  const planned = listAnswer(answers, 'mssPlanned');
  return applicable.filter((item) => planned.includes(item.id));
}

/**
 * Asked only once the officer has said the contract will not carry out all of them (the
 * card comes back with these; most officers tick "all" and never see them). A draft saved
 * before "all" was asked keeps its own ticks.
 */
const notAll = (answers: Answers): boolean =>
  yesNoAnswer(answers, 'mssAll') === false ||
  (answers.mssAll === undefined && answers.mssPlanned !== undefined);

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
        label: 'Modern slavery risk indicators that apply',
        short: 'Risk indicators',
        choices: indicators,
        citation: rating.guidance.citation,
      },
      {
        id: 'msSector',
        kind: 'choice',
        label: "Is the supplier's sector one that guidance names as higher risk?",
        short: 'High-risk sector',
        choices: [
          // A sector the pack adds to the guidance's list is marked as its reading.
          ...highRiskSectors.map(({ id, label, derived }) => ({
            id,
            label,
            ...(derived ? { derivedFrom: derived.from } : {}),
          })),
          { id: NO_SECTOR, label: 'None of these' },
        ],
        required: true,
        citation: highRiskSectors[0]?.citation ?? rating.guidance.citation,
      },
      {
        id: 'mssAll',
        kind: 'tick',
        label: 'We will carry out every modern slavery commitment that applies',
        short: 'Every commitment',
        details: (answers) => applicableSlaveryItems(pack, answers).map((item) => item.text),
      },
      {
        id: 'mssPlanned',
        kind: 'multiChoice',
        label: 'Which commitments will it carry out?',
        short: 'Commitments',
        when: notAll,
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
        label: 'Why the others are not planned',
        short: 'Why not the others',
        required: true,
        when: (answers) =>
          notAll(answers) &&
          plannedSlaveryItems(pack, answers).length < applicableSlaveryItems(pack, answers).length,
      },
    ],
    validate: (answers): FieldErrors => smallerProviderErrors(pack, answers),
  };
}
