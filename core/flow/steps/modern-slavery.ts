import type { PolicyPack } from '../../policy/schema.js';
import type { CitedItem } from '../../rules/assessment.js';
import { listAnswer, textAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { TEXT_LIMITS } from '../limits.js';
import type { FieldErrors, Step } from '../questions.js';
import { assessmentOf } from './basics.js';

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

export function modernSlaveryStep(pack: PolicyPack): Step {
  const { indicators, highRiskSectors, rating } = pack.modernSlavery;
  return {
    id: 'modernSlavery',
    title: 'Modern slavery',
    citation: 'MSS',
    questions: [
      {
        id: 'msIndicators',
        kind: 'multiChoice',
        label: 'Which modern slavery risk indicators apply to this contract?',
        choices: indicators,
        citation: rating.guidance.citation,
        help: rating.guidance.text,
      },
      {
        id: 'msSector',
        kind: 'choice',
        label: "Is the supplier's sector one that central guidance names as higher risk?",
        choices: [
          ...highRiskSectors.map(({ id, label }) => ({ id, label })),
          { id: NO_SECTOR, label: 'None of these' },
        ],
        required: true,
        citation: highRiskSectors[0]?.citation ?? rating.guidance.citation,
      },
      {
        id: 'mssPlanned',
        kind: 'multiChoice',
        label: 'Which of the Modern Slavery Statement commitments will this contract carry out?',
        choices: (answers) =>
          applicableSlaveryItems(pack, answers).map((item) => ({
            id: item.id,
            label: `${item.citation}: ${item.text}`,
          })),
      },
      {
        id: 'mssNotPlannedReason',
        kind: 'longText',
        maxLength: TEXT_LIMITS.long,
        label: 'Why any of these commitments is not planned',
      },
    ],
    validate: (answers): FieldErrors => {
      const planned = listAnswer(answers, 'mssPlanned');
      const missing = applicableSlaveryItems(pack, answers).filter(
        (item) => !planned.includes(item.id),
      );
      if (missing.length === 0 || textAnswer(answers, 'mssNotPlannedReason') !== undefined) {
        return {};
      }
      const ids = missing.map((item) => item.id);
      const named =
        ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids.join('');
      const one = missing.length === 1;
      return {
        mssNotPlannedReason: `Say why ${named} ${one ? 'is' : 'are'} not planned, or tick ${one ? 'it' : 'them'} as planned`,
      };
    },
  };
}
