import assert from 'node:assert/strict';
import { HISTORY_EXCERPT, RECORD_TEXT_LIMITS, TEXT_LIMITS } from '../../../core/flow/index.js';
import {
  type Act,
  type CommissioningRecord,
  commissioningRecordSchema,
  markStageDone,
  rateSupplier,
  setContractTerms,
} from '../../../core/record/index.js';
import { flow, newRecord, pack, submitStep, typical, walkRecord } from './fixtures.js';
import { longText, MAX_HISTORY, maximalRecord } from './max-record.js';

const act: Act = {
  by: { id: 'user-olive', name: 'Olive Owner' },
  at: '2026-06-02T09:00:00.000Z',
  today: '2026-06-02',
};

const message = (max: number): string =>
  `Shorten this to ${max.toLocaleString('en-GB')} characters or fewer; it is ${(max + 1).toLocaleString('en-GB')}.`;

const rows = Object.fromEntries(pack.supplierStatus.rows.map((row) => [row.id, 'silver']));

/** A change that must be refused at `path` with the plain-words message, changing nothing. */
function assertRefused(
  record: CommissioningRecord,
  change: (record: CommissioningRecord) => ReturnType<typeof markStageDone>,
  path: string,
  max: number,
): void {
  const copy = structuredClone(record);
  const result = change(record);
  assert.equal(result.ok, false, `${path}: one character too many was accepted`);
  if (result.ok) return;
  assert.deepEqual(result.problems, [{ path, message: message(max) }]);
  assert.deepEqual(record, copy, 'the record was changed');
}

describe('text length limits on the record', () => {
  const record = walkRecord(newRecord());

  it('refuses a stage note one character past its limit and takes exactly the limit', () => {
    const max = RECORD_TEXT_LIMITS.stageNote;
    const done = (note: string) => (r: CommissioningRecord) =>
      markStageDone(r, pack, { stage: 3, on: '2026-06-01', note }, act);
    assertRefused(record, done(longText(max + 1)), 'note', max);
    const accepted = done(longText(max))(record);
    assert.ok(accepted.ok);
    assert.equal(
      accepted.value.stages?.find((s) => s.number === 3)?.completions[0]?.note,
      longText(max),
    );
  });

  it('refuses a supplier name one character past its limit, at the award and at a rating', () => {
    const max = RECORD_TEXT_LIMITS.supplier;
    const award = (supplier: string) => (r: CommissioningRecord) =>
      setContractTerms(r, pack, { awardDate: '2026-04-15', months: 24, supplier }, act);
    assertRefused(record, award('S'.repeat(max + 1)), 'supplier', max);
    const awarded = award('S'.repeat(max))(record);
    assert.ok(awarded.ok);
    assert.equal(awarded.value.contract?.supplier, 'S'.repeat(max));

    const rate = (supplier: string) => (r: CommissioningRecord) =>
      rateSupplier(r, pack, { stage: 11, supplier, rows, evidence: 'Monthly reports' }, act);
    // A supplier is rated once the record is finished and awarded.
    const ratable = awarded.value;
    assertRefused(ratable, rate('S'.repeat(max + 1)), 'supplier', max);
    const rated = rate('S'.repeat(max))(ratable);
    assert.ok(rated.ok);
    assert.equal(rated.value.ratings?.[0]?.supplier, 'S'.repeat(max));
  });

  it('refuses rating evidence one character past its limit and takes exactly the limit', () => {
    const max = RECORD_TEXT_LIMITS.ratingEvidence;
    const rate = (evidence: string) => (r: CommissioningRecord) =>
      rateSupplier(r, pack, { stage: 12, supplier: 'Acme Care Ltd', rows, evidence }, act);
    const awarded = setContractTerms(record, pack, { awardDate: '2026-04-15', months: 24 }, act);
    assert.ok(awarded.ok);
    assertRefused(awarded.value, rate(longText(max + 1)), 'evidence', max);
    const rated = rate(longText(max))(awarded.value);
    assert.ok(rated.ok);
    assert.equal(rated.value.ratings?.[0]?.evidence, longText(max));
  });

  it('keeps the start of a long answer in the history, and the whole of it in the answers', () => {
    const start = walkRecord(newRecord(), typical, 'why');
    const aims = longText(TEXT_LIMITS.long);
    const after = submitStep(start, { ...typical.why, aims });
    assert.equal(after.draft.answers.aims, aims);
    const change = after.history.at(-1)?.changes.find((c) => c.field === 'aims');
    assert.equal(
      change?.to,
      `${aims.slice(0, HISTORY_EXCERPT)}… (shortened: 2,000 characters in all)`,
    );
    // A short answer is kept whole.
    assert.equal(
      after.history.at(-1)?.changes.find((c) => c.field === 'baselineOutcomes')?.to,
      typical.why.baselineOutcomes,
    );
  });
});

describe('the size of the largest record', function () {
  this.timeout(20_000);

  it('stays under 1 MB as stored JSON, half the 2 MB of a Cosmos DB item, with every answer at its limit and a long history', () => {
    const { record, counts } = maximalRecord();
    assert.ok(commissioningRecordSchema.safeParse(record).success, 'not a valid record');
    const bytes = Buffer.byteLength(JSON.stringify(record));
    console.log(
      `      largest record: ${bytes} bytes; ${record.history.length} history entries (${counts.wizardTurns} wizard turns, ${counts.stagesDone} stages done, ${counts.ratings} ratings, ${counts.remindersSent} reminders, ${counts.snoozes} snoozes, ${MAX_HISTORY.collaborators} collaborators)`,
    );
    // Maximal indeed: every text answer stored at its limit, every note and evidence too.
    for (const step of flow.steps) {
      for (const question of step.questions) {
        if (question.kind !== 'text' && question.kind !== 'longText') continue;
        assert.equal(
          String(record.draft.answers[question.id]).length,
          question.maxLength,
          `${question.id} is not at its limit`,
        );
      }
    }
    assert.ok(
      record.ratings?.every(
        (rating) =>
          rating.evidence.length === RECORD_TEXT_LIMITS.ratingEvidence &&
          rating.supplier.length === RECORD_TEXT_LIMITS.supplier,
      ),
    );
    assert.ok(
      record.stages?.every((stage) =>
        stage.completions.every((c) => c.note.length === RECORD_TEXT_LIMITS.stageNote),
      ),
    );
    assert.equal(counts.ratings, (MAX_HISTORY.contractMonths / 3) * 2);
    assert.equal(record.collaborators.length, MAX_HISTORY.collaborators);
    assert.ok(bytes < 1024 * 1024, `the record is ${bytes} bytes`);
  });
});
