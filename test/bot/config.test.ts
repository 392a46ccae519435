import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../bot/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'a-secret',
  COSMOS_ENDPOINT: 'https://social-value.documents.azure.com:443/',
} as const;

/** The ConfigError loadConfig throws for an environment, with the settings it names. */
function refusal(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`the settings ${JSON.stringify(env)} were accepted`);
}

const settingsNamed = (error: ConfigError): string[] =>
  error.problems.map((problem) => problem.setting).sort();

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3978 in development, with no credentials, lists or endpoint', () => {
    const config = loadConfig({});
    assert.equal(config.HOST, '127.0.0.1');
    assert.equal(config.PORT, 3978);
    assert.equal(config.NODE_ENV, 'development');
    assert.equal(config.MicrosoftAppId, undefined);
    assert.equal(config.COSMOS_ENDPOINT, undefined);
    assert.deepEqual(config.ALLOWED_TENANT_IDS, []);
    assert.deepEqual(config.PROCUREMENT_LEAD_IDS, []);
  });

  it('reads HOST and PORT', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080', MicrosoftAppId: 'app-id' });
    assert.equal(config.HOST, '0.0.0.0');
    assert.equal(config.PORT, 8080);
  });

  it('refuses to listen where other machines can reach it without credentials', () => {
    for (const HOST of ['0.0.0.0', '10.1.2.3', '::', 'bot.example.org']) {
      assert.throws(
        () => loadConfig({ HOST }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.problems.some((p) => p.setting === 'HOST' && /MicrosoftAppId/.test(p.message)),
        HOST,
      );
    }
    for (const HOST of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      assert.equal(loadConfig({ HOST }).HOST, HOST);
    }
    assert.equal(loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'app-id' }).HOST, '0.0.0.0');
    const allowed = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_REMOTE: 'true' });
    assert.equal(allowed.ALLOW_UNAUTHENTICATED_REMOTE, true);
    assert.throws(
      () => loadConfig({ ALLOW_UNAUTHENTICATED_REMOTE: 'yes please' }),
      /ALLOW_UNAUTHENTICATED_REMOTE must be true or false/,
    );
  });

  it('takes a blank PORT as unset, not as port 0', () => {
    assert.equal(loadConfig({ PORT: '' }).PORT, 3978);
    assert.equal(loadConfig({ PORT: '  ' }).PORT, 3978);
  });

  for (const port of ['abc', '3.5', '-1', '65536', '80 80']) {
    it(`refuses PORT=${port}, naming PORT`, () => {
      const error = refusal({ PORT: port });
      assert.deepEqual(settingsNamed(error), ['PORT']);
      assert.match(error.message, /^The bot cannot start: fix these settings\.\n {2}PORT must be /);
    });
  }

  it('refuses production without credentials or a database, naming each in one error', () => {
    const error = refusal({ NODE_ENV: 'production' });
    assert.deepEqual(settingsNamed(error), [
      'COSMOS_ENDPOINT',
      'MicrosoftAppId',
      'MicrosoftAppPassword',
    ]);
    for (const setting of ['MicrosoftAppId', 'MicrosoftAppPassword', 'COSMOS_ENDPOINT']) {
      assert.match(error.message, new RegExp(`^ {2}${setting} is required in production`, 'm'));
    }
  });

  it('names only what is missing in production', () => {
    const error = refusal({ ...PRODUCTION, MicrosoftAppPassword: '  ' });
    assert.deepEqual(settingsNamed(error), ['MicrosoftAppPassword']);
  });

  it('names a bad setting and the missing ones together', () => {
    const error = refusal({ NODE_ENV: 'production', PORT: 'eighty', COSMOS_ENDPOINT: 'nope' });
    assert.deepEqual(settingsNamed(error), [
      'COSMOS_ENDPOINT',
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'PORT',
    ]);
    assert.match(error.message, /COSMOS_ENDPOINT must be the Cosmos DB account URL/);
  });

  it('loads production with credentials and a database', () => {
    const config = loadConfig(PRODUCTION);
    assert.equal(config.NODE_ENV, 'production');
    assert.equal(config.MicrosoftAppId, PRODUCTION.MicrosoftAppId);
    assert.equal(config.MicrosoftAppPassword, PRODUCTION.MicrosoftAppPassword);
    assert.equal(config.COSMOS_ENDPOINT, PRODUCTION.COSMOS_ENDPOINT);
  });

  it('asks for the tenant id of a single-tenant app', () => {
    const error = refusal({ ...PRODUCTION, MicrosoftAppType: 'SingleTenant' });
    assert.deepEqual(settingsNamed(error), ['MicrosoftAppTenantId']);
    const config = loadConfig({
      ...PRODUCTION,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-1',
    });
    assert.equal(config.MicrosoftAppTenantId, 'tenant-1');
  });

  it('refuses an unknown NODE_ENV, naming it', () => {
    assert.deepEqual(settingsNamed(refusal({ NODE_ENV: 'prod' })), ['NODE_ENV']);
  });

  it("reads POLICY_REVIEW_DUE as the force's review date: unset or blank is none, a non-date is refused", () => {
    assert.equal(loadConfig({}).POLICY_REVIEW_DUE, undefined);
    assert.equal(loadConfig({ POLICY_REVIEW_DUE: ' ' }).POLICY_REVIEW_DUE, undefined);
    assert.equal(loadConfig({ POLICY_REVIEW_DUE: '2027-04-01' }).POLICY_REVIEW_DUE, '2027-04-01');
    for (const bad of ['2027-02-30', 'April 2027', '01/04/2027']) {
      const error = refusal({ POLICY_REVIEW_DUE: bad });
      assert.deepEqual(settingsNamed(error), ['POLICY_REVIEW_DUE'], bad);
      assert.match(error.problems[0]?.message ?? '', /real date written YYYY-MM-DD/);
    }
  });

  it('reads ALLOWED_TENANT_IDS and PROCUREMENT_LEAD_IDS as comma lists', () => {
    const config = loadConfig({
      ALLOWED_TENANT_IDS: ' tenant-a, tenant-b ,,tenant-c, ',
      PROCUREMENT_LEAD_IDS: 'lead-1',
    });
    assert.deepEqual(config.ALLOWED_TENANT_IDS, ['tenant-a', 'tenant-b', 'tenant-c']);
    assert.deepEqual(config.PROCUREMENT_LEAD_IDS, ['lead-1']);
    assert.deepEqual(loadConfig({ ALLOWED_TENANT_IDS: ' , ' }).ALLOWED_TENANT_IDS, []);
  });
});

describe('npm run bot', () => {
  it('exits non-zero in production without settings, naming them, and never listens', async function () {
    this.timeout(30_000);
    const env: Record<string, string> = { NODE_ENV: 'production' };
    for (const name of ['PATH', 'HOME', 'TMPDIR']) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the bot did not exit within 25 s; it printed ${stdout}${stderr}`));
      }, 25_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });

    assert.notEqual(code, 0);
    assert.notEqual(code, null);
    assert.match(stderr, /The bot cannot start: fix these settings\./);
    for (const setting of ['MicrosoftAppId', 'MicrosoftAppPassword', 'COSMOS_ENDPOINT']) {
      assert.match(stderr, new RegExp(`^ {2}${setting} `, 'm'), `${setting} is not named`);
    }
    assert.doesNotMatch(stdout, /bot\.listening/);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/, 'a stack trace is no way to report settings');
  });
});
