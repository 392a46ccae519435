import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sinon from 'sinon';
import { createAdapter } from '../../bot/adapter.js';
import { type App, startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { createServer, listen, type RunningServer } from '../../bot/server.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { cardOf, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, STEP_TITLES } from '../support/officer.js';

interface Answer {
  status: number;
  text: string;
}

async function postRaw(
  url: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  method = 'POST',
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(8_000),
  });
  return { status: response.status, text: await response.text() };
}

/** The answer is `{ "error": "<plain words>" }`, and none of the internal text is in it. */
function assertPlain(answer: Answer, internal: RegExp): void {
  assert.doesNotMatch(answer.text, internal, 'the answer carries internal text');
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['error'], `not a plain error: ${answer.text}`);
  assert.equal(typeof body.error, 'string');
}

/** A port nothing listens on: a server's, closed again. */
async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A JWT as the Bot Framework channel issues it, unsigned: enough to make the SDK fetch its keys. */
function channelToken(appId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1_000);
  return [
    part({ alg: 'RS256', typ: 'JWT', kid: 'test-key' }),
    part({ iss: 'https://api.botframework.com', aud: appId, nbf: now - 60, exp: now + 3_600 }),
    'c2lnbmF0dXJl',
  ].join('.');
}

describe('the HTTP boundary of /api/messages', function () {
  this.timeout(20_000);

  describe('a bot with default settings', () => {
    let connector: CaptureConnector;
    let app: App;
    let bot: BotClient;
    let messages: string;
    let owner: Person;
    let logs: string[];

    before(async () => {
      connector = await CaptureConnector.start();
      logs = [];
      app = await startApp(
        loadConfig({ NODE_ENV: 'test', PORT: '0', REMINDER_SWEEP_MINUTES: '0' }),
        { logger: createLogger((line) => logs.push(line)) },
      );
      bot = new BotClient(app.url, connector);
      messages = `${app.url}/api/messages`;
      owner = freshTenant('boundary').owner;
    });

    after(async () => {
      await app.close();
      await connector.close();
    });

    const json = (value: unknown) => JSON.stringify(value);

    it('answers an activity without a type 400 in plain words, and no turn runs', async () => {
      const { type: _type, ...untyped } = bot.activities.message(owner, 'new');
      const mark = connector.mark();
      const answer = await postRaw(messages, json(untyped));
      assert.equal(answer.status, 400);
      assertPlain(answer, /validateAndFixActivity|Internal|missing activity type/);
      assert.deepEqual(connector.since(mark), [], 'nothing may be sent for it');
    });

    it('answers a card action whose value is not an object 400, not 501', async () => {
      const invoke = { ...bot.activities.execute(owner, 'command', {}), value: 'a string' };
      const answer = await postRaw(messages, json(invoke));
      assert.equal(answer.status, 400);
      assertPlain(answer, /Cannot read|undefined/);
    });

    for (const [field, change] of [
      ['conversation.id', (a: Record<string, unknown>) => ({ ...a, conversation: { id: 42 } })],
      ['from.id', (a: Record<string, unknown>) => ({ ...a, from: { name: 'No id' } })],
      ['serviceUrl', (a: Record<string, unknown>) => ({ ...a, serviceUrl: 7 })],
    ] as const) {
      it(`answers a message whose ${field} is missing or not text 400, and no turn runs`, async () => {
        const mark = connector.mark();
        const answer = await postRaw(
          messages,
          json(change(bot.activities.message(owner, 'new') as Record<string, unknown>)),
        );
        assert.equal(answer.status, 400);
        assertPlain(answer, /must be of type|Internal|Error/);
        assert.deepEqual(connector.since(mark), [], 'nothing may be sent for it');
      });
    }

    for (const [what, body, internal] of [
      ['a body that is not JSON', '{"type": "message",', /Invalid JSON|position|InvalidContent/],
      ['an array', json([{ type: 'message', text: 'new' }]), /req\.body|middleware/],
      ['null', 'null', /req\.body|middleware/],
      ['a string', json('message'), /req\.body|middleware/],
    ] as const) {
      it(`answers ${what} 400 in plain words`, async () => {
        const answer = await postRaw(messages, body);
        assert.equal(answer.status, 400);
        assertPlain(answer, internal);
      });
    }

    it('answers a body over the size limit 413 in plain words', async () => {
      const huge = json({ ...bot.activities.message(owner, 'x'), text: 'x'.repeat(1_100_000) });
      const answer = await postRaw(messages, huge);
      assert.equal(answer.status, 413);
      assertPlain(answer, /exceeds|1000000|PayloadTooLarge/);
    });

    for (const [what, headers, body] of [
      ['text', { 'content-type': 'text/plain' }, 'new'],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'type=message'],
      ['no content type', {}, undefined],
    ] as const) {
      it(`answers ${what} 415 in plain words`, async () => {
        const answer = await postRaw(messages, body, headers);
        assert.equal(answer.status, 415);
        assertPlain(answer, /req\.body|middleware|validateAndFixActivity|Internal/);
      });
    }

    it('answers another method 405 and an unknown path 404, in plain words', async () => {
      const get = await postRaw(messages, undefined, {}, 'GET');
      assert.equal(get.status, 405);
      assertPlain(get, /MethodNotAllowed|GET is not allowed/);
      const unknown = await postRaw(`${app.url}/api/nowhere`, '{}');
      assert.equal(unknown.status, 404);
      assertPlain(unknown, /nowhere|ResourceNotFound/);
    });

    it('answers a card button whose turn fails 500 in plain words, not 501', async () => {
      const list = sinon.stub(app.records, 'list').rejects(new Error('Cosmos DB is unavailable'));
      try {
        const invoke = bot.activities.execute(owner, 'command', { verb: 'command', text: 'list' });
        const answer = await postRaw(messages, json(invoke));
        assert.equal(answer.status, 500);
        assertPlain(answer, /Cosmos/);
      } finally {
        list.restore();
      }
    });

    it('still takes an activity sent as JSON with a charset, and logs what it refused', async () => {
      const message = bot.activities.message(owner, 'new');
      const answer = await postRaw(messages, json(message), {
        'content-type': 'application/json; charset=utf-8',
      });
      assert.equal(answer.status, 200);
      const reply = await connector.waitFor(
        (c) => c.pathActivityId === message.id && c.activity.type === 'message',
        { description: 'the new record card' },
      );
      assert.equal(cardTitle(cardOf(reply.activity)), STEP_TITLES.basics);
      const refused = logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.event === 'activity.refused' || line.event === 'http.refused');
      assert.ok(refused.some((line) => String(line.fields).includes('type')));
      assert.ok(refused.some((line) => /Invalid JSON/.test(String(line.error))));
    });
  });

  describe('with an app id whose token validation cannot fetch the OpenID metadata', () => {
    let running: RunningServer;
    let turns: number;
    let logs: string[];

    before(async () => {
      const config = loadConfig({
        NODE_ENV: 'test',
        MicrosoftAppId: 'test-app-id',
        MicrosoftAppPassword: 'any-secret',
      });
      logs = [];
      const logger = createLogger((line) => logs.push(line));
      const unreachable = `http://127.0.0.1:${await closedPort()}/.well-known/openidconfiguration`;
      turns = 0;
      const server = createServer({
        config,
        // The public cloud's settings, with its OpenID metadata somewhere unreachable (the
        // SDK takes all of them or none).
        adapter: createAdapter(config, logger, {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          CallerId: 'urn:botframework:azure',
          ToBotFromChannelOpenIdMetadataUrl: unreachable,
          ToBotFromEmulatorOpenIdMetadataUrl: unreachable,
        }),
        logger,
        handleTurn: async () => {
          turns += 1;
        },
        databaseReachable: async () => true,
        runReminders: async () => ({}),
      });
      running = await listen(server, '127.0.0.1', 0);
    });

    after(async () => {
      await running.close();
    });

    it('answers a request without a valid token 401 in plain words', async () => {
      const connector = await CaptureConnector.start();
      const consoleError = sinon.stub(console, 'error');
      try {
        const bot = new BotClient(running.url, connector);
        const message = bot.activities.message(freshTenant('no-token').owner, 'new');
        const tries: Record<string, string>[] = [{}, { authorization: 'Bearer not-a-token' }];
        for (const headers of tries) {
          const answer = await postRaw(`${running.url}/api/messages`, JSON.stringify(message), {
            'content-type': 'application/json',
            ...headers,
          });
          assert.equal(answer.status, 401);
          assertPlain(answer, /Unauthorized Access|No valid identity|Authorization|token/i);
        }
        assert.equal(turns, 0);
      } finally {
        consoleError.restore();
        await connector.close();
      }
    });

    it('answers a plain 5xx, with the fetch error in the log only', async () => {
      const connector = await CaptureConnector.start();
      // botbuilder prints the error to the console too; the test reads the bot's log instead.
      const consoleError = sinon.stub(console, 'error');
      try {
        const bot = new BotClient(running.url, connector);
        const message = bot.activities.message(freshTenant('openid').owner, 'new');
        const answer = await postRaw(`${running.url}/api/messages`, JSON.stringify(message), {
          'content-type': 'application/json',
          authorization: `Bearer ${channelToken('test-app-id')}`,
        });
        assert.ok(answer.status >= 500 && answer.status < 600, `answered ${answer.status}`);
        assertPlain(answer, /ECONNREFUSED|127\.0\.0\.1|openid|request to|fetch/i);
        assert.equal(turns, 0);
        assert.ok(
          logs.some((line) => /ECONNREFUSED|request to/.test(line)),
          'the log should say why',
        );
      } finally {
        consoleError.restore();
        await connector.close();
      }
    });
  });
});
