import {
  type ReassessRefusal,
  reassessedCard,
  reassessRefusalCard,
} from '../../cards/policy-versions.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import { assessmentInputFrom, type Policies } from '../../core/flow/index.js';
import { policyDifferences, reassessRecord } from '../../core/record/index.js';
import { assess } from '../../core/rules/index.js';
import type { Logger } from '../log.js';
import { writeRecord } from '../stages/record-write.js';
import type { RecordStore } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND, type WizardReply } from './wizard.js';

/**
 * "Reassess under 2027.1": the owner moves a record to the version now in force. It reads the
 * record once and writes it once, conditionally on its ETag; what changed goes into the history.
 */
export class Reassessment {
  constructor(
    private readonly policies: Policies,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  async reassess(actor: Actor, reference: string, retried = false): Promise<WizardReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    const { record } = found;
    const now = this.clock();
    const today = isoDateInLondon(now);
    const refuse = (refusal: ReassessRefusal) => ok(reassessRefusalCard(reference, refusal));
    if (record.owner.id !== actor.userId) return refuse({ kind: 'not-owner' });
    const newer = this.policies.newerFor(record, today);
    if (!newer) return refuse({ kind: 'up-to-date', version: record.policy.version });
    const before = this.policies.forRecord(record, today).pack;
    // A record whose basics are not answered yet has no assessment to redo.
    const again = record.assessment
      ? assess(newer, assessmentInputFrom(record.draft.answers), today)
      : undefined;
    if (again && !again.ok) return refuse({ kind: 'cannot-assess', version: newer.version });
    const assessment = again?.ok ? again.value : undefined;
    const differences = policyDifferences({
      before,
      after: newer,
      answers: record.draft.answers,
      was: record.assessment,
      now: assessment,
    });
    const moved = reassessRecord(record, {
      pack: newer,
      assessment,
      differences,
      by: actor.person,
      at: now.toISOString(),
    });
    const saved = await writeRecord(this.records, found, moved);
    // Changed meanwhile: read afresh and try once more (nothing was typed, so nothing is lost).
    if (!saved) {
      if (retried) throw new Error(`record ${reference} kept changing during a reassessment`);
      return this.reassess(actor, reference, true);
    }
    this.logger.info('record.reassessed', {
      reference,
      from: record.policy.version,
      to: newer.version,
      changes: differences.length,
    });
    return ok(reassessedCard({ reference, from: record.policy.version, to: newer, differences }));
  }
}
