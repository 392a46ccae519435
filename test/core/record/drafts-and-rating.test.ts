import assert from 'node:assert/strict';
import { builtInPack, type PolicyPack, policyPackSchema } from '../../../core/policy/index.js';
import {
  commissioningRecordSchema,
  discardRecord,
  discardRefusal,
  markStageDone,
  rateSupplier,
  ratingRefusal,
  ratingStages,
  setContractTerms,
  shareRecord,
} from '../../../core/record/index.js';
import {
  COLLEAGUE,
  LEAD,
  minutesLater,
  newRecord,
  OWNER,
  pack,
  viewer,
  walkRecord,
} from './fixtures.js';
import {
  act,
  awarded,
  pathsOf,
  problemsOf,
  ratable,
  refusedLeavingAsItWas,
} from './stage-fixtures.js';

const allGold = Object.fromEntries(pack.supplierStatus.rows.map((row) => [row.id, 'gold']));
const rating = { stage: 11, supplier: 'Acme Care Ltd', rows: allGold, evidence: 'Board minutes' };

describe('the stages at which a supplier is rated come from the pack', () => {
  it('are the review stages the pack marks: 11 and 12 in the Cumbria pack', () => {
    assert.deepEqual(ratingStages(pack), [11, 12]);
  });

  it('follow the pack: a pack that rates at stage 13 alone offers 13 and refuses 11', () => {
    const other: PolicyPack = {
      ...builtInPack,
      stages: builtInPack.stages.map((stage) => ({
        ...stage,
        ratesSupplier: stage.number === 13,
      })),
    };
    assert.deepEqual(ratingStages(other), [13]);
    assert.ok(rateSupplier(ratable(), other, { ...rating, stage: 13 }, act('2026-07-05')).ok);
    const refused = rateSupplier(ratable(), other, rating, act('2026-07-05'));
    assert.deepEqual(pathsOf(problemsOf(refused)), ['stage']);
  });

  it('a pack that rates at a stage that is not a review stage is refused on load', () => {
    const bad = {
      ...builtInPack,
      stages: builtInPack.stages.map((stage) =>
        stage.number === 4 ? { ...stage, ratesSupplier: true } : stage,
      ),
    };
    const parsed = policyPackSchema.safeParse(bad);
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.path.join('.')),
      ['stages.3.ratesSupplier'],
    );
  });
});

describe('a supplier is rated only on a finished, awarded record', () => {
  it('refuses a rating on an unfinished draft, awarded or not, changing nothing', () => {
    for (const record of [newRecord(), awarded()]) {
      const refused = refusedLeavingAsItWas(record, (r) =>
        rateSupplier(r, pack, rating, act('2026-07-05')),
      );
      assert.deepEqual(problemsOf(refused), [{ path: 'record', message: 'unfinished' }]);
      assert.equal(ratingRefusal(record, pack), 'unfinished');
    }
  });

  it('refuses a rating on a complete record that has not been awarded', () => {
    const complete = walkRecord(newRecord());
    assert.equal(complete.status, 'complete');
    const refused = refusedLeavingAsItWas(complete, (r) =>
      rateSupplier(r, pack, rating, act('2026-07-05')),
    );
    assert.deepEqual(problemsOf(refused), [{ path: 'record', message: 'not-awarded' }]);
  });

  it('takes a rating on a complete, awarded record', () => {
    assert.equal(ratingRefusal(ratable(), pack), undefined);
    assert.ok(rateSupplier(ratable(), pack, rating, act('2026-07-05')).ok);
  });
});

describe('zero or negative months are refused, never saved as 1', () => {
  for (const months of [0, -3, 2.5]) {
    it(`refuses ${months} months`, () => {
      const refused = refusedLeavingAsItWas(newRecord(), (r) =>
        setContractTerms(r, pack, { awardDate: '2026-04-01', months }, act('2026-04-01')),
      );
      assert.deepEqual(pathsOf(problemsOf(refused)), ['months']);
    });
  }
});

describe('every problem of "Mark done" is told at once', () => {
  it('a note too long and a date in the future are both told', () => {
    const refused = markStageDone(
      awarded(),
      pack,
      { stage: 11, on: '2026-07-09', note: 'x'.repeat(5_000) },
      act('2026-07-01'),
    );
    assert.deepEqual(pathsOf(problemsOf(refused)), ['note', 'on']);
  });
});

describe('discarding a draft', () => {
  const at = minutesLater(30);

  it('the owner discards an unfinished draft: kept, with who and when, and owing nothing', () => {
    const record = awarded();
    assert.ok(record.nextReminderOn && record.nextDueOn);
    const result = discardRecord(record, viewer(OWNER), OWNER, at);
    assert.ok(result.ok);
    const discarded = result.value;
    assert.equal(discarded.status, 'discarded');
    assert.deepEqual(discarded.discarded, { by: OWNER, at });
    assert.equal(discarded.nextReminderOn, undefined);
    assert.equal(discarded.nextDueOn, undefined);
    assert.equal(discarded.nextDueStages, undefined);
    assert.equal(discarded.revision, record.revision + 1);
    assert.deepEqual(discarded.history.at(-1), {
      at,
      by: OWNER,
      action: 'discarded',
      changes: [{ field: 'status', from: 'draft', to: 'discarded' }],
    });
    // The answers and the rest of the history stay, for the auditors.
    assert.deepEqual(discarded.draft, record.draft);
    assert.deepEqual(discarded.history.slice(0, -1), record.history);
    assert.ok(commissioningRecordSchema.safeParse(JSON.parse(JSON.stringify(discarded))).success);
  });

  it('refuses a complete record, a collaborator, a lead and a second discard', () => {
    const shared = shareRecord(newRecord(), COLLEAGUE, OWNER, minutesLater(1));
    assert.equal(discardRefusal(shared, viewer(COLLEAGUE)), 'not-owner');
    assert.equal(discardRefusal(shared, viewer(LEAD, { lead: true })), 'not-owner');
    assert.equal(discardRefusal(walkRecord(newRecord()), viewer(OWNER)), 'complete');
    const once = discardRecord(shared, viewer(OWNER), OWNER, at);
    assert.ok(once.ok);
    assert.equal(discardRefusal(once.value, viewer(OWNER)), 'discarded');
    for (const [record, who] of [
      [shared, viewer(COLLEAGUE)],
      [walkRecord(newRecord()), viewer(OWNER)],
      [once.value, viewer(OWNER)],
    ] as const) {
      refusedLeavingAsItWas(record, (r) => discardRecord(r, who, OWNER, at));
    }
  });

  it('a discarded record cannot be rated', () => {
    assert.equal(ratingRefusal({ ...ratable(), status: 'discarded' }, pack), 'discarded');
  });
});

describe('the stages due next, kept for the list', () => {
  it('are the stages not done due on the earliest date, following every change', () => {
    const record = awarded();
    assert.equal(record.nextDueOn, '2026-07-01');
    assert.deepEqual(record.nextDueStages, [11, 12]);
    const eleven = markStageDone(
      record,
      pack,
      { stage: 11, on: '2026-06-20', note: '' },
      act('2026-06-20'),
    );
    assert.ok(eleven.ok);
    assert.deepEqual(eleven.value.nextDueStages, [12]);
    assert.equal(newRecord().nextDueStages, undefined, 'none before any stage is due');
  });
});
