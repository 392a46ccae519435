import assert from 'node:assert/strict';
import {
  type Act,
  type CommissioningRecord,
  type Person,
  setContractTerms,
  setKpis,
} from '../../../core/record/index.js';
import { kpiDuty, kpiDutyInputFrom } from '../../../core/rules/index.js';
import { newRecord, OWNER, pack, typical, walkRecord } from './fixtures.js';

export const AWARD = '2026-04-01';
export const SUPPLIER = 'Northern Custody Care Ltd';

/** An act by the owner on a day, at ten in the morning. */
export const actOn = (today: string, by: Person = OWNER): Act => ({
  by,
  at: `${today}T10:00:00.000Z`,
  today,
});

/**
 * A finished record whose contract was awarded on AWARD: `targets` gives each outcome chosen
 * with its target (undefined for a commitment). By default, local jobs (3 people over the
 * contract), a local supply chain spend of 40% and the Living Wage.
 */
export function awardedRecord(
  options: {
    value?: string;
    months?: number;
    targets?: Record<string, number | undefined>;
    reference?: string;
  } = {},
): CommissioningRecord {
  const targets = options.targets ?? {
    'local-jobs': 3,
    'local-supply-chain-spend': 40,
    'living-wage': undefined,
  };
  const byTheme = new Map<number, string[]>();
  for (const id of Object.keys(targets)) {
    const measure = pack.framework.measures.find((m) => m.id === id);
    assert.ok(measure, id);
    byTheme.set(measure.theme, [...(byTheme.get(measure.theme) ?? []), id]);
  }
  const outcomes: Record<string, string> = {
    weighting: typical.outcomes.weighting ?? '10',
    weightingJustification: typical.outcomes.weightingJustification ?? 'Large enough',
  };
  for (const [theme, ids] of byTheme) outcomes[`measures.${theme}`] = ids.join(',');
  const targetCard: Record<string, string> = {};
  for (const [id, target] of Object.entries(targets)) {
    if (target !== undefined) targetCard[`outcomeTargets.${id}.target`] = String(target);
    targetCard[`outcomeTargets.${id}.tests`] = 'true';
  }
  const record = walkRecord(newRecord(options.reference), {
    ...typical,
    basics: { ...typical.basics, value: options.value ?? '£6,000,000', framework: 'false' },
    outcomes,
    targets: targetCard,
    // The wizard's KPI step (asked above £5m); the bot sets them on the record as it completes.
    kpis: kpiCard(THREE_KPIS),
  });
  assert.equal(record.status, 'complete');
  const awarded = setContractTerms(
    record,
    pack,
    { awardDate: AWARD, months: options.months ?? 36, supplier: SUPPLIER },
    actOn(AWARD),
  );
  assert.ok(awarded.ok, JSON.stringify(!awarded.ok && awarded.problems));
  return awarded.value;
}

export const THREE_KPIS = [
  {
    name: 'Detainees seen within the agreed time',
    measuredBy: 'Share of detainees seen within 60 minutes, from the custody log',
    target: '95%',
    mostMaterial: true,
  },
  {
    name: 'Clinical incidents reviewed',
    measuredBy: 'Incidents reviewed within 5 working days, from the incident register',
    target: '100%',
    mostMaterial: true,
  },
  {
    name: 'Local people employed',
    measuredBy: 'People from the county employed on the contract, from payroll returns',
    target: '3 people',
    mostMaterial: true,
    measureId: 'local-jobs',
  },
];

/** KPIs as the KPI card's slots send them. */
export function kpiCard(kpis: readonly (typeof THREE_KPIS)[number][]): Record<string, string> {
  return Object.fromEntries(
    kpis.flatMap((kpi, index) => [
      [`kpi${index + 1}Name`, kpi.name],
      [`kpi${index + 1}MeasuredBy`, kpi.measuredBy],
      [`kpi${index + 1}Target`, kpi.target],
      [`kpi${index + 1}MostMaterial`, String(kpi.mostMaterial)],
    ]),
  );
}

/** The awarded record with three KPIs set under the duty its answers give. */
export function withKpis(record: CommissioningRecord, today = AWARD): CommissioningRecord {
  const assessment = record.assessment;
  assert.ok(assessment);
  const duty = kpiDuty(pack, kpiDutyInputFrom(assessment.input));
  assert.ok(duty.ok);
  const set = setKpis(record, pack, duty.value, { kpis: THREE_KPIS }, actOn(today));
  assert.ok(set.ok, JSON.stringify(!set.ok && set.problems));
  return set.value;
}

/** The value of a Result that must have succeeded, or the test fails with its problems. */
export function okValue<T>(result: { ok: true; value: T } | { ok: false; problems: unknown }): T {
  if (!result.ok) assert.fail(`refused: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The problems of a Result that must have been refused. */
export function problemsOf(
  result: { ok: true } | { ok: false; problems: { path: string; message: string }[] },
): { path: string; message: string }[] {
  if (result.ok) assert.fail('accepted, but should have been refused');
  return result.problems;
}
