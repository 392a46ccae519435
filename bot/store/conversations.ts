import type { Container } from '@azure/cosmos';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';

/** Where to reach one user proactively, and whether they want reminders. */
export const conversationDocSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  kind: z.literal('conversation'),
  /** The Bot Framework conversation reference, as the SDK gives it. */
  reference: z.custom<Partial<ConversationReference>>((value) => {
    const reference = value as Partial<ConversationReference> | null;
    return (
      typeof reference?.serviceUrl === 'string' && typeof reference.conversation?.id === 'string'
    );
  }, 'must be a conversation reference with a serviceUrl and a conversation id'),
  /** False once Teams answered 403: the user removed or blocked the app. */
  active: z.boolean(),
  remindersOn: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type ConversationDoc = z.infer<typeof conversationDocSchema>;

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number'
    ? error.code
    : undefined;

/** The parts of a reference that, when they change, must be saved again. */
const fingerprint = (reference: { serviceUrl?: string; conversation?: { id?: string } }): string =>
  `${reference.serviceUrl ?? ''}|${reference.conversation?.id ?? ''}`;

/** Bounded, so that a busy bot does not grow it without end. */
const REMEMBERED = 10_000;

/**
 * Conversation references, one per user (partitioned by tenant). They are saved on install
 * and refreshed on messages, since the serviceUrl can change; a reference already saved by
 * this process with the same serviceUrl and conversation is not written again, so that an
 * ordinary turn costs no extra round trip.
 */
export class ConversationStore {
  private readonly saved = new Map<string, string>();

  constructor(private readonly container: Container) {}

  async get(tenantId: string, userId: string): Promise<ConversationDoc | undefined> {
    const response = await this.container.item(userId, tenantId).read();
    if (response.statusCode === 404 || !response.resource) return undefined;
    const parsed = conversationDocSchema.safeParse(response.resource);
    return parsed.success ? parsed.data : undefined;
  }

  /** Saves the reference if this process has not saved the same one already. */
  async remember(
    tenantId: string,
    userId: string,
    reference: Partial<ConversationReference>,
    now: Date,
  ): Promise<void> {
    const key = `${tenantId}|${userId}`;
    const print = fingerprint(reference);
    if (this.saved.get(key) === print) return;
    const existing = await this.get(tenantId, userId);
    if (existing && fingerprint(existing.reference) === print && existing.active) {
      this.note(key, print);
      return;
    }
    await this.container.items.upsert({
      id: userId,
      tenantId,
      kind: 'conversation',
      reference,
      active: true,
      remindersOn: existing?.remindersOn ?? true,
      updatedAt: now.toISOString(),
    });
    this.note(key, print);
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

  private note(key: string, print: string): void {
    if (this.saved.size >= REMEMBERED) {
      const oldest = this.saved.keys().next().value;
      if (oldest !== undefined) this.saved.delete(oldest);
    }
    this.saved.set(key, print);
  }
}
