import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import type { App } from '../../bot/app.js';
import { readSpendFile } from '../../bot/spend/read-spend-file.js';
import { readSupplierFile } from '../../bot/spend/read-supplier-file.js';
import { builtInPack } from '../../core/policy/index.js';
import { setTarget } from '../../core/spend/targets.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { startBot, TestClock } from './post-award-support.js';

/**
 * `spend` in chat, for procurement leads: the latest year against the baseline, the suppliers
 * to fill in, and the button to the dashboard's spend view. The figures come from the example
 * files in examples/ (worked out by hand in test/bot/spend-example.test.ts):
 *   2024-25, the baseline (every month has payments): total £34,900; SMEs £19,500 (Eden
 *   £3,600 small, Kendal £2,400 micro, Solway £7,500 medium, Northern IT £6,000 listed SME
 *   with no band) = 55.9%; local £13,500 (Eden CA11, Kendal LA9, Solway CA2) = 38.7%,
 *   all of it SME; VCSE £2,400 (Kendal) = 6.9%; six suppliers paid.
 *   2025-26 so far: one payment, £1,200 to Eden (small and local): 100% SME and local.
 *   Missing: no size for Lancaster Print (£800, not on the list); no postcode for Northern IT
 *   (£6,000) and Lancaster Print.
 */

const TENANT = 'tenant-spend-chat';
const LEAD = { tenantId: TENANT, userId: 'spend-lead', name: 'Lena Lead' };
const OFFICER = { tenantId: TENANT, userId: 'spend-officer', name: 'Olly Officer' };
const NOW = '2025-05-20T09:00:00.000Z';
const TEAMS_APP = '5d2b7c1e-3b4d-4e5f-a061-7c8d9e0f1a2c';

describe('the spend command', function () {
  this.timeout(30_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(new TestClock(NOW), {
      PROCUREMENT_LEAD_IDS: LEAD.userId,
      TEAMS_APP_ID: TEAMS_APP,
    });
    bot = new BotClient(app.url, connector);
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  it('tells a lead that nothing is imported yet, and where to import', async () => {
    const { card } = await bot.say(LEAD, 'spend');
    assert.equal(cardTitle(card), 'Spend baseline');
    assert.match(cardText(card), /No payment data has been imported yet/);
  });

  it('is refused to an officer who is not a procurement lead, with no figures', async () => {
    const { card } = await bot.say(OFFICER, 'spend');
    const text = cardText(card);
    assert.match(text, /for procurement leads/);
    assert.doesNotMatch(text, /£/);
  });

  it('gives a lead the latest year against the baseline and target, and what to fill in', async () => {
    const by = { id: LEAD.userId, name: LEAD.name };
    const list = await readSupplierFile(createReadStream('examples/suppliers-example.csv'), {
      fileName: 'suppliers-example.csv',
    });
    assert.ok(list.ok);
    await app.spend.importSuppliers(TENANT, list.value.suppliers, by, NOW);
    const file = await readSpendFile(createReadStream('examples/spend-example.csv'), {
      fileName: 'spend-example.csv',
    });
    assert.ok(file.ok);
    await app.spend.commit(TENANT, file.value, { by, at: NOW });
    const set = setTarget(
      (await app.spend.actionPlan(TENANT)).plan,
      { year: 2025, measure: 'sme', percent: 60 },
      by,
      NOW,
    );
    assert.ok(set.ok);
    await app.spend.saveActionPlan(TENANT, set.value.plan);

    const { card } = await bot.say(LEAD, 'spend');
    const text = cardText(card);
    assert.match(text, /2025-26 so far \(not a complete year\), against the baseline 2024-25/);
    assert.match(text, /Total spend: £1,200 \(baseline £34,900\)/);
    assert.match(text, /With SMEs \(under 250 staff\): 100\.0% \(baseline 55\.9%; target 60\.0%\)/);
    assert.match(text, /Local: 100\.0% \(baseline 38\.7%\)/);
    assert.match(text, /Local SMEs: 100\.0% \(baseline 38\.7%\)/);
    assert.match(text, /social enterprises: 0\.0% \(baseline 6\.9%\)/);
    assert.match(text, /Suppliers paid: 1 \(baseline 6\)/);
    assert.match(
      text,
      /Lancaster Print \(£800\) has no size recorded, so its spend counts as unknown, not as SME/,
    );
    assert.match(
      text,
      /Two suppliers paid have no postcode, so their spend is not counted as local. The largest: Northern IT Solutions Ltd \(£6,000\), Lancaster Print \(£800\)/,
    );
    assert.match(text, /run to 14 April 2025/);
    assert.equal(builtInPack.sizeBands.smeBelow, 250);

    const button = JSON.stringify(card.actions);
    assert.match(button, /Open the spend view/);
    const [open] = card.actions as { url: string }[];
    const url = new URL(open?.url ?? '');
    assert.equal(url.origin, 'https://teams.microsoft.com');
    assert.deepEqual(JSON.parse(url.searchParams.get('context') ?? ''), { subEntityId: 'spend' });
  });
});
