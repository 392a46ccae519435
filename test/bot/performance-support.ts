/**
 * Records with Procurement Act KPIs for the performance tests, seeded straight into the store:
 * the wizard's KPI step is another card's work, so the KPIs are set through core `setKpis`
 * on a finished £6m services contract awarded on 1 April 2026 for 36 months.
 */
import assert from 'node:assert/strict';
import type { RecordStore } from '../../bot/store/records.js';
import { type CommissioningRecord, setKpis, suggestedKpis } from '../../core/record/index.js';
import { kpiDuty, kpiDutyInputFrom } from '../../core/rules/index.js';
import { actOn, awardedRecord, okValue, SUPPLIER } from '../core/record/contract-fixtures.js';
import { pack } from '../core/record/fixtures.js';
import type { Person } from '../support/activities.js';

export { SUPPLIER };

/** The award of the seeded contract. */
export const KPI_AWARD = '2026-04-01';

/**
 * A £6m services contract of the owner's, awarded on KPI_AWARD, with its three social value
 * outcomes set as its KPIs (all most material), written through the real store.
 */
export async function seedKpiRecord(
  records: RecordStore,
  owner: Person,
): Promise<CommissioningRecord> {
  const person = { id: owner.userId, name: owner.name };
  const { record, etag } = await records.create(owner.tenantId, 2026, (reference) => ({
    ...awardedRecord({ reference, value: '£6,000,000' }),
    tenantId: owner.tenantId,
    owner: person,
    collaborators: [],
    collaboratorIds: [],
  }));
  assert.ok(record.assessment, 'the seeded record has no assessment');
  const duty = okValue(kpiDuty(pack, kpiDutyInputFrom(record.assessment.input)));
  assert.equal(duty.duty, 'required');
  const kpis = suggestedKpis(record, pack).map((k) => ({ ...k, mostMaterial: true }));
  const withKpis = okValue(setKpis(record, pack, duty, { kpis }, actOn(KPI_AWARD, person)));
  await records.replace(withKpis, etag);
  return withKpis;
}
