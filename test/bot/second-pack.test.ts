import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../bot/app.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import { loadPack, type PolicyPack } from '../../core/policy/index.js';
import { BotClient } from '../support/bot-client.js';
import { actionsOf, type CardJson, cardOf, cardText, cardTitle, input } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { forceWordsIn } from '../support/force-words.js';
import { freshTenant, STEP_TITLES, WIZARD_STEPS } from '../support/officer.js';
import {
  executeOn,
  referenceOf,
  SECRET,
  setAward,
  stageLine,
  startBot,
  sweep,
  TestClock,
} from './post-award-support.js';

/**
 * Another force's pack, set as a force sets it (POLICY_PACK_FILE), walked end to end over
 * HTTP: four themes, ten stages, other review and rating stages, its own citations and words.
 * Nothing the bot sends may carry the built-in pack's words.
 */
const FILE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/packs/northmoor.json');

/** The day the test runs on, in the UK: Tuesday 2 June 2026. */
const NOW = '2026-06-02T08:30:00Z';
const SUPPLIER = 'Moorside Services Ltd';

/** What an officer types on each card, for this pack's measures and indicators. */
const ANSWERS: Record<string, Record<string, string>> = {
  basics: {
    title: 'Custody healthcare',
    category: 'services',
    concession: 'false',
    value: '£250,000',
    contractMonths: '24',
    procurementStart: '2026-04-01',
    keyProvider: 'false',
    competitive: 'true',
  },
  why: {
    stillRelevant: 'true',
    aims: 'Safe and timely care for detainees',
    baselineOutcomes: 'Every detainee seen within the agreed time',
    consult: 'true',
    consultationPlan: 'A market event and a survey of custody staff',
    coDesign: 'Co-design the pathway with the health board',
  },
  outcomes: {
    'measures.2': 'apprentices,fair-pay',
    'measures.4': 'supplier-audits',
    weighting: '12',
    weightingJustification: 'A large contract with room for local apprentices',
  },
  targets: {
    'outcomeTargets.apprentices.target': '2',
    'outcomeTargets.apprentices.tests': 'true',
    'outcomeTargets.fair-pay.tests': 'true',
    'outcomeTargets.supplier-audits.target': '1',
    'outcomeTargets.supplier-audits.tests': 'true',
  },
  modernSlavery: {
    promotion: 'Advertised on Find a Tender and the Northmoor supplier portal',
    preTenderEvent: 'true',
    minimumTurnover: '£200,000',
    useLots: 'true',
    msIndicators: 'agency-labour',
    msSector: 'none',
    mssAll: 'true',
  },
  review: {},
};

/** The titles of a choice input's options, as the officer sees them. */
function choiceTitles(card: unknown, id: string): string[] | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = choiceTitles(item, id);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof card !== 'object' || card === null) return undefined;
  const node = card as Record<string, unknown>;
  if (node.id === id && Array.isArray(node.choices)) {
    return node.choices.map((choice) => String((choice as { title?: unknown }).title));
  }
  return choiceTitles(Object.values(node), id);
}

describe('a second, structurally different pack, set by POLICY_PACK_FILE', function () {
  this.timeout(60_000);
  const clock = new TestClock(NOW);
  let pack: PolicyPack;
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  /** Every card the bot answered an invoke with (those sent as messages the connector keeps). */
  const invoked: CardJson[] = [];

  before(async () => {
    const loaded = loadPack(readFileSync(FILE, 'utf8'));
    assert.ok(loaded.ok, `the fixture is not a valid pack: ${JSON.stringify(loaded)}`);
    pack = loaded.value;
    connector = await CaptureConnector.start();
    app = await startBot(
      clock,
      { POLICY_PACK_FILE: FILE, REMINDERS_SECRET: SECRET },
      {
        sender: new PacedSender({
          conversationWindows: [{ limit: 10_000, ms: 1_000 }],
          tenantWindows: [{ limit: 10_000, ms: 1_000 }],
          baseDelayMs: 5,
        }),
      },
    );
    bot = new BotClient(app.url, connector);
  });

  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('is other than the built-in pack in the ways that matter', () => {
    assert.equal(pack.themes.length, 4);
    assert.equal(pack.stages.length, 10);
    assert.deepEqual(
      pack.stages.filter((s) => s.review).map((s) => s.number),
      [7, 8, 9, 10],
    );
    assert.deepEqual(
      pack.stages.filter((s) => s.ratesSupplier).map((s) => s.number),
      [8, 9],
    );
  });

  it('walks the wizard, the stages, a rating and a reminder in its own words alone', async () => {
    const { owner } = freshTenant('second-pack');
    const execute = async (card: CardJson, title: string, typed: Record<string, string> = {}) => {
      const next = await bot.execute(owner, card, title, typed);
      invoked.push(next);
      return next;
    };

    const welcome = await bot.send(bot.activities.installationUpdate(owner));
    assert.equal(welcome.length, 1);

    // The commands that show the pack itself.
    const policy = (await bot.say(owner, 'policy')).card;
    assert.match(cardText(policy), new RegExp(`^Policy: ${pack.name}$`, 'm'));
    assert.match(cardText(policy), /^The policy is reviewed every two years\. .*_\(P1\.4\)_$/m);
    const themes = (await bot.say(owner, 'themes')).card;
    assert.equal(cardTitle(themes), 'The four social value themes');
    for (const theme of pack.themes) {
      assert.ok(
        cardText(themes).split('\n').includes(`${theme.id}. ${theme.name}`),
        `the themes card does not show theme ${theme.id}`,
      );
    }
    assert.match(cardText(themes), /not listed in Annex D to the policy/);
    await bot.say(owner, 'help');

    // The wizard, card by card, to the summary.
    let { card } = await bot.say(owner, 'new');
    const reference = referenceOf(card);
    for (const step of WIZARD_STEPS) {
      assert.equal(cardTitle(card), STEP_TITLES[step]);
      // The verdict after the basics, its lines cited by this pack's paragraphs.
      if (step === 'why')
        assert.match(cardText(card), /than £50,000.*_\(P1\.2\(b\) of the policy\)_$/m);
      card = await execute(
        card,
        step === 'review' ? 'Confirm and finish' : 'Continue',
        ANSWERS[step] ?? {},
      );
    }
    assert.match(cardText(card), /^Pre-commissioning is complete /m);
    const summary = JSON.stringify(card);
    assert.match(summary, /Ethical Sourcing Code, clause 1/);
    assert.match(summary, /P2\.2 of the policy/);

    // The award, then the ten stages with this pack's review stages dated.
    const awarded = await setAward(bot, owner, reference, {
      awardDate: '2026-04-15',
      months: 24,
      supplier: SUPPLIER,
    });
    invoked.push(awarded);
    assert.equal(cardTitle(awarded), 'Procurement stages');
    assert.match(cardText(awarded), /_\(Annex B\)_$/m);
    const lines = cardText(awarded)
      .split('\n')
      .filter((line) => /^\*\*\d+\. /.test(line));
    assert.equal(lines.length, 10, 'the stages card should show ten stages');
    assert.equal(actionsOf(awarded).filter((a) => a.title === 'Mark done').length, 10);
    assert.match(
      stageLine(awarded, 7),
      /\(review stage\): overdue since 15 May 2026 _\(Annex B\)_$/,
    );
    assert.match(stageLine(awarded, 8), /\(review stage\): due 15 October 2026 _\(Annex B\)_$/);
    assert.match(stageLine(awarded, 9), /\(review stage\): due 15 April 2027 _\(Annex C\)_$/);
    assert.match(stageLine(awarded, 10), /\(review stage\): due 15 January 2028 _\(Annex B\)_$/);

    const done = await executeOn(bot, owner, awarded, { title: 'Mark done', stage: 4 });
    invoked.push(done);
    assert.match(stageLine(done, 4), /: done 2 June 2026 _\(Annex B\)_$/);

    // A rating, offered at this pack's rating stages alone.
    const rating = (await bot.say(owner, `rate ${reference}`)).card;
    assert.equal(cardTitle(rating), 'Rate the supplier');
    assert.equal(input(rating, 'ratingStage').value, '8');
    assert.deepEqual(choiceTitles(rating, 'ratingStage'), [
      '8. Half-yearly performance review',
      '9. Annual recognition review',
    ]);
    const rated = await execute(rating, 'Rate the supplier', {
      ratingStage: '9',
      rating_delivery: 'silver',
      rating_conduct: 'silver',
      'rating_social-value': 'silver',
      ratingEvidence: 'Half-year report and the supply chain audit',
    });
    assert.equal(cardTitle(rated), `${SUPPLIER}: Northmoor Partner`);
    assert.match(cardText(rated), /^• May name Northmoor Police as a reference _\(Annex C\)_$/m);

    await bot.say(owner, 'suppliers');
    await bot.say(owner, 'due');
    await bot.say(owner, `open ${reference}`);

    // The sweep: stage 7 fell due on 15 May 2026, so its reminder comes now.
    const mark = connector.mark();
    const report = await sweep(app);
    assert.equal(report.failed, 0);
    const reminders = connector
      .since(mark)
      .filter((c) => c.activity.type === 'message' && c.activity.attachments)
      .map((c) => cardOf(c.activity))
      .filter((c) => cardTitle(c).startsWith('Reminder:'));
    assert.deepEqual(reminders.map(cardTitle), ['Reminder: stage 7 is overdue since 15 May 2026']);
    assert.match(
      cardText(reminders[0] ?? {}),
      /^Confirm the social value plan is in place\. _\(Annex B\)_$/m,
    );

    // Everything the bot sent: the messages the connector received and the invoked cards.
    const sent = [...connector.received.map((c) => c.activity), ...invoked];
    assert.ok(sent.length >= 20, `only ${sent.length} things were sent`);
    const everything = sent.map((item) => JSON.stringify(item, null, 1)).join('\n');
    const leaks = forceWordsIn(everything).map((hit) => `"${hit.word}" in ${hit.text}`);
    assert.deepEqual(
      leaks,
      [],
      `the built-in pack's words reached the officer:\n${leaks.join('\n')}`,
    );
    assert.ok(everything.includes(pack.name), "the pack's name was never shown");
  });
});
