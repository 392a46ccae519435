import assert from 'node:assert/strict';
import type { Result } from '../../../core/common/index.js';
import {
  type Act,
  type CommissioningRecord,
  commissioningRecordSchema,
  type HistoryEntry,
  type Person,
  type StageProgress,
  setContractTerms,
  stagesOf,
} from '../../../core/record/index.js';
import { answerOf } from '../rules/helpers.js';
import { newRecord, OWNER, pack, walkRecord } from './fixtures.js';

export { pathsOf, problemAt, problemsOf } from '../rules/helpers.js';
export { answerOf };

/** Someone acting on a day: at ten in the morning (UTC) of `today`, unless told otherwise. */
export const act = (today: string, by: Person = OWNER, time = '10:00:00.000Z'): Act => ({
  by,
  at: `${today}T${time}`,
  today,
});

/** The default award: 1 April 2026, for 24 months (ends 1 April 2028). */
export const AWARD = '2026-04-01';
export const MONTHS = 24;
/** The quarters stages 11 and 12 fall due on, from the default award. */
export const QUARTERS = [
  '2026-07-01',
  '2026-10-01',
  '2027-01-01',
  '2027-04-01',
  '2027-07-01',
  '2027-10-01',
  '2028-01-01',
  '2028-04-01',
];
/** Six months before the default contract ends. */
export const EXIT = '2027-10-01';

/** A new record whose contract was awarded (the terms set on the award date). */
export function awarded(
  awardDate = AWARD,
  months = MONTHS,
  record: CommissioningRecord = newRecord(),
): CommissioningRecord {
  return answerOf(setContractTerms(record, pack, { awardDate, months }, act(awardDate)));
}

/** A record whose supplier can be rated: its questions answered to the end, then awarded. */
export const ratable = (): CommissioningRecord => awarded(AWARD, MONTHS, walkRecord(newRecord()));

/** One stage of a record, failing the test when the record lacks it. */
export function stageOf(record: CommissioningRecord, number: number): StageProgress {
  return (
    stagesOf(record, pack).find((stage) => stage.number === number) ??
    assert.fail(`no stage ${number}`)
  );
}

/** The due date of each stage that has one, by stage number. */
export const dueDates = (record: CommissioningRecord): Record<number, string> =>
  Object.fromEntries(
    stagesOf(record, pack).flatMap((stage) => (stage.due ? [[stage.number, stage.due]] : [])),
  );

export function lastEntry(record: CommissioningRecord): HistoryEntry {
  return record.history.at(-1) ?? assert.fail('the record has no history');
}

/** The record as it is stored and read back: plain JSON that the schema accepts. */
export function storedForm(record: CommissioningRecord): CommissioningRecord {
  const parsed = commissioningRecordSchema.safeParse(JSON.parse(JSON.stringify(record)));
  assert.ok(parsed.success, `not a valid record: ${JSON.stringify(parsed.error?.issues)}`);
  return parsed.data;
}

/** The record is valid as stored, and reads back as it was written (JSON drops undefined). */
export function assertStorable(record: CommissioningRecord): void {
  assert.deepEqual(storedForm(record), JSON.parse(JSON.stringify(record)));
}

/** A refused change leaves the record as it was. */
export function refusedLeavingAsItWas(
  record: CommissioningRecord,
  change: (record: CommissioningRecord) => Result<CommissioningRecord>,
): Result<CommissioningRecord> {
  const before = structuredClone(record);
  const result = change(record);
  assert.equal(result.ok, false, 'the change was accepted');
  assert.deepEqual(record, before, 'a refused change altered the record');
  return result;
}
