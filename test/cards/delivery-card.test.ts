import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DELIVERY_INPUTS, deliveryCard } from '../../cards/delivery-card.js';
import { reminderCard } from '../../cards/reminder-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { addDays, addMonths } from '../../core/common/dates.js';
import { loadPack, type PolicyPack } from '../../core/policy/index.js';
import {
  CONTRACT_LIST_LIMITS,
  CONTRACT_TEXT_LIMITS,
  type CommissioningRecord,
  outcomeTargets,
  progress,
  recordDelivery,
} from '../../core/record/index.js';
import { actOn, okValue } from '../core/record/contract-fixtures.js';
import { pack } from '../core/record/fixtures.js';
import { longText, maximalRecord } from '../core/record/max-record.js';
import { actionsOf, inputsOf, MAX_CARD_BYTES } from './check-card.js';

/** Well inside the 100 KB Teams takes in one message, as for every other card. */
const CARD_BUDGET = 40 * 1024;

const bytes = (card: AdaptiveCard): number =>
  Buffer.byteLength(
    JSON.stringify({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }),
  );

/** The largest record with as many delivery entries as a record keeps, every text at its limit. */
function fullRecord(): { record: CommissioningRecord; today: string } {
  let { record } = maximalRecord();
  const award = record.contract?.awardDate ?? '2026-04-01';
  let today = award;
  for (let quarter = 0; (record.delivery?.length ?? 0) < CONTRACT_LIST_LIMITS.deliveryEntries; ) {
    const from = addMonths(award, quarter * 3);
    const to = addDays(addMonths(award, (quarter + 1) * 3), -1);
    today = addDays(to, 5);
    for (const { measure } of outcomeTargets(record, pack)) {
      if ((record.delivery?.length ?? 0) >= CONTRACT_LIST_LIMITS.deliveryEntries) break;
      const value = measure.unit.kind === 'commitment' ? { status: 'partly-met' } : { amount: 1 };
      const input = {
        measureId: measure.id,
        from,
        to,
        note: longText(CONTRACT_TEXT_LIMITS.evidenceNote, `Q${quarter}`).replace(/\n/g, ' '),
        link: `https://example.org/${'e'.repeat(CONTRACT_TEXT_LIMITS.evidenceLink - 20)}`,
        ...value,
      };
      record = okValue(recordDelivery(record, pack, input, actOn(today)));
    }
    quarter += 1;
  }
  return { record, today };
}

describe('the delivery card for the largest record', function () {
  this.timeout(30_000);
  const { record, today } = fullRecord();
  const found = okValue(progress(record, pack, today));

  /**
   * Every outcome of the pack chosen and every entry a record keeps: the card as shown stays
   * in the 40 KB budget of every other card. Refused with every text past its limit (which only
   * a forged client can send: the card stops typing there) it echoes all of them, and stays
   * under the size a card is kept under.
   */
  it('stays under 40 KB with every entry a record keeps, and under 80 KB refused with every text too long', () => {
    const plain = deliveryCard(pack, record, found);
    const over: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const { measure } of outcomeTargets(record, pack)) {
      over[DELIVERY_INPUTS.note(measure.id)] = longText(CONTRACT_TEXT_LIMITS.evidenceNote + 1);
      over[DELIVERY_INPUTS.link(measure.id)] = longText(CONTRACT_TEXT_LIMITS.evidenceLink + 1);
      errors[DELIVERY_INPUTS.note(measure.id)] = 'Shorten this to 300 characters or fewer.';
    }
    const refused = deliveryCard(pack, record, found, { values: over, errors });
    console.log(
      `      delivery card: ${bytes(plain)} bytes, refused ${bytes(refused)} bytes, ${record.delivery?.length} entries, ${found.outcomes.length} outcomes`,
    );
    assert.equal(record.delivery?.length, CONTRACT_LIST_LIMITS.deliveryEntries);
    assert.ok(bytes(plain) < CARD_BUDGET, `the card is ${bytes(plain)} bytes`);
    assert.ok(bytes(refused) < MAX_CARD_BYTES, `the refused card is ${bytes(refused)} bytes`);
    // Every input has a label an officer reads.
    for (const input of inputsOf(refused)) {
      assert.ok(typeof input.label === 'string' && input.label.length > 0, String(input.id));
    }
  });
});

describe('the review that records delivery comes from the pack', () => {
  const northmoor = loadPack(
    JSON.parse(readFileSync(new URL('../fixtures/packs/northmoor.json', import.meta.url), 'utf8')),
  );
  assert.ok(northmoor.ok);
  const { record } = maximalRecord();

  const offered = (policy: PolicyPack, stage: number): boolean =>
    actionsOf(reminderCard(policy, record, { stage, due: '2027-01-01' }, '2027-01-02')).some(
      (button) => button.title === 'Record delivery',
    );

  it('offers "Record delivery" on the reminder of the stage each pack marks, and no other', () => {
    for (const policy of [pack, northmoor.value]) {
      const marked = policy.stages.filter((s) => s.recordsDelivery).map((s) => s.number);
      assert.equal(marked.length, 1, policy.id);
      for (const stage of policy.stages.filter((s) => s.review)) {
        assert.equal(
          offered(policy, stage.number),
          marked.includes(stage.number),
          `${policy.id} ${stage.number}`,
        );
      }
    }
    assert.deepEqual(
      northmoor.value.stages.filter((s) => s.recordsDelivery).map((s) => s.number),
      [8],
    );
  });

  it('refuses the mark on a stage that is not a review stage', () => {
    const stages = northmoor.value.stages.map((s) =>
      s.number === 1 ? { ...s, recordsDelivery: true } : s,
    );
    const refused = loadPack({ ...northmoor.value, stages });
    assert.ok(!refused.ok);
    assert.ok(
      refused.problems.some((p) => p.path.includes('recordsDelivery')),
      JSON.stringify(refused.problems),
    );
  });
});
