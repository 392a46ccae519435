import type { Result } from '../../common/result.js';
import {
  type ContractCategory,
  contractCategorySchema,
  type MainElement,
  mainElementSchema,
  type PolicyPack,
} from '../../policy/schema.js';
import { type Assessment, assess } from '../../rules/assessment.js';
import type { AssessmentInput } from '../../rules/assessment-input.js';
import { MAX_CONTRACT_MONTHS } from '../../rules/stage-plan.js';
import { numberAnswer, textAnswer, yesNoAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import { fieldErrorsFrom } from '../field-errors.js';
import { TEXT_LIMITS } from '../limits.js';
import type { Choice, Step } from '../questions.js';
import { cited } from './cited.js';

const CATEGORY_LABELS: Record<ContractCategory, string> = {
  goods: 'Goods',
  services: 'Services',
  works: 'Works',
  mixed: 'Mixed: more than one of these',
};

const categoryChoices: Choice[] = contractCategorySchema.options.map((id) => ({
  id,
  label: CATEGORY_LABELS[id],
}));
const elementChoices: Choice[] = mainElementSchema.options.map((id) => ({
  id,
  label: CATEGORY_LABELS[id],
}));

export const isMixed = (answers: Answers): boolean => textAnswer(answers, 'category') === 'mixed';

/** The element the rules judge: a mixed contract's main element, otherwise its category. */
export function elementOf(answers: Answers): string | undefined {
  return isMixed(answers) ? textAnswer(answers, 'mainElement') : textAnswer(answers, 'category');
}

/** A concession is a works or services contract (PA 2023 s.8). */
const canBeConcession = (answers: Answers): boolean =>
  elementOf(answers) === 'services' || elementOf(answers) === 'works';

/** Competitive unless the officer said otherwise, as the assessment assumes. */
export const isCompetitive = (answers: Answers): boolean =>
  yesNoAnswer(answers, 'competitive') !== false;

export const contractValue = (answers: Answers): number | undefined =>
  numberAnswer(answers, 'value');

/**
 * The assessment input the basics answers give, for `assess`. Answers to questions not
 * asked (a main element once the contract is no longer mixed, light-touch for anything but
 * services) stay in the draft but are left out here.
 */
export function assessmentInputFrom(answers: Answers): Partial<AssessmentInput> {
  const input: Partial<AssessmentInput> = {};
  const category = contractCategorySchema.safeParse(answers.category);
  if (category.success) input.category = category.data;
  const main = mainElementSchema.safeParse(answers.mainElement);
  if (isMixed(answers) && main.success) input.mainElement = main.data;
  const value = contractValue(answers);
  if (value !== undefined) input.value = value;
  const keyProvider = yesNoAnswer(answers, 'keyProvider');
  if (keyProvider !== undefined) input.keyProvider = keyProvider;
  const start = textAnswer(answers, 'procurementStart');
  if (start !== undefined) input.procurementStart = start;
  const competitive = yesNoAnswer(answers, 'competitive');
  if (competitive !== undefined) input.competitive = competitive;
  const lightTouch = yesNoAnswer(answers, 'lightTouch');
  if (elementOf(answers) === ('services' satisfies MainElement) && lightTouch !== undefined) {
    input.lightTouch = lightTouch;
  }
  const concession = yesNoAnswer(answers, 'concession');
  if (canBeConcession(answers) && concession !== undefined) input.concession = concession;
  return input;
}

/** The assessment of the basics, judged on the procurement's start date. */
export function assessmentOf(pack: PolicyPack, answers: Answers): Result<Assessment> {
  return assess(pack, assessmentInputFrom(answers), textAnswer(answers, 'procurementStart') ?? '');
}

export function basicsStep(pack: PolicyPack): Step {
  const keyProviderRule = pack.scope.rules.find((rule) => rule.kind === 'keyProvider');
  const firstThreshold = pack.regulated.rows[0]?.from;
  const vat = pack.regulated.includesVat ? 'including' : 'excluding';
  return {
    id: 'basics',
    title: 'About the contract',
    questions: [
      {
        id: 'title',
        kind: 'text',
        label: 'Contract title',
        required: true,
        maxLength: TEXT_LIMITS.short,
      },
      {
        id: 'description',
        kind: 'longText',
        label: 'What is being bought, briefly',
        maxLength: TEXT_LIMITS.long,
      },
      {
        id: 'category',
        kind: 'choice',
        label: 'Is the contract for goods, services or works, or a mix?',
        choices: categoryChoices,
        required: true,
        ...cited(pack.scope.coverage),
      },
      {
        id: 'mainElement',
        kind: 'choice',
        label: 'Main element of the mixed contract',
        choices: elementChoices,
        required: true,
        when: isMixed,
        followUp: 'If mixed',
        ...cited(pack.scope.coverage),
      },
      {
        id: 'lightTouch',
        kind: 'yesNo',
        label: 'Light-touch services (such as health, social, education or other listed services)?',
        default: false,
        when: (answers) => elementOf(answers) === 'services',
        followUp: 'If services',
      },
      {
        id: 'concession',
        kind: 'yesNo',
        label:
          'Is it a concession (the supplier is paid mainly by the right to run the works or services)?',
        default: false,
        when: canBeConcession,
        followUp: 'If works or services',
        ...cited(pack.regulated.concession),
      },
      {
        id: 'value',
        kind: 'money',
        label: `Estimated whole-life value, ${vat} VAT`,
        required: true,
        ...cited(pack.regulated.atOrAbove),
      },
      {
        id: 'contractMonths',
        kind: 'number',
        label: 'Contract length in months, including any extensions',
        integer: true,
        min: 1,
        max: MAX_CONTRACT_MONTHS,
        required: true,
      },
      {
        id: 'procurementStart',
        kind: 'date',
        label: 'Date the procurement starts',
        help: 'The regulated threshold and the procurement rules that apply follow this date.',
        required: true,
      },
      {
        id: 'keyProvider',
        kind: 'yesNo',
        label: 'Is the provider one of our key providers?',
        required: true,
        ...cited(keyProviderRule),
      },
      {
        id: 'competitive',
        kind: 'yesNo',
        label: 'Will the contract be awarded through a competitive process?',
        help: 'If not, there is no award weighting, and the guidance says which checks still apply to a direct award.',
        default: true,
      },
    ],
    // The basics must give a valid assessment, or the guidance after this step cannot be worked out.
    validate: (answers) => {
      const result = assessmentOf(pack, answers);
      if (result.ok) return {};
      const start = {
        key: 'procurementStart',
        subject: 'The procurement start date',
        ...(firstThreshold ? { fix: `Enter a date on or after ${firstThreshold}` } : {}),
      };
      return fieldErrorsFrom(result.problems, {
        category: { key: 'category', subject: 'The category' },
        mainElement: { key: 'mainElement', subject: 'The main element' },
        value: { key: 'value', subject: 'The estimated value' },
        keyProvider: { key: 'keyProvider', subject: 'Whether this is a key provider' },
        competitive: { key: 'competitive', subject: 'Whether the award is competitive' },
        lightTouch: { key: 'lightTouch', subject: 'Light-touch' },
        concession: { key: 'concession', subject: 'Concession' },
        procurementStart: start,
        on: start,
      });
    },
  };
}
