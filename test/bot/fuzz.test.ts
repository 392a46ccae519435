import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import type { App } from '../../bot/app.js';
import { RATING_VERBS } from '../../cards/rating-card.js';
import { STAGE_VERBS } from '../../cards/stage-inputs.js';
import { WIZARD_VERBS } from '../../cards/step-card.js';
import { STEP_IDS } from '../../core/flow/index.js';
import type { Person } from '../support/activities.js';
import { BotClient, type HttpReply } from '../support/bot-client.js';
import { cardOf, cardText, fieldErrors } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { newRecord, startBot, TestClock } from './post-award-support.js';

/**
 * Random and crafted input over HTTP, against the real adapter and store: whatever is sent,
 * the process stays up, no answer is a 5xx or carries internal text, no reply shows a stack
 * trace, and nothing refused changes a stored record.
 */

const NOW = '2026-06-02T08:30:00Z';
/** Each property's runs; every run is one or two HTTP round trips on 127.0.0.1. */
const RUNS = 120;

/** Words that only an internal error would put in an answer. */
const INTERNAL =
  /\bat [\w.<>]+ \(|\bat (file|node):|TypeError|ReferenceError|SyntaxError|RangeError|validateAndFixActivity|Cannot read prop|is not a function|ECONNREFUSED|\bstack\b|node_modules/;

const odd = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Texts people type, and texts crafted to break a parser. */
const messageText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc
    .tuple(
      fc.constantFrom(
        'new',
        'list',
        'open',
        'stages',
        'due',
        'rate',
        'suppliers',
        'share',
        'thresholds',
        'reminders',
        'help',
        'policy',
        'themes',
      ),
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom(
            'SV-2026-0001',
            'SV-9999-99999',
            '£1.5m',
            '250k',
            'on',
            'off',
            '<at>x</at>',
          ),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([command, args]) => [command, ...args].join(' ')),
  fc.nat(40_000).map((n) => '<'.repeat(n)),
  fc.nat(5_000).map((n) => `${'${'.repeat(n)}help`),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '<at>Social Value</at>',
    '<<<>>>',
    '\\',
    // A card template's binding, typed by a person: it must be shown as typed, never bound.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text a person types, on purpose
    '${x}',
    'open ../../etc',
  ),
);

describe('whatever Teams or a stranger sends', function () {
  this.timeout(120_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  const clock = new TestClock(NOW);
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  const { owner, colleague, tenantId } = freshTenant('fuzz');
  const references: string[] = [];

  before(async () => {
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    connector = await CaptureConnector.start();
    app = await startBot(clock);
    bot = new BotClient(app.url, connector);
    references.push(await newRecord(bot, owner), await newRecord(bot, owner));
  });

  after(async () => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
    await app.close();
    await connector.close();
  });

  /** Each stored record's ETag: a change to any shows as a new one. */
  async function etags(): Promise<string[]> {
    return Promise.all(
      references.map(async (reference) => {
        const found = await app.records.read(tenantId, reference);
        assert.ok(found, `${reference} is gone`);
        return found.etag;
      }),
    );
  }

  /** What every answer must hold to: no 5xx, no internal words, in the response or in replies. */
  function assertClean(reply: HttpReply, mark: number, what: unknown): void {
    const body = JSON.stringify(reply.body ?? '');
    // 501 is the protocol's plain answer to an invoke the bot does not take.
    const notTaken = reply.status === 501 && /does not handle that kind of request/.test(body);
    assert.ok(
      reply.status < 500 || notTaken,
      `answered ${reply.status} ${body} to ${JSON.stringify(what)}`,
    );
    assert.doesNotMatch(body, INTERNAL, `the response to ${JSON.stringify(what)}`);
    for (const sent of connector.since(mark)) {
      assert.doesNotMatch(
        JSON.stringify(sent.activity),
        INTERNAL,
        `a reply to ${JSON.stringify(what)}`,
      );
    }
  }

  it('survives random and crafted message texts', async () => {
    const before = await etags();
    await fc.assert(
      fc.asyncProperty(messageText, fc.boolean(), async (text, inChannel) => {
        const mark = connector.mark();
        const person: Person = inChannel
          ? colleague
          : { ...colleague, userId: `${colleague.userId}-x` };
        const activity = inChannel
          ? bot.activities.channelMention(person, text)
          : bot.activities.message(person, text);
        assertClean(await bot.post(activity), mark, text.slice(0, 80));
      }),
      { numRuns: RUNS },
    );
    // A stranger's messages change nobody's record.
    assert.deepEqual(await etags(), before);
    assert.deepEqual(crashes, []);
  });

  it('survives card payloads of every shape, and nothing refused changes a record', async () => {
    const verb = fc.oneof(
      fc.constantFrom(
        ...Object.values(WIZARD_VERBS),
        ...Object.values(STAGE_VERBS),
        ...Object.values(RATING_VERBS),
        'command',
      ),
      fc.string({ maxLength: 12 }),
      odd,
    );
    const data = fc.record(
      {
        verb,
        reference: fc.oneof(fc.constantFrom(...references), fc.string({ maxLength: 14 }), odd),
        step: fc.oneof(fc.constantFrom(...STEP_IDS), odd),
        revision: fc.oneof(fc.nat(5), fc.constantFrom('1', '-1', '1e9', 'NaN'), odd),
        stage: fc.oneof(fc.integer({ min: -2, max: 15 }), odd),
        due: fc.oneof(fc.constantFrom('2026-07-01', '2026-02-30', ''), odd),
        text: fc.oneof(fc.constantFrom('list', 'open SV-2026-0001', 'help'), odd),
        title: odd,
        description: odd,
        value: odd,
        awardDate: odd,
        contractLength: odd,
        ratingEvidence: odd,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        data,
        fc.constantFrom('owner', 'stranger'),
        fc.constantFrom('execute', 'submit'),
        async (payload, who, how) => {
          const person = who === 'owner' ? owner : colleague;
          const before = await etags();
          const mark = connector.mark();
          const activity =
            how === 'execute'
              ? bot.activities.execute(
                  person,
                  typeof payload.verb === 'string' ? payload.verb : 'not-a-verb',
                  payload,
                )
              : bot.activities.submit(person, payload, 'some-card');
          const reply = await bot.post(activity);
          assertClean(reply, mark, payload);
          const after = await etags();
          if (who === 'stranger') {
            assert.deepEqual(
              after,
              before,
              `a stranger changed a record with ${JSON.stringify(payload)}`,
            );
            return;
          }
          // The owner's card came back with errors beside its fields: refused, so unchanged.
          const card =
            how === 'execute'
              ? (reply.body as { value?: unknown } | undefined)?.value
              : connector.since(mark).find((c) => c.method === 'PUT')?.activity;
          const shown =
            how === 'execute'
              ? typeof card === 'object' && card !== null
                ? (card as ReturnType<typeof cardOf>)
                : undefined
              : card
                ? cardOf(card as Partial<Activity>)
                : undefined;
          if (shown && Object.keys(fieldErrors(shown)).length > 0) {
            assert.deepEqual(
              after,
              before,
              `a refused card changed a record: ${JSON.stringify(payload)}`,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
    assert.deepEqual(crashes, []);
  });

  it('answers malformed activities with a 4xx and no internal text', async () => {
    const base = () => bot.activities.message(colleague, 'help');
    const malformed = fc.oneof(
      fc.constant<Record<string, unknown>>({}),
      odd.map((type) => ({ ...base(), type })),
      fc.constant({ ...base(), type: undefined }),
      odd.map((id) => ({
        ...base(),
        conversation: { id, tenantId, conversationType: 'personal' },
      })),
      odd.map((conversation) => ({ ...base(), conversation })),
      odd.map((from) => ({ ...base(), from })),
      odd.map((serviceUrl) => ({ ...base(), serviceUrl })),
      odd.map((text) => ({ ...base(), text })),
      odd.map((entities) => ({ ...base(), entities })),
      odd.map((value) => ({ ...base(), value })),
      odd.map((channelData) => ({ ...base(), channelData })),
      odd.map((value) => ({ ...base(), type: 'invoke', name: 'adaptiveCard/action', value })),
      odd.map((action) => ({
        ...base(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action },
      })),
      odd.map((name) => ({ ...base(), type: 'invoke', name, value: {} })),
      odd.map((action) => ({ ...base(), type: 'installationUpdate', action })),
      odd.map((membersAdded) => ({ ...base(), type: 'conversationUpdate', membersAdded })),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (activity) => {
        const mark = connector.mark();
        assertClean(await bot.post(activity as Partial<Activity>), mark, activity);
      }),
      { numRuns: RUNS },
    );
    // Not JSON at all, and JSON that is not an object.
    for (const body of ['{', 'null', '[]', '"text"', '42']) {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      const text = await response.text();
      assert.ok(
        response.status >= 400 && response.status < 500,
        `${body}: ${response.status} ${text}`,
      );
      assert.doesNotMatch(text, INTERNAL, body);
    }
    assert.deepEqual(crashes, []);
    const health = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    assert.equal(health.status, 200, 'the bot still answers');
    // The owner's records are all still there and still listed.
    const { card } = await bot.say(owner, 'list');
    for (const reference of references) assert.match(cardText(card), new RegExp(reference));
  });
});
