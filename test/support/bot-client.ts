import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { ActivityBuilder, type Person } from './activities.js';
import { type CardJson, cardOf, press } from './cards.js';
import type { CaptureConnector, Captured } from './connector.js';

export interface HttpReply {
  status: number;
  body: unknown;
}

/** A card as it stands in the chat: its content and the id of the message holding it. */
export interface ShownCard {
  card: CardJson;
  activityId: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Talks to a running bot over HTTP as Teams does: posts activities to /api/messages and
 * reads the replies from the capture connector they were sent to.
 */
export class BotClient {
  readonly activities: ActivityBuilder;

  constructor(
    readonly appUrl: string,
    readonly connector: CaptureConnector,
  ) {
    this.activities = new ActivityBuilder({ serviceUrl: connector.url });
  }

  async post(
    activity: Partial<Activity>,
    headers: Record<string, string> = {},
  ): Promise<HttpReply> {
    const response = await fetch(`${this.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(8_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body };
  }

  /** Posts a message and returns the messages the bot sent in reply to it (typing left out). */
  async send(activity: Partial<Activity>): Promise<Captured[]> {
    const reply = await this.post(activity);
    assert.equal(
      reply.status,
      200,
      `the bot answered ${reply.status}: ${JSON.stringify(reply.body)}`,
    );
    return this.connector.received.filter(
      (captured) =>
        captured.method === 'POST' &&
        captured.pathActivityId === activity.id &&
        captured.activity.type === 'message',
    );
  }

  /** Types a message and returns the card the bot answered with (exactly one reply). */
  async say(from: Person, text: string): Promise<ShownCard> {
    const replies = await this.send(this.activities.message(from, text));
    assert.equal(replies.length, 1, `expected one reply to "${text}", got ${replies.length}`);
    const [reply] = replies;
    assert.ok(reply);
    return { card: cardOf(reply.activity), activityId: reply.assignedId };
  }

  /** Presses a button as Action.Execute, typing values first; returns the card that replaces it. */
  async execute(
    from: Person,
    card: CardJson,
    title: string,
    typed: Readonly<Record<string, string>> = {},
  ): Promise<CardJson> {
    const { verb, data } = press(card, title, typed);
    return this.executeData(from, verb, data);
  }

  /**
   * Presses a button whose answer comes below as a new message: the invoke is answered with
   * a short text and the pressed card stays as it was. Returns that text.
   */
  async pressCommand(from: Person, card: CardJson, title: string): Promise<string> {
    const { verb, data } = press(card, title, {});
    const reply = await this.post(this.activities.execute(from, verb, data));
    assert.equal(reply.status, 200, `the invoke was answered ${reply.status}`);
    const body = reply.body;
    assert.ok(isObject(body), `the invoke response has no body: ${JSON.stringify(body)}`);
    assert.equal(
      body.type,
      'application/vnd.microsoft.activity.message',
      'the card is left as it was',
    );
    return String(body.value);
  }

  /** Sends an Action.Execute with the given data; returns the card that replaces the pressed one. */
  async executeData(from: Person, verb: string, data: Record<string, unknown>): Promise<CardJson> {
    const reply = await this.post(this.activities.execute(from, verb, data));
    assert.equal(reply.status, 200, `the invoke was answered ${reply.status}`);
    const body = reply.body;
    assert.ok(isObject(body), `the invoke response has no body: ${JSON.stringify(body)}`);
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.ok(isObject(body.value), 'the invoke response carries no card');
    return body.value;
  }

  /**
   * Presses a button as Action.Submit (the fallback), typing values first; returns the card
   * the bot put in place of the pressed one (a PUT to its message).
   */
  async submit(
    from: Person,
    shown: ShownCard,
    title: string,
    typed: Readonly<Record<string, string>> = {},
  ): Promise<ShownCard> {
    const { data } = press(shown.card, title, typed);
    const mark = this.connector.mark();
    const activity = this.activities.submit(from, data, shown.activityId);
    const reply = await this.post(activity);
    assert.equal(reply.status, 200, `the submit was answered ${reply.status}`);
    const update = await this.connector.waitFor(
      (captured) => captured.method === 'PUT' && captured.pathActivityId === shown.activityId,
      { after: mark, timeoutMs: 2_000, description: `an update of card ${shown.activityId}` },
    );
    const sent = this.connector
      .since(mark)
      .filter((c) => c.method === 'POST' && c.activity.type === 'message');
    assert.deepEqual(sent, [], 'the submit should update the card, not post a new message');
    return { card: cardOf(update.activity), activityId: shown.activityId };
  }
}
