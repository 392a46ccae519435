import type { Container } from '@azure/cosmos';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { statusOf } from '../status-of.js';

/**
 * What a reminder needs of a conversation reference: where to send (serviceUrl) and to
 * which conversation. The rest of it is kept as the SDK gives it.
 */
const referenceSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/** Where to reach one user proactively, and whether they want reminders. */
export const conversationDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  kind: z.literal('conversation'),
  /** The Bot Framework conversation reference, as the SDK gives it. */
  reference: z.custom<Partial<ConversationReference>>(
    (value) => referenceSchema.safeParse(value).success,
    'must be a conversation reference with a serviceUrl and a conversation id',
  ),
  /** False once Teams answered 403: the user removed or blocked the app. */
  active: z.boolean(),
  remindersOn: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type ConversationDoc = z.infer<typeof conversationDocSchema>;

/** A reference that would not read back is refused rather than stored (see `remember`). */
export class UnusableReferenceError extends Error {
  constructor() {
    super('the conversation reference has no serviceUrl or conversation id as text; not saved');
    this.name = 'UnusableReferenceError';
  }
}

/** The choice a stored document shows, even one that no longer reads as a whole. */
const remindersChoice = (resource: unknown): boolean | undefined => {
  const value = (resource as { remindersOn?: unknown } | undefined)?.remindersOn;
  return typeof value === 'boolean' ? value : undefined;
};

/** The parts of a reference that, when they change, must be saved again. */
const fingerprint = (reference: { serviceUrl?: string; conversation?: { id?: string } }): string =>
  `${reference.serviceUrl ?? ''}|${reference.conversation?.id ?? ''}`;

/** Bounded, so that a busy bot does not grow it without end. */
const REMEMBERED = 10_000;
/**
 * How long this process trusts its note that a reference is saved. Another instance may mark
 * the reference inactive meanwhile (Teams answered it 403): after this long the next message
 * reads it again, so that a person who comes back is reminded again whichever instance they
 * reach. A read every few minutes per active user is cheap next to a write per turn.
 */
const TRUSTED_MS = 10 * 60_000;

/**
 * Conversation references, one per user (partitioned by tenant). They are saved on install
 * and refreshed on messages, since the serviceUrl can change; a reference already saved by
 * this process with the same serviceUrl and conversation is not written again, so that an
 * ordinary turn costs no extra round trip (for a while: see TRUSTED_MS).
 */
export class ConversationStore {
  private readonly saved = new Map<string, { print: string; at: number }>();

  constructor(private readonly container: Container) {}

  async get(tenantId: string, userId: string): Promise<ConversationDoc | undefined> {
    const response = await this.container.item(userId, tenantId).read();
    if (response.statusCode === 404 || !response.resource) return undefined;
    const parsed = conversationDocSchema.safeParse(response.resource);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Saves the reference (active again) unless this process saved the same one lately;
   * `recheck` reads the stored one whatever this process noted (an install: the app may
   * have been removed and added back).
   */
  async remember(
    tenantId: string,
    userId: string,
    reference: Partial<ConversationReference>,
    now: Date,
    options: { recheck?: boolean } = {},
  ): Promise<void> {
    const key = `${tenantId}|${userId}`;
    const print = fingerprint(reference);
    const noted = this.saved.get(key);
    const trusted = noted?.print === print && Math.abs(now.getTime() - noted.at) < TRUSTED_MS;
    if (trusted && !options.recheck) return;
    // Conditional writes, so that a "reminders off" arriving at the same moment is kept.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await this.container.item(userId, tenantId).read();
      const stored = response.statusCode !== 404 && response.resource !== undefined;
      const parsed = conversationDocSchema.safeParse(response.resource);
      const existing = stored && parsed.success ? parsed.data : undefined;
      if (existing && fingerprint(existing.reference) === print && existing.active) {
        this.note(key, print, now);
        return;
      }
      // Written only as what reads back: a reference from a malformed activity (its
      // conversation id a number, say) once broke every later read of the user's.
      const doc = conversationDocSchema.safeParse({
        id: userId,
        tenantId,
        kind: 'conversation',
        reference,
        active: true,
        // A stored one that does not read back (saved before it was checked) still shows
        // whether the person had turned reminders off.
        remindersOn: existing?.remindersOn ?? remindersChoice(response.resource) ?? true,
        updatedAt: now.toISOString(),
      });
      if (!doc.success) throw new UnusableReferenceError();
      try {
        if (stored) {
          // Replaced even when it does not read back, so that the next good message mends it.
          await this.container.item(userId, tenantId).replace(doc.data, {
            accessCondition: { type: 'IfMatch', condition: response.etag },
          });
        } else {
          await this.container.items.create(doc.data);
        }
        this.note(key, print, now);
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 409) throw error;
      }
    }
    throw new Error('the conversation reference kept changing; try again');
  }

  /** Turns reminders on or off for a user; false when no reference is saved yet. */
  async setReminders(tenantId: string, userId: string, on: boolean, now: Date): Promise<boolean> {
    return this.change(tenantId, userId, (doc) => ({
      ...doc,
      remindersOn: on,
      updatedAt: now.toISOString(),
    }));
  }

  /** Teams answered 403: stop sending to this reference until the user messages again. */
  async markInactive(tenantId: string, userId: string, now: Date): Promise<void> {
    this.saved.delete(`${tenantId}|${userId}`);
    await this.change(tenantId, userId, (doc) => ({
      ...doc,
      active: false,
      updatedAt: now.toISOString(),
    }));
  }

  private async change(
    tenantId: string,
    userId: string,
    update: (doc: ConversationDoc) => ConversationDoc,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await this.container.item(userId, tenantId).read();
      const parsed = conversationDocSchema.safeParse(response.resource);
      if (response.statusCode === 404 || !parsed.success) return false;
      try {
        await this.container.item(userId, tenantId).replace(update(parsed.data), {
          accessCondition: { type: 'IfMatch', condition: response.etag },
        });
        return true;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error('the conversation reference kept changing; try again');
  }

  private note(key: string, print: string, now: Date): void {
    this.saved.delete(key);
    if (this.saved.size >= REMEMBERED) {
      const oldest = this.saved.keys().next().value;
      if (oldest !== undefined) this.saved.delete(oldest);
    }
    this.saved.set(key, { print, at: now.getTime() });
  }
}
