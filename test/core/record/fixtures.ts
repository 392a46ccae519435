import assert from 'node:assert/strict';
import {
  applyAnswers,
  assessmentOnStep,
  newDraft,
  type RawValues,
  type StepId,
} from '../../../core/flow/index.js';
import {
  type CommissioningRecord,
  createRecord,
  type Person,
  recordTurn,
  type Viewer,
} from '../../../core/record/index.js';
import { flow, pack, typical } from '../flow/helpers.js';

export { flow, pack, typical };

export const TENANT = 'tenant-cumbria';
export const OTHER_TENANT = 'tenant-elsewhere';

export const OWNER: Person = { id: 'user-olive', name: 'Olive Owner' };
export const COLLEAGUE: Person = { id: 'user-colin', name: 'Colin Colleague' };
export const LEAD: Person = { id: 'user-lena', name: 'Lena Lead' };
export const STRANGER: Person = { id: 'user-sam', name: 'Sam Stranger' };

export const viewer = (
  person: Person,
  options: { tenantId?: string; lead?: boolean } = {},
): Viewer => ({
  tenantId: options.tenantId ?? TENANT,
  userId: person.id,
  isProcurementLead: options.lead ?? false,
});

export const CREATED_AT = '2026-03-01T09:00:00.000Z';

/** A new record as the wizard starts one: the first step, no answers. */
export function newRecord(
  reference = 'SV-2026-0001',
  options: { tenantId?: string; owner?: Person; now?: string } = {},
): CommissioningRecord {
  return createRecord({
    reference,
    tenantId: options.tenantId ?? TENANT,
    owner: options.owner ?? OWNER,
    pack,
    draft: newDraft(flow),
    now: options.now ?? CREATED_AT,
  });
}

/** Minutes after the record was created, as an ISO date-time. */
export const minutesLater = (minutes: number, from = CREATED_AT): string =>
  new Date(Date.parse(from) + minutes * 60_000).toISOString();

/**
 * The record after its officer submits the card of the step it stands on, as the wizard
 * saves it: the step the questionnaire marks gives the assessment (judged on `assessedOn`).
 */
export function submitStep(
  record: CommissioningRecord,
  raw: RawValues,
  options: { by?: Person; at?: string; assessedOn?: string } = {},
): CommissioningRecord {
  const step = record.draft.step;
  assert.notEqual(step, 'done', 'the record is already complete');
  if (step === 'done') throw new Error('unreachable');
  const result = applyAnswers(flow, record.draft, step, raw);
  assert.ok(result.ok, `${step} refused: ${JSON.stringify(!result.ok && result.errors)}`);
  const assessment = assessmentOnStep(
    flow,
    step,
    result.draft.answers,
    options.assessedOn ?? '2026-03-01',
  );
  if (assessment && !assessment.ok) assert.fail(JSON.stringify(assessment.problems));
  return recordTurn(record, {
    by: options.by ?? record.owner,
    at: options.at ?? minutesLater(record.revision + 1, record.createdAt),
    action: 'answered',
    step,
    draft: result.draft,
    ...(assessment?.ok ? { assessment: assessment.value, pack } : {}),
  });
}

/** Submits the given cards until the record reaches `until` (or is complete). */
export function walkRecord(
  record: CommissioningRecord,
  cards: Partial<Record<StepId, RawValues>> = typical,
  until?: StepId,
): CommissioningRecord {
  let current = record;
  while (current.draft.step !== 'done' && current.draft.step !== until) {
    const card = cards[current.draft.step];
    assert.ok(card, `no card for ${current.draft.step}`);
    current = submitStep(current, card);
    assert.ok(current.revision < 20, 'the walk does not end');
  }
  return current;
}
