import { kpiDutyOf, kpisFromAnswers, withoutKpiAnswers } from '../flow/steps/kpis.js';
import type { PolicyPack } from '../policy/schema.js';
import type { KpiDuty } from '../rules/kpi-duty.js';
import { setKpis } from './kpis.js';
import type { CommissioningRecord } from './record.js';
import type { Act } from './stage-changes.js';

/**
 * The KPI duty of a record, on its own answers (value, start, exemptions) and its pack.
 * Undefined while the basics give no value or start date.
 */
export const recordKpiDuty = (record: CommissioningRecord, pack: PolicyPack): KpiDuty | undefined =>
  kpiDutyOf(pack, record.draft.answers);

/**
 * As the wizard completes, the KPIs its step asked for move from the draft's answers to the
 * record's `kpis`, through `setKpis`: from then on `record.kpis` is their one copy (the KPI form
 * after award changes it there). A record whose step asked nothing is returned as it was.
 */
export function kpisOnCompletion(
  record: CommissioningRecord,
  pack: PolicyPack,
  act: Act,
): CommissioningRecord {
  const { answers } = record.draft;
  const { kpis, notAppropriate } = kpisFromAnswers(pack, answers);
  const duty = kpiDutyOf(pack, answers);
  if (record.status !== 'complete' || !duty || (kpis.length === 0 && !notAppropriate)) {
    return record;
  }
  const set = setKpis(
    record,
    pack,
    duty,
    { kpis: kpis.map((k) => k.kpi), ...(notAppropriate ? { notAppropriate } : {}) },
    act,
  );
  // The step refused what setKpis would, so this holds; if not, the answers stay where they are.
  if (!set.ok) return record;
  return {
    ...set.value,
    draft: { ...set.value.draft, answers: withoutKpiAnswers(pack, answers) },
  };
}
