import assert from 'node:assert/strict';
import { generateKeyPair } from 'jose';
import type { App } from '../../bot/app.js';
import type { LogFields, Logger } from '../../bot/log.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { AUDIENCE, api, figures, KeyServer, seed } from './support.js';

/**
 * The dashboard's data is reached only with a valid Teams sign-in token: checked against a
 * key server standing in for Entra's, with keys this test made, at every edge a token can be
 * wrong. A refused request gets 401 with plain words and no figures, and no token is logged.
 */

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const OFFICER = { id: 'officer-oid', name: 'Olivia Officer' };
const COLLEAGUE = { id: 'colleague-oid', name: 'Colin Colleague' };
const LEAD = { id: 'lead-oid', name: 'Lena Lead' };
const NOW = '2026-06-01T09:00:00.000Z';

/** Every line the bot logs, to show that no token reaches the log. */
function capturingLogger(lines: string[]): Logger {
  const log = (event: string, fields?: LogFields) =>
    lines.push(`${event} ${JSON.stringify(fields ?? {})}`);
  const logger: Logger = { info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('dashboard sign-in', function () {
  this.timeout(30_000);
  let keys: KeyServer;
  let app: App;
  const clock = new TestClock(NOW);
  const logged: string[] = [];
  const now = () => new Date(NOW);

  before(async () => {
    keys = await KeyServer.start();
    app = await startBot(
      clock,
      {
        SSO_APP_ID_URI: AUDIENCE,
        SSO_AUTHORITY: keys.url,
        SSO_V1_ISSUER: `${keys.url}/sts`,
        ALLOWED_TENANT_IDS: `${TENANT},${OTHER_TENANT}`,
        PROCUREMENT_LEAD_IDS: LEAD.id,
      },
      { logger: capturingLogger(logged) },
    );
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner: OFFICER,
        title: 'Custody cleaning',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
      {
        reference: 'SV-2026-0002',
        tenantId: TENANT,
        owner: OFFICER,
        title: 'Fleet tyres',
        createdAt: '2026-02-10T10:00:00.000Z',
        complete: true,
        awardDate: '2026-03-01',
      },
      {
        reference: 'SV-2026-0003',
        tenantId: TENANT,
        owner: COLLEAGUE,
        title: 'Shared uniforms',
        createdAt: '2026-03-10T10:00:00.000Z',
        collaboratorIds: [OFFICER.id],
      },
      {
        reference: 'SV-2026-0004',
        tenantId: TENANT,
        owner: COLLEAGUE,
        title: 'Colleague only',
        createdAt: '2026-04-10T10:00:00.000Z',
        complete: true,
      },
      {
        reference: 'SV-2026-0005',
        tenantId: OTHER_TENANT,
        owner: OFFICER,
        title: 'Another force',
        createdAt: '2026-04-10T10:00:00.000Z',
      },
    ]);
  });
  after(async () => {
    await app?.close();
    await keys?.close();
  });

  const token = (oid: string, name: string, tid = TENANT) =>
    keys.sign({ tid, oid, name }, { now: now() });

  /** A refusal: 401, plain words, and none of the view's data. */
  function assertRefused(answer: { status: number; body: Record<string, unknown> }) {
    assert.equal(answer.status, 401);
    assert.deepEqual(Object.keys(answer.body), ['error']);
    assert.match(
      String(answer.body.error),
      /^Sign in to see the dashboard: open it from the Dashboard tab/,
    );
  }

  it("lets an officer see their own records and those shared with them, and no one else's", async () => {
    const answer = await api(app, '/api/dashboard/pipeline', await token(OFFICER.id, OFFICER.name));
    assert.equal(answer.status, 200);
    assert.deepEqual(figures(answer.body, 'by-status'), [
      ['Draft', 2],
      ['Complete, not awarded yet', 0],
      ['Awarded', 1],
      ['Closed (ended or terminated)', 0],
    ]);
    const records = (answer.body.tables as { id: string; rows: string[][] }[]).find(
      (t) => t.id === 'records',
    );
    assert.deepEqual(records?.rows.map((row) => row[0]).sort(), [
      'SV-2026-0001',
      'SV-2026-0002',
      'SV-2026-0003',
    ]);
    assert.deepEqual(answer.body.viewer, { name: OFFICER.name, isProcurementLead: false });
  });

  it("lets a procurement lead see every record of the tenant, and none of another tenant's", async () => {
    const answer = await api(app, '/api/dashboard/pipeline', await token(LEAD.id, LEAD.name));
    assert.equal(answer.status, 200);
    assert.deepEqual(figures(answer.body, 'by-status'), [
      ['Draft', 2],
      ['Complete, not awarded yet', 1],
      ['Awarded', 1],
      ['Closed (ended or terminated)', 0],
    ]);
    assert.deepEqual(answer.body.viewer, { name: LEAD.name, isProcurementLead: true });
  });

  it('keeps the same person in another tenant to that tenant', async () => {
    const answer = await api(
      app,
      '/api/dashboard/pipeline',
      await token(OFFICER.id, OFFICER.name, OTHER_TENANT),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(figures(answer.body, 'by-status'), [
      ['Draft', 1],
      ['Complete, not awarded yet', 0],
      ['Awarded', 0],
      ['Closed (ended or terminated)', 0],
    ]);
  });

  it('accepts the v1 issuer of the tenant too', async () => {
    const v1 = await keys.sign(
      { tid: TENANT, oid: OFFICER.id },
      { now: now(), issuer: `${keys.url}/sts/${TENANT}/` },
    );
    assert.equal((await api(app, '/api/dashboard/due', v1)).status, 200);
  });

  it('refuses a request with no token, or with something else in the header', async () => {
    assertRefused(await api(app, '/api/dashboard/pipeline'));
    assertRefused(await api(app, '/api/dashboard/pipeline', 'not-a-token'));
    const response = await fetch(`${app.url}/api/dashboard/pipeline.csv`, {
      headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    });
    assert.equal(response.status, 401);
    assert.doesNotMatch(await response.text(), /SV-2026/);
  });

  it('refuses a token for another audience', async () => {
    assertRefused(
      await api(
        app,
        '/api/dashboard/pipeline',
        await keys.sign(
          { tid: TENANT, oid: OFFICER.id, aud: 'api://elsewhere/app' },
          { now: now() },
        ),
      ),
    );
  });

  it('refuses a token from another issuer', async () => {
    assertRefused(
      await api(
        app,
        '/api/dashboard/pipeline',
        await keys.sign(
          { tid: TENANT, oid: OFFICER.id },
          { now: now(), issuer: `${keys.url}/${OTHER_TENANT}/v2.0` },
        ),
      ),
    );
    assertRefused(
      await api(
        app,
        '/api/dashboard/pipeline',
        await keys.sign(
          { tid: TENANT, oid: OFFICER.id },
          { now: now(), issuer: 'https://evil.example/v2.0' },
        ),
      ),
    );
  });

  it('refuses an expired token', async () => {
    const expired = await keys.sign(
      { tid: TENANT, oid: OFFICER.id },
      { now: new Date(Date.parse(NOW) - 2 * 3600_000), expiresIn: 3600 },
    );
    assertRefused(await api(app, '/api/dashboard/pipeline', expired));
  });

  it('refuses a token signed by another key under the same key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await keys.sign(
      { tid: TENANT, oid: OFFICER.id },
      { now: now(), key: privateKey },
    );
    assertRefused(await api(app, '/api/dashboard/pipeline', forged));
  });

  it('refuses alg none, and a token signed with HS256', async () => {
    const real = await token(LEAD.id, LEAD.name);
    const [, payload] = real.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    assertRefused(await api(app, '/api/dashboard/pipeline', none));
    const { createHmac } = await import('node:crypto');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: keys.kid })).toString(
      'base64url',
    );
    const mac = createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url');
    assertRefused(await api(app, '/api/dashboard/pipeline', `${header}.${payload}.${mac}`));
  });

  it('refuses a tenant outside the allow-list without asking for its keys', async () => {
    const before = keys.requests;
    const outsider = await keys.sign(
      { tid: '00000000-aaaa-4bbb-8ccc-dddddddddddd', oid: OFFICER.id },
      { now: now() },
    );
    assertRefused(await api(app, '/api/dashboard/pipeline', outsider));
    assertRefused(await api(app, '/api/dashboard/export.xlsx', outsider));
    assert.equal(keys.requests, before);
  });

  it('refuses a token with no user in it', async () => {
    assertRefused(
      await api(app, '/api/dashboard/pipeline', await keys.sign({ tid: TENANT }, { now: now() })),
    );
  });

  it('answers a bad filter with what to fix, in plain words', async () => {
    const answer = await api(
      app,
      '/api/dashboard/pipeline?from=2026-13-01&status=lost',
      await token(OFFICER.id, OFFICER.name),
    );
    assert.equal(answer.status, 400);
    assert.equal(
      answer.body.error,
      'The "from" date must be a real date, like 2026-04-01. The status must be draft, complete, awarded or closed.',
    );
  });

  it('says there is no such view, for a name it does not know', async () => {
    const answer = await api(app, '/api/dashboard/secrets', await token(OFFICER.id, OFFICER.name));
    assert.equal(answer.status, 404);
    assert.equal(
      answer.body.error,
      'There is no such view of the dashboard. Choose one of its tabs.',
    );
  });

  it('never writes a token to the log', async () => {
    const used = await token(OFFICER.id, OFFICER.name);
    await api(app, '/api/dashboard/pipeline', `${used}x`);
    assert.ok(logged.some((line) => line.startsWith('dashboard.refused')));
    const signature = used.split('.')[2] ?? '';
    assert.ok(
      !logged.some(
        (line) => line.includes(signature.slice(0, 20)) || line.includes(used.slice(0, 30)),
      ),
    );
  });

  it('has no local sign-in when Teams sign-in is set', async () => {
    const response = await fetch(`${app.url}/dashboard/local/people`);
    assert.equal(response.status, 404);
  });
});
