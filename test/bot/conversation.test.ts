import assert from 'node:assert/strict';
import { type Activity, TestAdapter } from 'botbuilder';
import { loadConfig } from '../../bot/config.js';
import { CommissioningBot } from '../../bot/conversation/commissioning-bot.js';
import { silentLogger } from '../../bot/log.js';
import { SpendStore } from '../../bot/spend/spend-store.js';
import { ConversationStore } from '../../bot/store/conversations.js';
import { type CosmosStore, openCosmos } from '../../bot/store/cosmos.js';
import { RecordStore } from '../../bot/store/records.js';
import { Policies } from '../../core/flow/index.js';
import { builtInPack, singlePackLibrary } from '../../core/policy/index.js';
import { ActivityBuilder, type Person } from '../support/activities.js';
import { actionsOf, type CardJson, cardOf, cardText, cardTitle } from '../support/cards.js';

const policies = new Policies(singlePackLibrary(builtInPack));
const ann: Person = { tenantId: 'tenant-conversation', userId: 'ann-aad', name: 'Ann Officer' };
const COMMAND_WORDS = ['new', 'list', 'open', 'thresholds', 'themes', 'policy', 'help'];

/** Before the policy's review date (1 January 2027), and after it. */
const BEFORE_REVIEW = new Date('2026-11-25T10:00:00Z');
const AFTER_REVIEW = new Date('2027-02-01T10:00:00Z');

describe('the conversation (TestAdapter)', () => {
  let store: CosmosStore;
  let records: RecordStore;
  let conversations: ConversationStore;
  let spend: SpendStore;
  const activities = new ActivityBuilder({ serviceUrl: 'http://127.0.0.1:9/' });

  before(async () => {
    store = await openCosmos(loadConfig({ NODE_ENV: 'test' }));
    records = new RecordStore(store.containers.records);
    spend = new SpendStore(store.containers.spend);
    conversations = new ConversationStore(store.containers.conversations);
  });

  after(async () => {
    await store.close();
  });

  /** Runs one activity through the real bot on the given day; returns what the bot sent. */
  async function turn(
    activity: Partial<Activity>,
    on = BEFORE_REVIEW,
  ): Promise<Partial<Activity>[]> {
    const clock = () => new Date(on);
    const config = loadConfig({ NODE_ENV: 'test' });
    const bot = new CommissioningBot({
      config,
      policies,
      records,
      spend,
      conversations,
      clock,
      logger: silentLogger,
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  /** The one card the bot answers a message with. */
  async function cardFor(activity: Partial<Activity>, on = BEFORE_REVIEW): Promise<CardJson> {
    const sent = (await turn(activity, on)).filter((a) => a.type === 'message');
    assert.equal(sent.length, 1, `expected one reply, got ${JSON.stringify(sent)}`);
    return cardOf(sent[0]);
  }

  const say = (text: string, on = BEFORE_REVIEW) => cardFor(activities.message(ann, text), on);

  function assertListsCommands(card: CardJson): void {
    const text = cardText(card);
    for (const word of COMMAND_WORDS) {
      assert.match(
        text,
        new RegExp(`^\\*\\*${word}\\b[^*]*\\*\\*: \\S`, 'm'),
        `${word} is not listed`,
      );
    }
  }

  it('welcomes a person who installs the app, listing the commands', async () => {
    const card = await cardFor(activities.installationUpdate(ann));
    assert.equal(cardTitle(card), 'Social value commissioning assistant');
    assert.match(cardText(card), /Cumbria OPCC and Constabulary Social Value Policy/);
    assertListsCommands(card);
    assert.deepEqual(
      actionsOf(card).map((a) => a.title),
      ['Start a commissioning exercise', 'My records'],
    );
  });

  it('says nothing when the app is removed', async () => {
    const sent = await turn(activities.installationUpdate(ann, 'remove'));
    assert.deepEqual(
      sent.filter((a) => a.type === 'message'),
      [],
    );
  });

  it('answers help with every command and what it does', async () => {
    const card = await say('help');
    assert.equal(cardTitle(card), 'What I can do');
    assertListsCommands(card);
  });

  it('answers a command in any case and with extra spaces', async () => {
    const card = await say('  HELP  ');
    assert.equal(cardTitle(card), 'What I can do');
  });

  it('answers text it does not understand with a short help that quotes it', async () => {
    const card = await say('what is social value?');
    assert.equal(cardTitle(card), 'I did not understand that');
    assert.match(cardText(card), /"what is social value\?" is not a command/);
    assertListsCommands(card);
  });

  it('does not take a command word inside a sentence for a command', async () => {
    const card = await say('please help me');
    assert.equal(cardTitle(card), 'I did not understand that');
  });

  it('strips the @mention of the bot in a channel message', async () => {
    const card = await cardFor(activities.channelMention(ann, 'help'));
    assert.equal(cardTitle(card), 'What I can do');
  });

  it('reads thresholds after an @mention in a channel', async () => {
    const card = await cardFor(activities.channelMention(ann, 'thresholds services 250k'));
    assert.equal(cardTitle(card), 'Thresholds: services, £250,000');
  });

  it('shows the five themes, each with its aim and its measures', async () => {
    const card = await say('themes');
    assert.equal(cardTitle(card), 'The five social value themes');
    const lines = cardText(card).split('\n');
    const headings = lines.filter((line) => /^\d\. /.test(line));
    assert.deepEqual(
      headings,
      builtInPack.themes.map((theme) => `${theme.id}. ${theme.name}`),
    );
    assert.equal(headings.length, 5);
    for (const [index, heading] of headings.entries()) {
      const start = lines.indexOf(heading);
      const next = headings[index + 1];
      const end = next === undefined ? lines.length : lines.indexOf(next);
      const section = lines.slice(start + 1, end);
      const measures = section.filter((line) => line.startsWith('• '));
      assert.ok(measures.length > 0, `${heading} lists no measures`);
      for (const measure of measures) {
        assert.match(measure, /_\(.+\)_$/, `measure without a citation: ${measure}`);
      }
      assert.match(section[0] ?? '', /_\(§5\.0 theme \d\)_$/, `${heading} has no cited aim`);
    }
    // A derived measure is marked in plain words, never with an internal note.
    assert.match(cardText(card), /\(our reading of the policy: not listed in Appendix 1\)/);
    assert.doesNotMatch(cardText(card), /\[derived/);
  });

  it('shows the policy in force with its pack release, and says its review date is not recorded', async () => {
    for (const on of [BEFORE_REVIEW, AFTER_REVIEW]) {
      const card = await say('policy', on);
      const text = cardText(card);
      assert.equal(cardTitle(card), 'The policy in force');
      assert.match(text, /^Version in force: pack-2\.0\.0$/m);
      assert.match(text, /^Review due: Not recorded$/m);
      assert.match(text, /its review date is not recorded/);
      assert.doesNotMatch(text, /In force from/, 'no date the document does not carry');
    }
  });

  it('gives threshold guidance for services at £250k: in scope, the Act applies, the regulated threshold', async () => {
    const card = await say('thresholds services 250k');
    const text = cardText(card);
    assert.equal(cardTitle(card), 'Thresholds: services, £250,000');
    // The same shape as the wizard's verdict: the facts first, the lines behind a toggle.
    assert.match(text, /^Policy scope: In scope: seek social value outcomes$/m);
    assert.match(text, /^Regulated: Yes: at or above £207,720 \(goods and services\)$/m);
    assert.match(text, /^Social Value Act: Applies$/m);
    assert.match(
      text,
      /£250,000 is greater than £100,000\..*_\(§1\.1\.3\(iii\) of the policy\)_$/m,
    );
    assert.match(text, /_\(PSSVA 2012 s\.1\)_$/m);
    assert.match(
      text,
      /^The sub-central threshold for goods and services in procurements begun from 1 January 2026 is £207,720 including VAT\. _\(SI 2025\/1200\)_$/m,
    );
    assert.ok(JSON.stringify(card).includes('"title":"Show the policy lines"'));
    assert.match(
      text,
      /£250,000 is at or above £207,720, so the contract is regulated\..*_\(PA 2023 s\.3\(2\)\)_$/m,
    );
    assert.match(text, /starting today, 25 November 2026/);
  });

  it('gives threshold guidance for works at £1.5m: not in scope by value', async () => {
    const card = await say('thresholds works £1.5m');
    const text = cardText(card);
    assert.equal(cardTitle(card), 'Thresholds: works, £1,500,000');
    assert.match(text, /^Policy scope: Not in scope by value/m);
    assert.match(
      text,
      /£1,500,000 is not greater than £2,000,000\..*_\(§1\.1\.3\(iv\) of the policy\)_$/m,
    );
    assert.match(text, /^Social Value Act: Does not apply: works, not services$/m);
    // Not a key provider: the key-provider line says nothing to this contract.
    assert.doesNotMatch(text, /every key provider/);
  });

  for (const typed of [
    'thresholds',
    'thresholds services',
    'thresholds services lots',
    'thresholds 250k services',
    'thresholds food 250k',
  ]) {
    it(`says what to type for "${typed}"`, async () => {
      const card = await say(typed);
      assert.equal(cardTitle(card), 'Thresholds: what to type');
      assert.match(cardText(card), /for example \*\*thresholds services 250k\*\*/);
      assert.match(cardText(card), /goods, services, works or light-touch/);
    });
  }

  for (const typed of ['open', 'open 42', 'open SV-26-1']) {
    it(`asks which record for "${typed}"`, async () => {
      const card = await say(typed);
      assert.equal(cardTitle(card), 'Which record?');
      assert.match(cardText(card), /for example \*\*open SV-2026-0042\*\*/);
    });
  }

  it('says a record it cannot find was not found', async () => {
    const card = await say('open SV-2026-9999');
    assert.equal(cardTitle(card), 'Record not found');
    assert.match(cardText(card), /I could not find SV-2026-9999 among the records you can see/);
  });

  it('shows no records to someone whose organisation it cannot tell', async () => {
    const activity = activities.message(ann, 'list');
    activity.channelData = {};
    if (activity.conversation) activity.conversation.tenantId = undefined;
    const sent = (await turn(activity)).filter((a) => a.type === 'message');
    assert.deepEqual(
      sent.map((a) => a.text),
      [
        'Sorry, I could not tell who you are or which organisation you are in, so I cannot show any records.',
      ],
    );
  });

  it('starts a record with new and keeps it in the store', async () => {
    const card = await say('new');
    assert.equal(cardTitle(card), 'About the contract');
    const heading = cardText(card).split('\n')[0] ?? '';
    const reference = /^(SV-2026-\d{4}): Untitled commissioning exercise$/.exec(heading)?.[1];
    assert.ok(reference, `no reference in "${heading}"`);
    const stored = await records.get({ ...ann, isProcurementLead: false }, reference);
    assert.equal(stored?.record.owner.name, 'Ann Officer');
    assert.equal(stored?.record.history.length, 1);
  });
});
