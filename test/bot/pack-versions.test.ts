import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../bot/app.js';
import { PackFileError } from '../../bot/policy-pack.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { BotClient } from '../support/bot-client.js';
import { cardOf, cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant } from '../support/officer.js';
import { VERSION_2026, VERSION_2027 } from '../support/pack-versions.js';
import { referenceOf, startBot, TestClock } from './post-award-support.js';

const BEFORE = '2027-03-20T10:00:00Z';
const AFTER = '2027-04-05T10:00:00Z';
const OTHER_FORCE: PolicyPack = {
  ...VERSION_2026,
  id: 'eastmoor',
  name: 'Eastmoor Police Social Value Policy',
  version: 'eastmoor-1',
  inForceFrom: undefined,
};

async function packFolder(dir: string, packs: readonly PolicyPack[]): Promise<string> {
  const folder = join(dir, 'packs');
  await import('node:fs/promises').then((fs) => fs.mkdir(folder));
  for (const pack of packs) {
    await writeFile(join(folder, `${pack.id}-${pack.version}.json`), JSON.stringify(pack), 'utf8');
  }
  return folder;
}

/** The texts of every message the bot sent in reply to one typed message. */
async function sayAll(
  bot: BotClient,
  from: Parameters<BotClient['say']>[0],
  text: string,
): Promise<Record<string, unknown>[]> {
  const replies = await bot.send(bot.activities.message(from, text));
  return replies.map((reply) => cardOf(reply.activity));
}

describe('policy versions and tenants in one deployment (POLICY_PACK_DIR, TENANT_PACKS)', function () {
  this.timeout(60_000);
  let dir: string;
  let connector: CaptureConnector;
  let app: App | undefined;
  before(async () => {
    connector = await CaptureConnector.start();
  });
  after(async () => {
    await connector.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sv-pack-versions-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a new record the version in force that day, keeps it, and offers its owner a reassessment once a newer one is in force', async () => {
    const clock = new TestClock(BEFORE);
    const folder = await packFolder(dir, [VERSION_2026, VERSION_2027]);
    app = await startBot(clock, { POLICY_PACK_DIR: folder });
    const bot = new BotClient(app.url, connector);
    const { owner, colleague, tenantId } = freshTenant('versions');
    const viewer = { tenantId, userId: owner.userId, isProcurementLead: false };

    const policy = cardText((await bot.say(owner, 'policy')).card);
    assert.match(policy, /^Version in force: 2026\.1$/m);
    assert.match(
      policy,
      /^\*\*2027\.1\*\*: takes effect on 1 April 2027; review due 31 March 2028$/m,
    );

    const first = (await bot.say(owner, 'new')).card;
    const before = referenceOf(first);
    await bot.execute(owner, first, 'Continue', {
      title: 'Custody healthcare',
      category: 'services',
      concession: 'false',
      value: '£120,000',
      contractMonths: '36',
      procurementStart: '2027-03-25',
      keyProvider: 'false',
      competitive: 'true',
    });
    const stored = await app.records.get(viewer, before);
    assert.deepEqual(stored?.record.policy, { id: VERSION_2026.id, version: '2026.1' });

    clock.set(AFTER);
    const later = (await bot.say(owner, 'new another')).card;
    const after = referenceOf(later);
    const newer = await app.records.get(viewer, after);
    assert.deepEqual(newer?.record.policy, { id: VERSION_2026.id, version: '2027.1' });
    const revised = cardText((await bot.say(owner, 'policy')).card);
    assert.match(revised, /^Version in force: 2027\.1$/m);
    assert.match(revised, /^\*\*2026\.1\*\*: in force from 1 April 2026 until 31 March 2027$/m);

    // The older record keeps its version: opening it shows it as it was, and the offer.
    const opened = await sayAll(bot, owner, `open ${before}`);
    assert.equal(opened.length, 2, 'the record, then the offer to reassess');
    const offer = opened[1] ?? {};
    assert.match(
      cardText(offer),
      /Assessed under 2026\.1; 2027\.1 is now in force \(since 1 April 2027\)\./,
    );
    // A colleague it is shared with sees the record, not the owner's offer.
    const mention = `<at>${colleague.name}</at>`;
    await bot.send({
      ...bot.activities.message(owner, `share ${before} ${mention}`),
      entities: [
        {
          type: 'mention',
          text: mention,
          mentioned: { id: colleague.userId, name: colleague.name },
        },
      ],
    });
    const seen = await sayAll(bot, colleague, `open ${before}`);
    assert.equal(seen.length, 1, 'the record alone');
    assert.match(cardText(seen[0] ?? {}), new RegExp(before));
    assert.doesNotMatch(cardText(seen[0] ?? {}), /is now in force/);
    // Nor can the colleague reassess it with the owner's button.
    const forged = await bot.execute(colleague, offer, 'Reassess under 2027.1');
    assert.match(cardText(forged), /Only the record’s owner can reassess it/);

    const reassessed = await bot.execute(owner, offer, 'Reassess under 2027.1');
    assert.equal(cardTitle(reassessed), `${before} reassessed under 2027.1`);
    const text = cardText(reassessed);
    assert.match(
      text,
      /The policy's own threshold for this contract: £100,000 before, £150,000 now\./,
    );
    assert.match(text, /In the policy's scope: yes before, no now\./);
    assert.match(text, /The weighting allowed on social value: 0% to 10% before, 0% to 15% now\./);

    const moved = await app.records.get(viewer, before);
    assert.deepEqual(moved?.record.policy, { id: VERSION_2026.id, version: '2027.1' });
    const entry = moved?.record.history.at(-1);
    assert.equal(entry?.action, 'reassessed');
    assert.deepEqual(entry?.changes[0], { field: 'policy.version', from: '2026.1', to: '2027.1' });
    assert.equal(moved?.record.assessment?.inScope, false);

    // Up to date now: no offer, and pressing the old button again changes nothing.
    assert.equal((await sayAll(bot, owner, `open ${before}`)).length, 1);
    const again = await bot.execute(owner, offer, 'Reassess under 2027.1');
    assert.equal(cardTitle(again), `${before} is up to date`);
    const unchanged = await app.records.get(viewer, before);
    assert.equal(unchanged?.record.revision, moved?.record.revision);
  });

  it('maps each tenant to its own pack: each sees its own policy and records, an unmapped one none', async () => {
    const clock = new TestClock(AFTER);
    const north = freshTenant('north');
    const east = freshTenant('east');
    const stranger = freshTenant('stranger');
    const folder = await packFolder(dir, [VERSION_2026, VERSION_2027, OTHER_FORCE]);
    app = await startBot(clock, {
      POLICY_PACK_DIR: folder,
      TENANT_PACKS: `${north.tenantId}=${VERSION_2026.id}, ${east.tenantId}=eastmoor`,
    });
    const bot = new BotClient(app.url, connector);

    assert.match(
      cardText((await bot.say(north.owner, 'policy')).card),
      new RegExp(`^Policy: ${VERSION_2026.name}$`, 'm'),
    );
    const eastPolicy = cardText((await bot.say(east.owner, 'policy')).card);
    assert.match(eastPolicy, /^Policy: Eastmoor Police Social Value Policy$/m);
    assert.doesNotMatch(eastPolicy, /2026\.1|2027\.1/);

    const eastCard = (await bot.say(east.owner, 'new')).card;
    const eastRecord = referenceOf(eastCard);
    const stored = await app.records.get(
      { tenantId: east.tenantId, userId: east.owner.userId, isProcurementLead: false },
      eastRecord,
    );
    assert.deepEqual(stored?.record.policy, { id: 'eastmoor', version: 'eastmoor-1' });
    // The other tenant's lead cannot open it, nor find it listed.
    const opened = cardText((await bot.say(north.lead, `open ${eastRecord}`)).card);
    assert.match(opened, /I could not find/);
    assert.doesNotMatch(cardText((await bot.say(north.lead, 'list')).card), new RegExp(eastRecord));

    const refused = await bot.send(bot.activities.message(stranger.owner, 'new'));
    assert.equal(refused.length, 1);
    assert.match(String(refused[0]?.activity.text), /no policy pack for your organisation/);
  });

  it('refuses to start on a folder whose versions clash, listing every problem', async () => {
    const clock = new TestClock(AFTER);
    const folder = await packFolder(dir, [
      VERSION_2026,
      { ...VERSION_2027, inForceFrom: undefined },
      { ...VERSION_2026, version: '2026.2' },
    ]);
    await writeFile(join(folder, 'broken.json'), '{"id": "x"', 'utf8');
    await assert.rejects(startBot(clock, { POLICY_PACK_DIR: folder }), (error: unknown) => {
      assert.ok(error instanceof PackFileError);
      assert.match(error.message, /POLICY_PACK_DIR\) has/);
      const lines = error.problems.map((p) => `${p.path} ${p.message}`);
      assert.ok(
        lines.some((line) => line.startsWith(join(folder, 'broken.json'))),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((line) => /inForceFrom is missing/.test(line)),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((line) => /two versions taking effect on 2026-04-01/.test(line)),
        lines.join('\n'),
      );
      return true;
    });
  });
});
