import { type Activity, ActivityTypes, type Middleware, TurnContext } from 'botbuilder';
import type { ConnectorClient } from './connector-retries.js';
import { errorMessage, type Logger } from './log.js';
import { statusOf } from './status-of.js';

/** How often the indicator is sent again while a turn is still working. */
const TYPING_PERIOD_MS = 2_000;

/**
 * A connector client for this turn's conversation that makes no retries: a typing
 * indicator retried after a 429 would only add to the throttling, and arrive too late to
 * mean anything. Called while the turn is live.
 */
export type TypingClientFor = (context: TurnContext) => Promise<ConnectorClient>;

/**
 * Shows the typing indicator while the bot works on a message: at once, then every two
 * seconds until the turn ends or a send fails. In place of botbuilder's
 * ShowTypingMiddleware, whose un-awaited send handed a failure (Teams answers a throttled
 * typing with 429) to onTurnError: during the turn (a turn that succeeded then also
 * answered "something went wrong") or after it, with a revoked context, which threw and
 * ended the process. Here everything a send needs is copied from the context when the
 * turn starts, the context is never touched again, and every failure is logged and
 * otherwise ignored.
 */
export class TypingIndicator implements Middleware {
  constructor(
    private readonly clientFor: TypingClientFor,
    private readonly logger: Logger,
    private readonly periodMs = TYPING_PERIOD_MS,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) {
      await next();
      return;
    }
    const reference = TurnContext.getConversationReference(context.activity);
    const typing = TurnContext.applyConversationReference(
      { type: ActivityTypes.Typing, relatesTo: context.activity.relatesTo },
      reference,
    );
    // Asked for now, while the context is live; the first send awaits it at once, so a
    // failure to get one (even a synchronous throw) is logged there, never failing the turn.
    let client: Promise<ConnectorClient>;
    try {
      client = this.clientFor(context);
    } catch (error) {
      client = Promise.reject(error);
    }
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const send = async (): Promise<void> => {
      if (finished) return;
      try {
        await deliver(await client, typing);
      } catch (error) {
        // Refused (throttled, say): asking again this turn would only add to it.
        this.failed(error);
        return;
      }
      if (!finished) timer = setTimeout(() => void send(), this.periodMs);
    };
    // Never rejects: send catches every failure itself.
    void send();
    try {
      await next();
    } finally {
      finished = true;
      clearTimeout(timer);
    }
  }

  private failed(error: unknown): void {
    try {
      this.logger.warn('typing.failed', { status: statusOf(error), error: errorMessage(error) });
    } catch {
      // A log line that cannot be written is no reason to end the process.
    }
  }
}

/** Sends as the adapter would: as a reply to the message when it has an id. */
async function deliver(client: ConnectorClient, typing: Partial<Activity>): Promise<void> {
  const conversationId = typing.conversation?.id ?? '';
  // The connector's types ask for a whole Activity; a typing indicator has no more than this.
  const activity = typing as Activity;
  if (typing.replyToId) {
    await client.conversations.replyToActivity(conversationId, typing.replyToId, activity);
  } else {
    await client.conversations.sendToConversation(conversationId, activity);
  }
}
