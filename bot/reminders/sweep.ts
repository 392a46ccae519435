import { randomUUID } from 'node:crypto';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { reminderCard } from '../../cards/reminder-card.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  claimReminder,
  markReminderSent,
  type OwedReminder,
  owedReminders,
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
    for (const owed of owedReminders(current.record, pack, today, now.toISOString())) {
      // The record may have been re-read since the list was made (a send's outcome written
      // over another instance's change): another sweep may have claimed or sent this one.
      const stillOwed = owedReminders(current.record, pack, today, now.toISOString()).some(
        (o) => o.stage === owed.stage && o.due === owed.due,
      );
      if (!stillOwed) {
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
        current = await this.deps.records.replace(
          claimReminder(current.record, pack, owed, claim),
          current.etag,
        );
      } catch (error) {
        if (!(error instanceof StaleRecordError)) throw error;
        report.claimedElsewhere += 1;
        return;
      }
      const result = await this.deps.sender.send(
        {
          conversation: target.reference.conversation?.id ?? target.id,
          tenant: current.record.tenantId,
        },
        () =>
          this.deliver(
            target.reference as Partial<ConversationReference>,
            current.record,
            owed,
            today,
          ),
      );
      if (result.outcome === 'sent') {
        current = await this.settle(current, (record) =>
          markReminderSent(record, pack, owed, now.toISOString()),
        );
        report.sent += 1;
        continue;
      }
      current = await this.settle(current, (record) => releaseReminder(record, pack, owed));
      if (result.outcome === 'forbidden') {
        report.forbidden += 1;
        await conversations.markInactive(current.record.tenantId, current.record.owner.id, now);
        this.deps.logger.warn('reminder.forbidden', {
          reference: current.record.id,
          stage: owed.stage,
        });
        return;
      }
      report.failed += 1;
      this.deps.logger.warn('reminder.failed', {
        reference: current.record.id,
        stage: owed.stage,
        status: result.status,
        attempts: result.attempts,
      });
    }
  }

  private async deliver(
    reference: Partial<ConversationReference>,
    record: CommissioningRecord,
    owed: OwedReminder,
    today: string,
  ): Promise<void> {
    const card = reminderCard(this.deps.packOf(record), record, owed, today);
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
