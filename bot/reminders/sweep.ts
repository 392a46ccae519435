import { randomUUID } from 'node:crypto';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { assessmentReminderCard } from '../../cards/assessment-reminder-card.js';
import { reminderCard } from '../../cards/reminder-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  claimAssessmentReminder,
  claimReminder,
  markAssessmentReminderSent,
  markReminderSent,
  owedAssessmentReminder,
  owedReminders,
  releaseAssessmentReminder,
  releaseReminder,
} from '../../core/record/index.js';
import { errorMessage, type Logger } from '../log.js';
import type { ConversationStore } from '../store/conversations.js';
import { type RecordStore, StaleRecordError, type Versioned } from '../store/records.js';
import type { PacedSender } from './paced-sender.js';

/** How long a claim holds before another sweep may take the reminder over (a crashed sender). */
const CLAIM_LEASE_MS = 5 * 60_000;
/** Records worked on at once; the sender paces the messages themselves. */
const WORKERS = 8;

/**
 * One reminder a record owes: a stage's, or the next performance assessment's. Each is found,
 * claimed, sent and settled the same way; only what it changes on the record differs.
 */
interface Owed {
  /** For the log: the stage, or the assessment's due date. */
  what: { stage: number } | { assessment: string };
  /** Whether the record, perhaps read afresh, still owes it to this sweep. */
  stillOwed(record: CommissioningRecord, now: string): boolean;
  claim(record: CommissioningRecord, claim: { by: string; until: string }): CommissioningRecord;
  sent(record: CommissioningRecord, at: string): CommissioningRecord;
  release(record: CommissioningRecord): CommissioningRecord;
  card(record: CommissioningRecord, today: string): AdaptiveCard;
}

/** Every reminder the record owes on `today`, stages first, skipping live claims of other sweeps. */
function owedBy(record: CommissioningRecord, pack: PolicyPack, today: string, now: string): Owed[] {
  const stages = owedReminders(record, pack, today, now).map(
    (owed): Owed => ({
      what: { stage: owed.stage },
      stillOwed: (current, at) =>
        owedReminders(current, pack, today, at).some(
          (o) => o.stage === owed.stage && o.due === owed.due,
        ),
      claim: (current, claim) => claimReminder(current, pack, owed, claim),
      sent: (current, at) => markReminderSent(current, pack, owed, at),
      release: (current) => releaseReminder(current, pack, owed),
      card: (current, day) => reminderCard(pack, current, owed, day),
    }),
  );
  const assessment = owedAssessmentReminder(record, pack, today, now);
  if (!assessment) return stages;
  const { due } = assessment;
  return [
    ...stages,
    {
      what: { assessment: due },
      stillOwed: (current, at) => owedAssessmentReminder(current, pack, today, at)?.due === due,
      claim: (current, claim) => claimAssessmentReminder(current, pack, due, claim),
      sent: (current, at) => markAssessmentReminderSent(current, pack, due, at),
      release: (current) => releaseAssessmentReminder(current, pack, due),
      card: (current, day) => assessmentReminderCard(pack, current, due, day),
    },
  ];
}

export interface SweepReport {
  recordsFound: number;
  sent: number;
  /** Owed, but claimed by another instance first. */
  claimedElsewhere: number;
  /** Owed, but not sendable now (no reference, reminders off, removed app): kept owed. */
  heldBack: number;
  failed: number;
  forbidden: number;
}

export interface SweepDeps {
  /** The pack version a record was assessed under: its stages say what is owed. */
  packOf: (record: CommissioningRecord) => PolicyPack;
  records: RecordStore;
  conversations: ConversationStore;
  adapter: CloudAdapter;
  sender: PacedSender;
  appId: string;
  logger: Logger;
  /** This instance, in claims. */
  instance?: string;
}

/**
 * Finds the records with a reminder owed (one indexed range query on `nextReminderOn`),
 * claims each reminder with a conditional write so that one instance alone sends it, sends
 * it within the Teams limits, and marks it sent; an undelivered one is released, to be owed
 * again at the next sweep.
 */
export class ReminderSweep {
  private readonly instance: string;
  private running: Promise<SweepReport> | undefined;

  constructor(private readonly deps: SweepDeps) {
    this.instance = deps.instance ?? randomUUID();
  }

  /** Resolves once no sweep is running (for a graceful stop). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One sweep at a time per instance: a second call while one runs gets the same result. */
  run(now: Date): Promise<SweepReport> {
    this.running ??= this.sweep(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(now: Date): Promise<SweepReport> {
    const today = isoDateInLondon(now);
    const found = await this.deps.records.dueForReminders(today);
    const report: SweepReport = {
      recordsFound: found.length,
      sent: 0,
      claimedElsewhere: 0,
      heldBack: 0,
      failed: 0,
      forbidden: 0,
    };
    // Owners taken in turn, so that one officer with many reminders due does not hold up the rest.
    const queue = takeInTurn(
      found,
      (versioned) => `${versioned.record.tenantId}|${versioned.record.owner.id}`,
    );
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await this.remind(next, now, today, report).catch((error: unknown) => {
          report.failed += 1;
          this.deps.logger.error('reminder.error', {
            reference: next?.record.id,
            error: errorMessage(error),
          });
        });
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    this.deps.logger.info('reminders.swept', { today, ...report });
    return report;
  }

  private async remind(
    found: Versioned,
    now: Date,
    today: string,
    report: SweepReport,
  ): Promise<void> {
    const { conversations } = this.deps;
    const pack = this.deps.packOf(found.record);
    let current = found;
    const at = now.toISOString();
    for (const owed of owedBy(current.record, pack, today, at)) {
      // The record may have been re-read since the list was made (a send's outcome written
      // over another instance's change): another sweep may have claimed or sent this one.
      if (!owed.stillOwed(current.record, at)) {
        report.claimedElsewhere += 1;
        continue;
      }
      const target = await conversations.get(current.record.tenantId, current.record.owner.id);
      if (!target?.active || !target.remindersOn) {
        report.heldBack += 1;
        continue;
      }
      const claim = {
        by: this.instance,
        until: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      };
      try {
        current = await this.deps.records.replace(owed.claim(current.record, claim), current.etag);
      } catch (error) {
        if (!(error instanceof StaleRecordError)) throw error;
        report.claimedElsewhere += 1;
        return;
      }
      const card = owed.card(current.record, today);
      const result = await this.deps.sender.send(
        {
          conversation: target.reference.conversation?.id ?? target.id,
          tenant: current.record.tenantId,
        },
        () => this.deliver(target.reference as Partial<ConversationReference>, card),
      );
      if (result.outcome === 'sent') {
        current = await this.settle(current, (record) => owed.sent(record, at));
        report.sent += 1;
        continue;
      }
      current = await this.settle(current, (record) => owed.release(record));
      if (result.outcome === 'forbidden') {
        report.forbidden += 1;
        await conversations.markInactive(current.record.tenantId, current.record.owner.id, now);
        this.deps.logger.warn('reminder.forbidden', {
          reference: current.record.id,
          ...owed.what,
        });
        return;
      }
      report.failed += 1;
      this.deps.logger.warn('reminder.failed', {
        reference: current.record.id,
        ...owed.what,
        status: result.status,
        attempts: result.attempts,
      });
    }
  }

  private async deliver(
    reference: Partial<ConversationReference>,
    card: AdaptiveCard,
  ): Promise<void> {
    // The adapter hands an error inside the turn to its onTurnError, which logs it and lets
    // continueConversationAsync resolve: a 403 or a connector that is down would pass for
    // sent. The send's own error is kept here and thrown, for the sender to judge.
    let failure: { error: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(
      this.deps.appId,
      reference,
      async (context) => {
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (error) {
          failure = { error };
        }
      },
    );
    if (failure) throw failure.error;
  }

  /**
   * Writes the outcome of a send. The record may have changed meanwhile (the officer marked
   * the stage done, say): then the outcome is applied to the fresh record.
   */
  private async settle(
    versioned: Versioned,
    change: (record: CommissioningRecord) => CommissioningRecord,
  ): Promise<Versioned> {
    let current = versioned;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        return await this.deps.records.replace(change(current.record), current.etag);
      } catch (error) {
        if (!(error instanceof StaleRecordError)) throw error;
        const fresh = await this.deps.records.read(current.record.tenantId, current.record.id);
        if (!fresh) return current;
        current = fresh;
      }
    }
    throw new Error(`could not record the reminder outcome on ${versioned.record.id}`);
  }
}

/** The items in rounds: the first of each group, then the second of each, and so on. */
export function takeInTurn<T>(items: readonly T[], groupOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const lists = [...groups.values()];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, round) =>
    lists.flatMap((list) => list.slice(round, round + 1)),
  ).flat();
}
