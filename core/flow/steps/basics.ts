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
import { frameworkQuestion } from './kpis.js';

const CATEGORY_LABELS: Record<ContractCategory, string> = {
  goods: 'Goods',
  services: 'Services',
  works: 'Works',
  mixed: 'A mix of these',
};

/**
 * Light-touch is a kind of services, so it is one of the choices rather than a question of
 * its own: asked only where it applies, it starts unanswered like the rest of the choice.
 */
export const LIGHT_TOUCH = 'lightTouchServices';
const LIGHT_TOUCH_LABEL = 'Light-touch services (health, social, education and others)';

/** Goods, services, light-touch services, works (and mixed for the category). */
function withLightTouch(ids: readonly string[]): Choice[] {
  return ids.flatMap((id) => {
    const own = { id, label: CATEGORY_LABELS[id as ContractCategory] };
    return id === 'services' ? [own, { id: LIGHT_TOUCH, label: LIGHT_TOUCH_LABEL }] : [own];
  });
}

const categoryChoices = withLightTouch(contractCategorySchema.options);
const elementChoices = withLightTouch(mainElementSchema.options);

export const isMixed = (answers: Answers): boolean => textAnswer(answers, 'category') === 'mixed';

/** The category or main element as chosen: light-touch services read as services. */
const asElement = (chosen: string | undefined): string | undefined =>
  chosen === LIGHT_TOUCH ? 'services' : chosen;

/** The element the rules judge: a mixed contract's main element, otherwise its category. */
export function elementOf(answers: Answers): string | undefined {
  return asElement(
    isMixed(answers) ? textAnswer(answers, 'mainElement') : textAnswer(answers, 'category'),
  );
}

/** Light-touch services: chosen as such (or, in a draft saved before, answered yes on its own). */
export function isLightTouch(answers: Answers): boolean {
  const chosen = isMixed(answers)
    ? textAnswer(answers, 'mainElement')
    : textAnswer(answers, 'category');
  if (chosen === LIGHT_TOUCH) return true;
  return chosen === 'services' && yesNoAnswer(answers, 'lightTouch') === true;
}

/** A concession is a works or services contract (PA 2023 s.8). */
const canBeConcession = (answers: Answers): boolean =>
  elementOf(answers) === 'services' || elementOf(answers) === 'works';

/** Competitive until the officer says otherwise (the step that asks it comes first and requires it). */
export const isCompetitive = (answers: Answers): boolean =>
  yesNoAnswer(answers, 'competitive') !== false;

export const contractValue = (answers: Answers): number | undefined =>
  numberAnswer(answers, 'value');

/**
 * The assessment input the basics answers give, for `assess`. Answers to questions not
 * asked (a main element once the contract is no longer mixed) stay in the draft but are
 * left out here.
 */
export function assessmentInputFrom(answers: Answers): Partial<AssessmentInput> {
  const input: Partial<AssessmentInput> = {};
  const category = contractCategorySchema.safeParse(asElement(textAnswer(answers, 'category')));
  if (category.success) input.category = category.data;
  const main = mainElementSchema.safeParse(asElement(textAnswer(answers, 'mainElement')));
  if (isMixed(answers) && main.success) input.mainElement = main.data;
  const value = contractValue(answers);
  if (value !== undefined) input.value = value;
  const keyProvider = yesNoAnswer(answers, 'keyProvider');
  if (keyProvider !== undefined) input.keyProvider = keyProvider;
  const start = textAnswer(answers, 'procurementStart');
  if (start !== undefined) input.procurementStart = start;
  const competitive = yesNoAnswer(answers, 'competitive');
  if (competitive !== undefined) input.competitive = competitive;
  if (elementOf(answers) === ('services' satisfies MainElement)) {
    input.lightTouch = isLightTouch(answers);
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
    runsAssessment: true,
    guidanceAfter: true,
    questions: [
      {
        id: 'title',
        kind: 'text',
        label: 'Contract title',
        short: 'Title',
        required: true,
        maxLength: TEXT_LIMITS.short,
      },
      {
        id: 'category',
        kind: 'choice',
        label: 'What is the contract for?',
        short: 'Kind',
        choices: categoryChoices,
        required: true,
        citation: pack.scope.coverage.citation,
      },
      {
        id: 'mainElement',
        kind: 'choice',
        label: 'The main element of the mixed contract',
        short: 'Main element',
        choices: elementChoices,
        required: true,
        when: isMixed,
        ...cited(pack.scope.coverage),
      },
      {
        // It changes the threshold, so it starts unanswered. Shown always (a card cannot show
        // it once works or services is chosen, and most contracts are one of them), and
        // required only where it applies; goods leave it empty.
        id: 'concession',
        kind: 'yesNo',
        label: 'Is it a concession (paid by the right to run it)?',
        short: 'Concession',
        requiredIf: 'works or services',
        required: canBeConcession,
        ...(pack.regulated.concession ? { citation: pack.regulated.concession.citation } : {}),
      },
      {
        id: 'value',
        kind: 'money',
        label: `Estimated whole-life value, ${vat} VAT`,
        short: 'Value',
        required: true,
      },
      {
        id: 'contractMonths',
        kind: 'number',
        label: 'Contract length in months, with any extensions',
        short: 'Months',
        integer: true,
        min: 1,
        max: MAX_CONTRACT_MONTHS,
        required: true,
      },
      {
        id: 'procurementStart',
        kind: 'date',
        label: 'Date the procurement starts',
        short: 'Starts',
        required: true,
      },
      {
        id: 'keyProvider',
        kind: 'yesNo',
        label: 'Is the provider one of our key providers?',
        short: 'Key provider',
        required: true,
        ...(keyProviderRule ? { citation: keyProviderRule.citation } : {}),
      },
      {
        id: 'competitive',
        kind: 'yesNo',
        label: 'Will the award be competitive?',
        short: 'Competitive',
        required: true,
      },
      // Asked only above the Procurement Act's KPI value, where it decides whether KPIs are due.
      ...frameworkQuestion(pack),
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
        lightTouch: { key: 'category', subject: 'Light-touch' },
        concession: { key: 'concession', subject: 'Concession' },
        value: { key: 'value', subject: 'The estimated value' },
        keyProvider: { key: 'keyProvider', subject: 'Whether this is a key provider' },
        competitive: { key: 'competitive', subject: 'Whether the award is competitive' },
        procurementStart: start,
        on: start,
      });
    },
  };
}
