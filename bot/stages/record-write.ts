import { isoDateInLondon } from '../../core/common/dates.js';
import type { Act, CommissioningRecord } from '../../core/record/index.js';
import { type RecordStore, StaleRecordError, type Versioned } from '../store/records.js';
import type { Actor } from '../wizard/wizard.js';

/** Who acts, when, and the day it is in London (the day a stage is done or due on). */
export function actBy(actor: Actor, now: Date): Act {
  return { by: actor.person, at: now.toISOString(), today: isoDateInLondon(now) };
}

/**
 * One conditional write, on the ETag the record was read with; undefined when the record
 * changed since it was read, so that a change is never written over another unseen.
 */
export async function writeRecord(
  records: RecordStore,
  found: Versioned,
  record: CommissioningRecord,
): Promise<CommissioningRecord | undefined> {
  try {
    await records.replace(record, found.etag);
    return record;
  } catch (error) {
    if (error instanceof StaleRecordError) return undefined;
    throw error;
  }
}
