import assert from 'node:assert/strict';
import { COMMANDS } from '../../cards/commands.js';
import {
  helpCard,
  messageCard,
  themesCard,
  thresholdsCard,
  welcomeCard,
} from '../../cards/info-cards.js';
import { type RecordListItem, recordListCard } from '../../cards/list-card.js';
import { policyCard } from '../../cards/policy-versions.js';
import { expand } from '../../cards/render.js';
import { assess, policyStatus, withReviewDue } from '../../core/rules/index.js';
import { pack } from '../core/record/fixtures.js';
import { actionsOf, assertValidCard, inputsOf, libraryProblems, textOf } from './check-card.js';

const thresholds = (
  category: 'goods' | 'services' | 'works',
  value: number,
  lightTouch = false,
) => {
  const result = assess(
    pack,
    { category, value, keyProvider: false, procurementStart: '2026-06-01', lightTouch },
    '2026-06-01',
  );
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return thresholdsCard(pack, result.value, '2026-06-01');
};

const items = (count: number): RecordListItem[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `SV-2026-${String(count - i).padStart(4, '0')}`,
    title: i % 2 === 0 ? 'Custody healthcare' : 'Vehicle fleet',
    status: i === 0 ? 'complete' : 'draft',
    stepTitle: 'Social value outcomes',
    updatedAt: `2026-03-${String(20 - i).padStart(2, '0')}T10:00:00.000Z`,
    ownerName: i % 2 === 0 ? 'Olive Owner' : 'Colin Colleague',
  }));

describe('information cards', () => {
  it('count the themes the pack has, in words, not the five of one policy', () => {
    const title = (themes: number) =>
      String(
        (themesCard({ ...pack, themes: pack.themes.slice(0, themes) }).body as { text?: unknown }[])
          .map((element) => element.text)
          .find((text) => typeof text === 'string' && text.endsWith('social value themes')),
      );
    assert.equal(title(5), 'The five social value themes');
    assert.equal(title(4), 'The four social value themes');
  });

  const cards = {
    welcome: welcomeCard(pack),
    help: helpCard(),
    'help for unknown text': helpCard('plese help me'),
    themes: themesCard(pack),
    policy: policyCard({
      pack,
      status: policyStatus(pack, '2026-06-01'),
      versions: [pack],
    }),
    'policy with a review date set': policyCard({
      pack,
      status: policyStatus(withReviewDue(pack, '2027-01-01'), '2026-06-01'),
      versions: [pack],
    }),
    'policy overdue for review': policyCard({
      pack,
      status: policyStatus(withReviewDue(pack, '2027-01-01'), '2027-02-01'),
      versions: [pack],
    }),
    'thresholds, services £250k': thresholds('services', 250_000),
    'thresholds, works £1.5m': thresholds('works', 1_500_000),
    'thresholds, light-touch £90k': thresholds('services', 90_000, true),
    'record list, empty': recordListCard([], false, '2026-06-01'),
    'record list, mine': recordListCard(items(3), false, '2026-06-01'),
    "record list, the tenant's": recordListCard(items(8), true, '2026-06-01'),
    message: messageCard(
      'Record not found',
      'I could not find SV-2026-0042 among the records you can see.',
    ),
  };

  for (const [name, card] of Object.entries(cards)) {
    it(`${name}: a valid Adaptive Card 1.5 under 80 KB, with no inputs`, () => {
      assertValidCard(card, name);
      assert.equal(inputsOf(card).length, 0);
    });
  }

  it('welcome and help list every command, and offer to start an exercise', () => {
    for (const card of [cards.welcome, cards.help, cards['help for unknown text']]) {
      const text = textOf(card);
      for (const command of COMMANDS)
        assert.ok(text.includes(`**${command.usage}**`), command.name);
      assert.equal(actionsOf(card)[0]?.title, 'Start a commissioning exercise');
      assert.deepEqual(actionsOf(card)[0]?.data, { verb: 'command', text: 'new' });
    }
    assert.ok(textOf(cards.welcome).includes(pack.name));
  });

  it('help for text it did not understand quotes it, shortened, and says it is not a command', () => {
    assert.ok(textOf(cards['help for unknown text']).includes('"plese help me" is not a command'));
    assert.ok(!textOf(cards.help).includes('is not a command'));
    const long = helpCard('x'.repeat(500));
    assertValidCard(long, 'help for long text');
    assert.ok(textOf(long).includes(`"${'x'.repeat(80)}" is not a command`));
    assert.ok(!textOf(long).includes('x'.repeat(81)));
  });

  it(`help for text with \${…} or markdown in it quotes it as typed`, () => {
    const card = helpCard(`hello \${title} **there**`);
    // The card check would take the quoted text for a binding left unbound; the library's own is enough here.
    assert.deepEqual(libraryProblems(card), []);
    assert.ok(textOf(card).includes(`"hello \${title} **there**" is not a command`));
  });

  it('themes lists the five themes with their aims and measures, each cited', () => {
    const text = textOf(cards.themes);
    for (const theme of pack.themes) assert.ok(text.includes(`${theme.id}. ${theme.name}`));
    for (const measure of pack.framework.measures)
      assert.ok(text.includes(measure.text), measure.id);
    assert.equal(pack.themes.length, 5);
    assert.match(text, /linked to one of the five themes by the pack\. \(Our reading of /);
  });

  it('policy names the version in force, invents no date, and says the review date is not recorded', () => {
    const undated = textOf(cards.policy);
    assert.ok(undated.includes(`Version in force: ${pack.version}`));
    assert.ok(undated.includes('Document date: The policy document carries no date'));
    assert.ok(undated.includes('Review due: Not recorded'));
    assert.ok(undated.includes('its review date is not recorded'));
    assert.ok(!undated.includes('In force from'));
    assert.ok(JSON.stringify(cards.policy).includes('"style":"attention"'));
  });

  it("policy with the force's review date gives it in words, and warns only once it has passed", () => {
    const current = textOf(cards['policy with a review date set']);
    assert.ok(current.includes('Review due: 1 January 2027'));
    assert.ok(!current.includes('has passed'));
    assert.ok(!current.includes('not recorded'));
    const overdue = cards['policy overdue for review'];
    assert.ok(textOf(overdue).includes('its review date has passed'));
    assert.ok(textOf(overdue).includes('The review was due on 1 January 2027.'));
    assert.ok(JSON.stringify(overdue).includes('"style":"attention"'));
  });

  it('thresholds states the case in its title and gives money and dates in words', () => {
    const text = textOf(cards['thresholds, services £250k']);
    assert.ok(text.startsWith('Thresholds: services, £250,000'));
    assert.ok(text.includes('a procurement starting today, 1 June 2026'));
    assert.ok(text.includes('Regulated threshold'));
    assert.ok(textOf(cards['thresholds, works £1.5m']).startsWith('Thresholds: works, £1,500,000'));
    assert.ok(
      textOf(cards['thresholds, light-touch £90k']).startsWith(
        'Thresholds: light-touch services, £90,000',
      ),
    );
    for (const card of Object.values(cards)) {
      assert.doesNotMatch(textOf(card), /\b\d{4}-\d{2}-\d{2}\b/, 'no date written YYYY-MM-DD');
    }
  });

  it('the record list: empty offers to start one; otherwise most recently changed first, owners for a lead, five buttons at most', () => {
    const empty = textOf(cards['record list, empty']);
    assert.ok(empty.includes('No records yet'));
    assert.deepEqual(
      actionsOf(cards['record list, empty']).map((action) => action.title),
      ['Start a commissioning exercise'],
    );

    const mine = textOf(cards['record list, mine']);
    assert.ok(mine.startsWith('My commissioning records'));
    assert.ok(mine.includes('3 records'));
    assert.ok(
      mine.includes(
        '**SV-2026-0003** Custody healthcare: complete, not awarded yet; changed 20 March 2026',
      ),
    );
    assert.ok(
      mine.includes(
        '**SV-2026-0002** Vehicle fleet: draft, at "Social value outcomes"; changed 19 March 2026',
      ),
    );
    assert.ok(!mine.includes('owner'), 'my own list names no owners');

    const all = cards["record list, the tenant's"];
    assert.ok(textOf(all).startsWith('Commissioning records'));
    assert.ok(textOf(all).includes('Most recently changed first.'));
    assert.ok(textOf(all).includes('changed 20 March 2026, owner Olive Owner'));
    assert.deepEqual(
      actionsOf(all).map((action) => action.data),
      ['0008', '0007', '0006', '0005', '0004'].map((n) => ({
        verb: 'command',
        text: `open SV-2026-${n}`,
      })),
    );
  });

  it('the record list gives the day of each change in UK time', () => {
    const [item] = items(1);
    assert.ok(item);
    const late = recordListCard(
      [{ ...item, updatedAt: '2026-06-01T23:30:00.000Z' }],
      false,
      '2026-06-01',
    );
    assert.ok(textOf(late).includes('changed 2 June 2026'));
  });

  it('a message card shows its title and text', () => {
    const text = textOf(cards.message);
    assert.ok(text.startsWith('Record not found'));
    assert.ok(text.includes('I could not find SV-2026-0042'));
  });

  it('a template binding the data does not give is refused, not shown', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `Hello \${name}` }],
    };
    assert.throws(() => expand(template, {}), /card template left \$\{name\} unbound/);
    assert.deepEqual(expand(template, { name: 'Olive' }).body, [
      { type: 'TextBlock', text: 'Hello Olive' },
    ]);
    assert.deepEqual(expand(template, { name: `\${name}` }).body, [
      { type: 'TextBlock', text: `Hello \${name}` },
    ]);
  });
});
