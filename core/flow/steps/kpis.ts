import type { Problem } from '../../common/result.js';
import type { PolicyPack } from '../../policy/schema.js';
import { CONTRACT_TEXT_LIMITS } from '../../record/contract-limits.js';
import { type KpiInput, readKpis } from '../../record/kpi-read.js';
import { type KpiDuty, kpiDuty } from '../../rules/kpi-duty.js';
import { textAnswer, yesNoAnswer } from '../answers.js';
import type { Answers } from '../draft.js';
import type { FieldErrors, Question, Step } from '../questions.js';
import { assessmentInputFrom } from './basics.js';
import { chosenMeasures } from './outcomes.js';

/**
 * Room for KPIs beyond the pack's minimum: enough for a contract with a few more, while the
 * card stays short. A card layout, not a policy: the pack sets the minimum.
 */
const SPARE_SLOTS = 2;

/** The framework question's id: the one KPI exemption the basics do not already answer. */
export const FRAMEWORK = 'framework';

/** The reason performance could not appropriately be assessed by KPIs. */
export const KPI_NOT_APPROPRIATE = 'kpiNotAppropriate';

/** The card inputs of the KPI in one slot (1, 2, ...). */
export const kpiSlotIds = (slot: number) => ({
  name: `kpi${slot}Name`,
  measuredBy: `kpi${slot}MeasuredBy`,
  target: `kpi${slot}Target`,
  mostMaterial: `kpi${slot}MostMaterial`,
});

/** How many KPIs the form offers: the pack's minimum and a few more. */
export const kpiSlotCount = (pack: PolicyPack): number =>
  pack.procurementAct.kpis.minimum + SPARE_SLOTS;

/**
 * What the KPI duty turns on, from the answers: undefined until the basics give a value and a
 * start date. `framework` overrides the answer (to ask whether the question applies at all).
 */
export function kpiDutyOf(
  pack: PolicyPack,
  answers: Answers,
  framework = yesNoAnswer(answers, FRAMEWORK) === true,
): KpiDuty | undefined {
  const input = assessmentInputFrom(answers);
  if (input.value === undefined || input.procurementStart === undefined) return undefined;
  const duty = kpiDuty(pack, {
    value: input.value,
    procurementStart: input.procurementStart,
    concession: input.concession ?? false,
    lightTouch: input.lightTouch ?? false,
    framework,
  });
  return duty.ok ? duty.value : undefined;
}

/** KPIs are required (s.52) on these answers. */
export const kpisRequired = (pack: PolicyPack, answers: Answers): boolean =>
  kpiDutyOf(pack, answers)?.duty === 'required';

/**
 * "Is it a framework?", asked in the basics only where it decides something: the contract is
 * worth more than the KPI threshold, under the Act, and no exemption the basics ask applies.
 * Most contracts never see it. Its words and citation are the pack's exemption.
 */
export function frameworkQuestion(pack: PolicyPack): Question[] {
  const exemption = pack.procurementAct.kpis.exemptions.find((e) => e.id === 'framework');
  if (!exemption) return [];
  const label = exemption.label.charAt(0).toLowerCase() + exemption.label.slice(1);
  return [
    {
      id: FRAMEWORK,
      kind: 'yesNo',
      label: `Is it ${label}?`,
      short: exemption.label.replace(/^An? /, ''),
      help: exemption.text,
      citation: exemption.citation,
      required: true,
      when: (answers) => kpiDutyOf(pack, answers, false)?.duty === 'required',
    },
  ];
}

/**
 * The KPI slots' questions and the reason for none: the wizard's step and the form after
 * award. Where KPIs are required, the first slots (the pack's minimum) say they are needed
 * unless a reason is given; any other slot's fields are needed once the slot is used.
 */
export function kpiQuestions(pack: PolicyPack, duty: KpiDuty['duty'] = 'required'): Question[] {
  const { kpis } = pack.procurementAct;
  const slots = Array.from({ length: kpiSlotCount(pack) }, (_, index) => index + 1);
  const condition = (slot: number): string =>
    duty === 'required' && slot <= kpis.minimum
      ? 'no reason is given below'
      : `KPI ${slot} is used`;
  return [
    ...slots.flatMap((slot): Question[] => {
      const ids = kpiSlotIds(slot);
      const requiredIf = condition(slot);
      return [
        {
          id: ids.name,
          kind: 'text',
          maxLength: CONTRACT_TEXT_LIMITS.kpiName,
          label: `KPI ${slot}: its name`,
          requiredIf,
          short: `KPI ${slot}`,
        },
        {
          id: ids.measuredBy,
          kind: 'text',
          maxLength: CONTRACT_TEXT_LIMITS.kpiMeasuredBy,
          label: `KPI ${slot}: how it is measured`,
          requiredIf,
          listed: false,
        },
        {
          id: ids.target,
          kind: 'text',
          maxLength: CONTRACT_TEXT_LIMITS.kpiTarget,
          label: `KPI ${slot}: its target`,
          requiredIf,
          listed: false,
        },
        {
          id: ids.mostMaterial,
          kind: 'tick',
          label: `KPI ${slot} is one of the ${kpis.mostMaterial} most material`,
          listed: false,
        },
      ];
    }),
    {
      id: KPI_NOT_APPROPRIATE,
      kind: 'longText',
      maxLength: CONTRACT_TEXT_LIMITS.notAppropriate,
      label: 'Or: why the supplier’s performance could not appropriately be assessed by KPIs',
      short: 'No KPIs, because',
      citation: kpis.notAppropriate.citation,
      when: (answers) => kpisRequired(pack, answers),
    },
  ];
}

/** A KPI the answers hold, with the slot it was typed in. */
export interface SlotKpi {
  slot: number;
  kpi: KpiInput;
}

/**
 * The KPIs the answers hold, slot by slot; a slot left wholly empty is no KPI. A KPI named as
 * one of the record's outcomes is taken from it (the delivery record links the two).
 */
export function kpisFromAnswers(
  pack: PolicyPack,
  answers: Answers,
): { kpis: SlotKpi[]; notAppropriate?: string } {
  const measures = chosenMeasures(pack, answers);
  const kpis: SlotKpi[] = [];
  for (let slot = 1; slot <= kpiSlotCount(pack); slot++) {
    const ids = kpiSlotIds(slot);
    const name = textAnswer(answers, ids.name) ?? '';
    const measuredBy = textAnswer(answers, ids.measuredBy) ?? '';
    const target = textAnswer(answers, ids.target) ?? '';
    const mostMaterial = yesNoAnswer(answers, ids.mostMaterial) === true;
    if (name === '' && measuredBy === '' && target === '' && !mostMaterial) continue;
    const measure = measures.find((m) => m.text === name);
    kpis.push({
      slot,
      kpi: {
        name,
        measuredBy,
        target,
        mostMaterial,
        ...(measure ? { measureId: measure.id } : {}),
      },
    });
  }
  const reason = textAnswer(answers, KPI_NOT_APPROPRIATE);
  return { kpis, ...(reason ? { notAppropriate: reason } : {}) };
}

/** The KPIs as the slots' answers: to fill the form with KPIs set, or suggested. */
export function kpiAnswers(
  kpis: readonly Omit<KpiInput, 'measureId'>[],
  notAppropriate?: string,
): Answers {
  const answers: Answers = {};
  kpis.forEach((kpi, index) => {
    const ids = kpiSlotIds(index + 1);
    answers[ids.name] = kpi.name ?? '';
    answers[ids.measuredBy] = kpi.measuredBy ?? '';
    answers[ids.target] = kpi.target ?? '';
    if (kpi.mostMaterial === true) answers[ids.mostMaterial] = true;
  });
  if (notAppropriate) answers[KPI_NOT_APPROPRIATE] = notAppropriate;
  return answers;
}

/** The answers without the KPI slots and the reason: what the record keeps once they are set. */
export function withoutKpiAnswers(pack: PolicyPack, answers: Answers): Answers {
  const ids = new Set(kpiQuestions(pack).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !ids.has(id)));
}

/**
 * The checks of `setKpis` on the answers, each beside the input it is about: a KPI's field
 * beside that field (numbered by its slot), the count beside the first empty slot, the most
 * material count beside the first tick.
 */
export function kpiFieldErrors(pack: PolicyPack, answers: Answers, duty: KpiDuty): FieldErrors {
  const { kpis, notAppropriate } = kpisFromAnswers(pack, answers);
  const outcomes = new Set(chosenMeasures(pack, answers).map((m) => m.id));
  const input = { kpis: kpis.map((k) => k.kpi), ...(notAppropriate ? { notAppropriate } : {}) };
  const read = readKpis(pack, duty, input, outcomes);
  if (read.ok) return {};
  const taken = new Set(kpis.map((k) => k.slot));
  const firstEmpty =
    Array.from({ length: kpiSlotCount(pack) }, (_, i) => i + 1).find((s) => !taken.has(s)) ?? 1;
  const errors: FieldErrors = {};
  const put = (key: string, message: string) => {
    errors[key] ??= message;
  };
  for (const problem of read.problems) put(...fieldOf(problem, kpis, firstEmpty));
  return errors;
}

function fieldOf(problem: Problem, kpis: SlotKpi[], firstEmpty: number): [string, string] {
  const match = /^kpis\.(\d+)\.(\w+)/.exec(problem.path);
  if (match) {
    const slot = kpis[Number(match[1])]?.slot ?? 1;
    const field = match[2] as keyof ReturnType<typeof kpiSlotIds>;
    const ids = kpiSlotIds(slot);
    const message = problem.message.replace(/^KPI \d+: /, `KPI ${slot}: `);
    return [ids[field] ?? ids.name, message];
  }
  if (problem.path === 'mostMaterial')
    return [kpiSlotIds(kpis[0]?.slot ?? 1).mostMaterial, problem.message];
  if (problem.path === 'notAppropriate') return [KPI_NOT_APPROPRIATE, problem.message];
  return [kpiSlotIds(firstEmpty).name, problem.message];
}

/**
 * The Procurement Act's KPIs (s.52), asked only where the Act requires them: more than the
 * pack's value, under the Act, no exemption. Elsewhere they may be set after award.
 */
export function kpisStep(pack: PolicyPack): Step {
  const { kpis } = pack.procurementAct;
  return {
    id: 'kpis',
    title: 'Key performance indicators',
    help: `${kpis.text} Mark the ${kpis.mostMaterial} most material: the contract details notice names them. ${kpis.notAppropriate.text}`,
    citation: kpis.citation,
    skip: (answers) => !kpisRequired(pack, answers),
    questions: kpiQuestions(pack),
    validate: (answers) => {
      const duty = kpiDutyOf(pack, answers);
      return duty ? kpiFieldErrors(pack, answers, duty) : {};
    },
  };
}

/** The form's values for KPIs: the slots filled in order, a tick as `true`. */
export function kpiCardValues(
  kpis: readonly Omit<KpiInput, 'measureId'>[],
  notAppropriate?: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(kpiAnswers(kpis, notAppropriate)).map(([id, value]) => [id, String(value)]),
  );
}

/**
 * A KPI card's values as typed, with each suggested KPI (the record's social value outcomes)
 * the slots do not name yet put in the first empty slot; nothing typed is overwritten. The
 * wizard's step and the form after award fill the same way.
 */
export function withOutcomeKpis(
  pack: PolicyPack,
  typed: Readonly<Record<string, string>>,
  suggested: readonly KpiInput[],
): Record<string, string> {
  const values = { ...typed };
  const slots = Array.from({ length: kpiSlotCount(pack) }, (_, i) => i + 1);
  const nameOf = (slot: number) => (values[kpiSlotIds(slot).name] ?? '').trim();
  const named = new Set(slots.map(nameOf));
  for (const kpi of suggested) {
    if (named.has(kpi.name ?? '')) continue;
    const slot = slots.find((s) => nameOf(s) === '');
    if (slot === undefined) break;
    const ids = kpiSlotIds(slot);
    values[ids.name] = kpi.name ?? '';
    values[ids.measuredBy] = kpi.measuredBy ?? '';
    values[ids.target] = kpi.target ?? '';
  }
  return values;
}
