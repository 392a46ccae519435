import assert from 'node:assert/strict';
import {
  type CommissioningRecord,
  createRecord,
  policyDifferences,
  reassessRecord,
} from '../../../core/record/index.js';
import { assess } from '../../../core/rules/index.js';
import {
  ADDED_ITEM,
  RENAMED_MEASURE,
  VERSION_2026,
  VERSION_2027,
} from '../../support/pack-versions.js';
import { answerOf } from '../rules/helpers.js';

const OFFICER = { id: 'officer-1', name: 'Sam Officer' };
const INPUT = {
  category: 'services',
  value: 120_000,
  keyProvider: false,
  competitive: true,
  procurementStart: '2026-06-01',
};

function recordUnder2026(): CommissioningRecord {
  const record = createRecord({
    reference: 'SV-2026-0001',
    tenantId: 'tenant-a',
    owner: OFFICER,
    pack: VERSION_2026,
    draft: { answers: { measures: [RENAMED_MEASURE] }, step: 'review', visited: ['basics'] },
    now: '2026-06-01T09:00:00.000Z',
  });
  return { ...record, assessment: answerOf(assess(VERSION_2026, INPUT, '2026-06-01')) };
}

describe('reassessment under a newer version of the policy', () => {
  it('lists only what changes for this record: thresholds, the verdict, items and its measures', () => {
    const record = recordUnder2026();
    const now = answerOf(assess(VERSION_2027, INPUT, '2027-04-02'));
    const differences = policyDifferences({
      before: VERSION_2026,
      after: VERSION_2027,
      answers: record.draft.answers,
      was: record.assessment,
      now,
    });
    const kinds = differences.map((d) => d.kind).sort();
    assert.deepEqual(kinds, [
      'in-scope',
      'item-added',
      'measure-changed',
      'scope-threshold',
      'weighting',
    ]);
    assert.deepEqual(
      differences.find((d) => d.kind === 'scope-threshold'),
      { kind: 'scope-threshold', from: 100_000, to: 150_000 },
    );
    // £120,000 was above the old £100,000 and is not above the new £150,000.
    assert.deepEqual(
      differences.find((d) => d.kind === 'in-scope'),
      { kind: 'in-scope', from: true, to: false },
    );
    const added = differences.find((d) => d.kind === 'item-added');
    assert.equal(added?.kind === 'item-added' && added.id, ADDED_ITEM);
  });

  it('finds nothing to change between a version and itself', () => {
    const record = recordUnder2026();
    const differences = policyDifferences({
      before: VERSION_2026,
      after: VERSION_2026,
      answers: record.draft.answers,
      was: record.assessment,
      now: answerOf(assess(VERSION_2026, INPUT, '2027-04-02')),
    });
    assert.deepEqual(differences, []);
  });

  it('names a chosen measure the new version no longer lists', () => {
    const record = recordUnder2026();
    const without = {
      ...VERSION_2027,
      framework: {
        ...VERSION_2027.framework,
        measures: VERSION_2027.framework.measures.filter((m) => m.id !== RENAMED_MEASURE),
      },
    };
    const differences = policyDifferences({
      before: VERSION_2026,
      after: without,
      answers: record.draft.answers,
    });
    assert.deepEqual(
      differences.map((d) => d.kind),
      ['measure-removed'],
    );
  });

  it('moves the record to the new version and keeps the move, with what changed, in its history', () => {
    const record = recordUnder2026();
    const now = answerOf(assess(VERSION_2027, INPUT, '2027-04-02'));
    const differences = policyDifferences({
      before: VERSION_2026,
      after: VERSION_2027,
      answers: record.draft.answers,
      was: record.assessment,
      now,
    });
    const moved = reassessRecord(record, {
      pack: VERSION_2027,
      assessment: now,
      differences,
      by: OFFICER,
      at: '2027-04-02T10:00:00.000Z',
    });
    assert.deepEqual(moved.policy, { id: VERSION_2027.id, version: '2027.1' });
    assert.equal(moved.assessment?.inScope, false);
    assert.equal(moved.revision, record.revision + 1);
    const last = moved.history.at(-1);
    assert.equal(last?.action, 'reassessed');
    assert.deepEqual(last?.changes[0], { field: 'policy.version', from: '2026.1', to: '2027.1' });
    assert.ok(last?.changes.some((c) => c.field === 'scope-threshold' && c.to === 150_000));
    // What was recorded before stays as it was.
    assert.equal(moved.history.length, record.history.length + 1);
    assert.deepEqual(moved.draft, record.draft);
  });
});
