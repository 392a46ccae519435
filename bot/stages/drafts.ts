import { discardedRecordCard } from '../../cards/command-answers.js';
import {
  cannotDiscardCard,
  confirmDiscardCard,
  DISCARD_CHANGED_MEANWHILE,
  type DraftItem,
  draftDiscardedCard,
} from '../../cards/drafts-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import { findStep, type Policies } from '../../core/flow/index.js';
import {
  type CommissioningRecord,
  discardRecord,
  discardRefusal,
} from '../../core/record/index.js';
import type { Logger } from '../log.js';
import { type RecordStore, StaleRecordError } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND, type WizardReply } from '../wizard/wizard.js';

/**
 * Unfinished drafts: the ones `new` offers to carry on with, and discarding one. A discard is
 * asked first and written once, conditionally on the revision the confirmation showed.
 */
export class DraftDesk {
  constructor(
    private readonly policies: Policies,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  /** The actor's own unfinished drafts, most recently changed first. */
  async unfinished(actor: Actor): Promise<DraftItem[]> {
    const drafts = await this.records.drafts(actor);
    return drafts.map((draft) => ({
      id: draft.id,
      title: draft.title,
      stepTitle: this.stepTitle(actor.tenantId, draft.step),
      updatedAt: draft.updatedAt,
    }));
  }

  /** `discard SV-2026-0042`: the confirmation, or why not. */
  async confirm(actor: Actor, reference: string): Promise<WizardReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return this.gone(actor, reference);
    const refusal = discardRefusal(found.record, actor);
    if (refusal === 'not-owner' || refusal === 'complete') {
      return ok(cannotDiscardCard(refusal, reference));
    }
    return ok(confirmDiscardCard(found.record, this.recordStepTitle(found.record)));
  }

  /** "Discard it" on the confirmation card, for the revision it showed. */
  async discard(
    actor: Actor,
    reference: string,
    revision: number | undefined,
  ): Promise<WizardReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return this.gone(actor, reference);
    if (revision !== found.record.revision) return ok(this.askAgain(found.record));
    const result = discardRecord(found.record, actor, actor.person, this.clock().toISOString());
    if (!result.ok) {
      const refusal = discardRefusal(found.record, actor);
      return refusal === 'not-owner' || refusal === 'complete'
        ? ok(cannotDiscardCard(refusal, reference))
        : this.gone(actor, reference);
    }
    try {
      await this.records.replace(result.value, found.etag);
    } catch (error) {
      if (!(error instanceof StaleRecordError)) throw error;
      const fresh = await this.records.get(actor, reference);
      return fresh ? ok(this.askAgain(fresh.record)) : this.gone(actor, reference);
    }
    this.logger.info('record.discarded', { reference });
    return ok(draftDiscardedCard(result.value));
  }

  private askAgain(record: CommissioningRecord): AdaptiveCard {
    return confirmDiscardCard(record, this.recordStepTitle(record), DISCARD_CHANGED_MEANWHILE);
  }

  /** Not one the actor may see, or discarded already (then it says so, and by whom). */
  private async gone(actor: Actor, reference: string): Promise<WizardReply> {
    const discarded = await this.records.discarded(actor, reference);
    return discarded ? ok(discardedRecordCard(discarded)) : RECORD_NOT_FOUND;
  }

  /** A step's title in the tenant's version in force: a draft summary names no version. */
  private stepTitle(tenantId: string, step: string): string {
    const flow = this.policies.forTenant(tenantId, isoDateInLondon(this.clock()));
    return (flow && findStep(flow, step)?.title) ?? step;
  }

  private recordStepTitle(record: CommissioningRecord): string {
    const flow = this.policies.forRecord(record, isoDateInLondon(this.clock()));
    return findStep(flow, record.draft.step)?.title ?? record.draft.step;
  }
}
