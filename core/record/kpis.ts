import { fail, ok, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import type { KpiDuty } from '../rules/kpi-duty.js';
import { notAwardedProblem, withChange } from './contract-inputs.js';
import { type KpiInput, readKpis } from './kpi-read.js';
import type { Kpi, KpiSet } from './kpi-set.js';
import { amountText, outcomeTargets } from './outcome-targets.js';
import { withAssessmentDates } from './performance.js';
import type { CommissioningRecord } from './record.js';
import type { Act } from './stage-changes.js';

/**
 * Sets the contract's KPIs under the duty `kpiDuty` found for it (PA 2023 s.52), checked by
 * `readKpis`. KPIs are set once pre-commissioning is finished (the wizard sets those it asked
 * for as it completes), before or after the award: s.52 asks for them before the contract is
 * entered into. Setting them again replaces the set; the history keeps both.
 */
export function setKpis(
  record: CommissioningRecord,
  pack: PolicyPack,
  duty: KpiDuty,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  // Before the award is fine; a draft or a discarded record is refused in the usual words.
  const refusal = record.status === 'complete' ? undefined : notAwardedProblem(record);
  if (refusal) return fail([{ path: 'record', message: refusal }]);
  const chosen = new Set(outcomeTargets(record, pack).map((o) => o.measure.id));
  const read = readKpis(pack, duty, input, chosen);
  if (!read.ok) return read;
  const { kpis: given, notAppropriate: reason } = read.value;

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
    // The pack's words may name the measure's unit where it says {unit}.
    measuredBy: fromOutcome.measuredBy.replaceAll('{unit}', measure.unit.label),
    target:
      measure.unit.kind === 'commitment' || target === undefined
        ? fromOutcome.commitmentTarget
        : amountText(target, measure.unit),
    mostMaterial: false,
    measureId: measure.id,
  }));
}
