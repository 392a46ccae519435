import { z } from 'zod';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import { boundedText } from '../flow/limits.js';
import type { PolicyPack } from '../policy/schema.js';
import type { KpiDuty } from '../rules/kpi-duty.js';
import { filled, notAwardedProblem, withChange } from './contract-inputs.js';
import { CONTRACT_LIST_LIMITS, CONTRACT_TEXT_LIMITS } from './contract-limits.js';
import type { Kpi, KpiSet } from './kpi-set.js';
import { amountText, outcomeTargets } from './outcome-targets.js';
import { withAssessmentDates } from './performance.js';
import type { CommissioningRecord } from './record.js';
import type { Act } from './stage-changes.js';

const kpiInputSchema = z.object(
  {
    name: filled(CONTRACT_TEXT_LIMITS.kpiName, 'Enter the KPI’s name.'),
    measuredBy: filled(CONTRACT_TEXT_LIMITS.kpiMeasuredBy, 'Say how the KPI is measured.'),
    target: filled(CONTRACT_TEXT_LIMITS.kpiTarget, 'Enter the KPI’s target.'),
    mostMaterial: z
      .boolean({ error: 'Say whether this is one of the most material KPIs.' })
      .default(false),
    measureId: z.string().optional(),
  },
  { error: 'Give the KPI’s name, how it is measured and its target.' },
);

const kpisInputSchema = z.object({
  kpis: z
    .array(kpiInputSchema, { error: 'Give the KPIs as a list.' })
    .max(CONTRACT_LIST_LIMITS.kpis, `Set at most ${CONTRACT_LIST_LIMITS.kpis} KPIs.`)
    .default([]),
  notAppropriate: boundedText(CONTRACT_TEXT_LIMITS.notAppropriate).optional(),
});
export type KpisInput = z.input<typeof kpisInputSchema>;
export type KpiInput = z.input<typeof kpiInputSchema>;

/** "KPI 2: enter its name" rather than a field path an officer never sees. */
function numbered(problems: Problem[]): Problem[] {
  return problems.map((problem) => {
    const match = /^kpis\.(\d+)\./.exec(problem.path);
    return match
      ? { ...problem, message: `KPI ${Number(match[1]) + 1}: ${problem.message}` }
      : problem;
  });
}

/**
 * Sets the contract's KPIs under the duty `kpiDuty` found for it (PA 2023 s.52). Where KPIs
 * are required: at least the pack's minimum, unless the officer records why performance could
 * not appropriately be assessed by KPIs; and the pack's number of them marked most material
 * (they go into the contract details notice). Where they are optional, any number may be set,
 * with at most that many marked. Setting them again replaces the set; the history keeps both.
 */
export function setKpis(
  record: CommissioningRecord,
  pack: PolicyPack,
  duty: KpiDuty,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const refusal = notAwardedProblem(record);
  if (refusal) return fail([{ path: 'record', message: refusal }]);
  const parsed = kpisInputSchema.safeParse(input);
  if (!parsed.success) return fail(numbered(problemsFromIssues(parsed.error.issues)));
  const { kpis: given, notAppropriate } = parsed.data;
  const reason = notAppropriate === '' ? undefined : notAppropriate;
  const { kpis: rules } = pack.procurementAct;
  const problems: Problem[] = [];
  const chosen = new Set(outcomeTargets(record, pack).map((o) => o.measure.id));
  given.forEach((kpi, index) => {
    if (kpi.measureId !== undefined && !chosen.has(kpi.measureId)) {
      problems.push({
        path: `kpis.${index}.measureId`,
        message: `KPI ${index + 1}: it names an outcome this record did not choose; choose one of its outcomes or none.`,
      });
    }
  });
  const required = duty.duty === 'required';
  if (required && reason === undefined && given.length < duty.minimum) {
    problems.push({
      path: 'kpis',
      message: `Set at least ${duty.minimum} KPIs (${given.length} set): the Procurement Act requires them for a contract worth more than its threshold (${rules.citation}). Or say why the supplier’s performance could not appropriately be assessed by KPIs.`,
    });
  }
  if (required && reason === undefined && given.length === 0 && duty.minimum === 0) {
    problems.push({
      path: 'kpis',
      message: 'Set the KPIs, or say why none could assess performance.',
    });
  }
  const marked = given.filter((kpi) => kpi.mostMaterial).length;
  if (marked > duty.mostMaterial) {
    problems.push({
      path: 'kpis',
      message: `Mark at most ${duty.mostMaterial} KPIs as most material; ${marked} are marked.`,
    });
  } else if (required && given.length >= duty.mostMaterial && marked !== duty.mostMaterial) {
    problems.push({
      path: 'kpis',
      message: `Mark ${duty.mostMaterial} KPIs as the most material: the contract details notice names them; ${marked} ${marked === 1 ? 'is' : 'are'} marked.`,
    });
  }
  if (given.length === 0 && reason === undefined && !required) {
    problems.push({ path: 'kpis', message: 'Set at least one KPI, or leave KPIs unset.' });
  }
  if (problems.length > 0) return fail(problems);

  const kpis: Kpi[] = given.map((kpi, index) => ({
    id: `K${index + 1}`,
    name: kpi.name,
    measuredBy: kpi.measuredBy,
    target: kpi.target,
    mostMaterial: kpi.mostMaterial,
    ...(kpi.measureId === undefined ? {} : { measureId: kpi.measureId }),
  }));
  const set: KpiSet = {
    duty: duty.duty,
    kpis,
    ...(reason === undefined ? {} : { notAppropriate: reason }),
    on: act.today,
    by: act.by,
    at: act.at,
  };
  const names = (list: Kpi[]): string =>
    list.map((k) => `${k.id} ${k.name}${k.mostMaterial ? ' (most material)' : ''}`).join('; ');
  // KPIs the Act required make assessments due: the sweep finds them by the record's dates.
  const changed = withChange(
    record,
    act,
    'kpis-set',
    [
      {
        field: 'KPIs',
        ...(record.kpis ? { from: names(record.kpis.kpis) } : {}),
        to: kpis.length > 0 ? names(kpis) : 'none',
      },
      ...(reason === undefined ? [] : [{ field: 'KPIs not appropriate', to: reason }]),
    ],
    { kpis: set },
  );
  return ok(withAssessmentDates(changed, pack));
}

/**
 * KPIs suggested from the record's social value outcomes: each outcome with its target becomes
 * a KPI the officer can keep, change or drop. None is marked most material: that is a choice.
 */
export function suggestedKpis(record: CommissioningRecord, pack: PolicyPack): KpiInput[] {
  const { fromOutcome } = pack.procurementAct.kpis;
  return outcomeTargets(record, pack).map(({ measure, target }) => ({
    name: measure.text,
    measuredBy: fromOutcome.measuredBy,
    target:
      measure.unit.kind === 'commitment' || target === undefined
        ? fromOutcome.commitmentTarget
        : amountText(target, measure.unit),
    mostMaterial: false,
    measureId: measure.id,
  }));
}
