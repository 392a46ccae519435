import { z } from 'zod';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import { boundedText } from '../flow/limits.js';
import type { PolicyPack } from '../policy/schema.js';
import type { KpiDuty } from '../rules/kpi-duty.js';
import { filled } from './contract-inputs.js';
import { CONTRACT_LIST_LIMITS, CONTRACT_TEXT_LIMITS } from './contract-limits.js';

/**
 * How KPIs an officer gives are read and checked, wherever they are given: the wizard's KPI
 * step and the KPI form after award refuse the same things in the same words.
 */

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

/** KPIs as read and checked, ready to keep: no field of them is missing or wrong. */
export interface ReadKpis {
  kpis: z.output<typeof kpiInputSchema>[];
  notAppropriate?: string;
}

/**
 * The checks behind `setKpis`, on their own, so that the wizard's KPI step refuses exactly
 * what `setKpis` would (PA 2023 s.52): at least the pack's minimum where KPIs are required,
 * unless the officer records why performance could not appropriately be assessed by KPIs;
 * the pack's number of them marked most material (the contract details notice names them).
 * `outcomes` are the ids of the measures the record chose: a KPI may name only one of them.
 */
export function readKpis(
  pack: PolicyPack,
  duty: KpiDuty,
  input: unknown,
  outcomes: ReadonlySet<string>,
): Result<ReadKpis> {
  const parsed = kpisInputSchema.safeParse(input);
  if (!parsed.success) return fail(numbered(problemsFromIssues(parsed.error.issues)));
  const { kpis: given, notAppropriate } = parsed.data;
  const reason = notAppropriate === '' ? undefined : notAppropriate;
  const { kpis: rules } = pack.procurementAct;
  const problems: Problem[] = [];
  given.forEach((kpi, index) => {
    if (kpi.measureId !== undefined && !outcomes.has(kpi.measureId)) {
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
      path: 'mostMaterial',
      message: `Mark at most ${duty.mostMaterial} KPIs as most material; ${marked} are marked.`,
    });
  } else if (required && given.length >= duty.mostMaterial && marked !== duty.mostMaterial) {
    problems.push({
      path: 'mostMaterial',
      message: `Mark ${duty.mostMaterial} KPIs as the most material: the contract details notice names them; ${marked} ${marked === 1 ? 'is' : 'are'} marked.`,
    });
  }
  if (given.length === 0 && reason === undefined && !required) {
    problems.push({ path: 'kpis', message: 'Set at least one KPI, or leave KPIs unset.' });
  }
  if (problems.length > 0) return fail(problems);
  return ok({ kpis: given, ...(reason === undefined ? {} : { notAppropriate: reason }) });
}
