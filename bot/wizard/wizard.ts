import { policyUpdateCard } from '../../cards/policy-versions.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { WIZARD_ACTION_KEYS, WIZARD_VERBS } from '../../cards/step-card.js';
import { recordCard, type WizardNotice } from '../../cards/wizard-card.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import {
  applyAnswers,
  assessmentOnStep,
  cardValues,
  type Draft,
  echoed,
  goBack,
  newDraft,
  openStep,
  type Policies,
  type Questionnaire,
  type RawValues,
  type StepId,
  saveProgress,
  stepIdSchema,
  TEXT_LIMITS,
  withOutcomeKpis,
} from '../../core/flow/index.js';
import {
  type CommissioningRecord,
  canShare,
  createRecord,
  type HistoryAction,
  kpisOnCompletion,
  type Person,
  recordTurn,
  shareRecord,
  suggestedKpis,
  type Viewer,
} from '../../core/record/index.js';
import type { Logger } from '../log.js';
import { type RecordStore, StaleRecordError, type Versioned } from '../store/records.js';

export interface WizardAction {
  verb: string;
  reference: string;
  step: string;
  revision: number;
}

export interface Actor extends Viewer {
  person: Person;
}

/**
 * The record is not one the actor may see. A record that does not exist gets the same
 * answer, so that no one learns whether a record they may not see exists.
 */
export const RECORD_NOT_FOUND: Result<never> = fail([
  { path: 'reference', message: 'is not a record you can see' },
]);

/** A card to answer with, or RECORD_NOT_FOUND. */
export type WizardReply = Result<AdaptiveCard>;

/**
 * The pre-commissioning wizard over stored records. A turn reads the record once and, when
 * an answer is accepted, writes it once with If-Match on the ETag it read; a refused answer
 * writes nothing. The record is the only copy of the wizard's state.
 */
export class Wizard {
  constructor(
    private readonly policies: Policies,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  /** The questionnaire of the version a record names (see Policies.forRecord). */
  private flowOf(record: CommissioningRecord): Questionnaire {
    return this.policies.forRecord(record, isoDateInLondon(this.clock()));
  }

  /** Starts a record under the tenant's version in force today, which it then keeps. */
  async start(actor: Actor): Promise<CommissioningRecord> {
    const now = this.clock();
    const flow = this.policies.forTenant(actor.tenantId, isoDateInLondon(now));
    // The bot refuses a tenant it has no pack for before any turn reaches the wizard.
    if (!flow) throw new Error('no policy pack for the tenant');
    const draft = newDraft(flow);
    const { record } = await this.records.create(
      actor.tenantId,
      now.getUTCFullYear(),
      (reference) =>
        createRecord({
          reference,
          tenantId: actor.tenantId,
          owner: actor.person,
          pack: flow.pack,
          draft,
          now: now.toISOString(),
        }),
    );
    this.logger.info('record.created', { reference: record.id, tenant: actor.tenantId });
    return record;
  }

  /**
   * The record where it stands; for its owner, once a newer version of the policy is in
   * force than the one it was assessed under, a second card offering to reassess it.
   */
  async open(actor: Actor, reference: string): Promise<Result<AdaptiveCard[]>> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    const { record } = found;
    const today = isoDateInLondon(this.clock());
    const card = recordCard(this.policies.forRecord(record, today), record);
    const newer =
      record.owner.id === actor.userId ? this.policies.newerFor(record, today) : undefined;
    if (!newer) return ok([card]);
    const offer = policyUpdateCard({
      reference: record.id,
      revision: record.revision,
      assessedUnder: record.policy.version,
      inForce: newer,
    });
    return ok([card, offer]);
  }

  /**
   * The owner (or a procurement lead) lets colleagues see and work on a record. Returns the
   * record as saved, or RECORD_NOT_FOUND for anyone who may not share it.
   */
  async share(
    actor: Actor,
    reference: string,
    people: Person[],
  ): Promise<Result<CommissioningRecord>> {
    const found = await this.records.get(actor, reference);
    if (!found || !canShare(found.record, actor)) return RECORD_NOT_FOUND;
    const at = this.clock().toISOString();
    const shared = people.reduce(
      (record, person) => shareRecord(record, person, actor.person, at),
      found.record,
    );
    if (shared === found.record) return ok(shared);
    await this.records.replace(shared, found.etag);
    this.logger.info('record.shared', { reference, collaborators: shared.collaboratorIds.length });
    return ok(shared);
  }

  async act(actor: Actor, action: WizardAction, raw: RawValues): Promise<WizardReply> {
    const found = await this.records.get(actor, action.reference);
    if (!found) return RECORD_NOT_FOUND;
    const flow = this.flowOf(found.record);
    const step = stepIdSchema.safeParse(action.step);
    if (!step.success) return ok(recordCard(flow, found.record));
    // Change only opens a step: from an older review card it loses nothing, so it goes ahead.
    if (action.revision !== found.record.revision && action.verb !== WIZARD_VERBS.change) {
      return ok(this.stale(actor, found.record, step.data, raw));
    }

    switch (action.verb) {
      case WIZARD_VERBS.next:
        return this.next(actor, found, step.data, raw);
      case WIZARD_VERBS.back: {
        const saved = saveProgress(flow, found.record.draft, step.data, raw);
        const draft = goBack(flow, saved.draft, step.data);
        return this.save(actor, found, { step: step.data, action: 'went-back', draft, raw });
      }
      case WIZARD_VERBS.save: {
        const saved = saveProgress(flow, found.record.draft, step.data, raw);
        const change = { step: step.data, action: 'saved' as const, draft: saved.draft, raw };
        return this.save(actor, found, change, {
          notice: { kind: 'saved', reference: found.record.id },
          errors: saved.errors,
          values: saved.values,
        });
      }
      case WIZARD_VERBS.change: {
        // From the review: the step opens with its answers, and its Continue comes back.
        const draft = openStep(flow, found.record.draft, step.data, 'review');
        if (draft === found.record.draft) return ok(recordCard(flow, found.record));
        return this.save(actor, found, { step: step.data, action: 'went-back', draft, raw: {} });
      }
      case WIZARD_VERBS.fillKpis: {
        // Nothing is saved: the card comes back with the outcomes in the empty KPI slots.
        const typed = Object.fromEntries(
          Object.entries(raw).flatMap(([key, value]) =>
            typeof value === 'string' && !(WIZARD_ACTION_KEYS as readonly string[]).includes(key)
              ? [[key, echoed(value, TEXT_LIMITS.long)]]
              : [],
          ),
        );
        const suggested = suggestedKpis(found.record, flow.pack);
        const values = withOutcomeKpis(flow.pack, typed, suggested);
        return ok(recordCard(flow, found.record, { step: step.data, values }));
      }
      default:
        return ok(recordCard(flow, found.record));
    }
  }

  private async next(
    actor: Actor,
    found: Versioned,
    step: StepId,
    raw: RawValues,
  ): Promise<WizardReply> {
    const flow = this.flowOf(found.record);
    const outcome = applyAnswers(flow, found.record.draft, step, raw);
    if (!outcome.ok) {
      // The same step again, with every value as typed and the errors beside them; nothing is written.
      return ok(
        recordCard(flow, found.record, {
          step,
          values: outcome.values,
          errors: outcome.errors,
          ...(outcome.followUps ? { followUps: outcome.followUps } : {}),
        }),
      );
    }
    return this.save(actor, found, { step, action: 'answered', draft: outcome.draft, raw });
  }

  private async save(
    actor: Actor,
    found: Versioned,
    change: { step: StepId; action: HistoryAction; draft: Draft; raw: RawValues },
    shown: {
      notice?: WizardNotice;
      errors?: Readonly<Record<string, string>>;
      values?: Readonly<Record<string, string>>;
    } = {},
  ): Promise<WizardReply> {
    const { step, action, draft } = change;
    const now = this.clock();
    const flow = this.flowOf(found.record);
    const assessment = assessmentOnStep(flow, step, draft.answers, isoDateInLondon(now));
    const turned = recordTurn(found.record, {
      by: actor.person,
      at: now.toISOString(),
      action,
      step,
      draft,
      ...(assessment?.ok ? { assessment: assessment.value, pack: flow.pack } : {}),
    });
    // Completing moves the KPIs the wizard asked for onto the record: their one copy from then on.
    const next =
      turned.status === 'complete' && found.record.status !== 'complete'
        ? kpisOnCompletion(turned, flow.pack, {
            by: actor.person,
            at: now.toISOString(),
            today: isoDateInLondon(now),
          })
        : turned;
    try {
      await this.records.replace(next, found.etag);
    } catch (error) {
      if (!(error instanceof StaleRecordError)) throw error;
      const fresh = await this.records.get(actor, found.record.id);
      if (!fresh) return RECORD_NOT_FOUND;
      return ok(this.stale(actor, fresh.record, step, change.raw));
    }
    this.logger.info('record.saved', { reference: next.id, step, action, revision: next.revision });
    const hasErrors = Object.keys(shown.errors ?? {}).length > 0;
    return ok(
      recordCard(flow, next, {
        ...(shown.notice ? { notice: shown.notice } : {}),
        ...(hasErrors ? { errors: shown.errors, values: shown.values } : {}),
      }),
    );
  }

  /**
   * A submit from a card older than the record. A double click (the same answers already
   * saved) shows where the record stands; anything else shows the step again with the
   * officer's values as typed, so that nothing is lost and nothing is saved twice.
   */
  private stale(
    actor: Actor,
    record: CommissioningRecord,
    step: StepId,
    raw: RawValues,
  ): AdaptiveCard {
    const flow = this.flowOf(record);
    const saved = cardValues(flow, record.draft, step);
    const typed = Object.entries(raw).filter(
      ([key]) => !(WIZARD_ACTION_KEYS as readonly string[]).includes(key),
    );
    const sameAsSaved = typed.every(([key, value]) => String(value ?? '') === (saved[key] ?? ''));
    if (sameAsSaved) {
      return recordCard(flow, record, { notice: { kind: 'already-saved' } });
    }
    const last = record.history.at(-1)?.by;
    // Shown again as typed, each cut where it runs far past the longest limit (the card must fit in Teams).
    const values = Object.fromEntries(
      typed.map(([key, value]) => [key, echoed(String(value ?? ''), TEXT_LIMITS.long)]),
    );
    return recordCard(flow, record, {
      step,
      values,
      // The same person with two cards open is told so, not that someone else saved.
      notice:
        last === undefined || last.id === actor.person.id
          ? { kind: 'stale-own' }
          : { kind: 'stale-other', by: last.name },
    });
  }
}
