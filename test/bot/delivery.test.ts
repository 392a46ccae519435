/**
 * Issue 12, social value delivered, over HTTP against the real bot and the embedded Cosmos
 * server: entries and corrections with the history kept, progress at the start, middle and end
 * of a contract, the review reminder's button, and the rating suggested from delivery.
 */
import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { PacedSender } from '../../bot/reminders/paced-sender.js';
import type { Person } from '../support/activities.js';
import { BotClient } from '../support/bot-client.js';
import { actionsOf, type CardJson, cardOf, cardText, cardTitle, input } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { freshTenant, officerAnswers, STEP_TITLES, WIZARD_STEPS } from '../support/officer.js';
import {
  completeRecord,
  newRecord,
  pack,
  referenceOf,
  SECRET,
  setAward,
  startBot,
  storedRecord,
  sweep,
  TestClock,
} from './post-award-support.js';

const AWARD = '2026-04-15';
const START = '2026-04-15T09:00:00Z';
/** Half way through a 24-month contract. */
const MIDDLE = '2027-04-15T09:00:00Z';
/** Just after its end. */
const END = '2028-04-20T09:00:00Z';
const SUPPLIER = 'Acme Care Ltd';

/** Four outcomes: a count, days (whose target a test removes), a rate, and a commitment. */
const OUTCOMES = {
  ...officerAnswers.outcomes,
  'measures.1': 'local-supply-chain-spend',
  'measures.2': 'local-jobs,work-experience-days',
  'measures.4': 'living-wage',
};
const TARGETS = {
  'outcomeTargets.local-jobs.target': '4',
  'outcomeTargets.local-jobs.tests': 'true',
  'outcomeTargets.work-experience-days.target': '30',
  'outcomeTargets.work-experience-days.tests': 'true',
  'outcomeTargets.local-supply-chain-spend.target': '40',
  'outcomeTargets.local-supply-chain-spend.tests': 'true',
  'outcomeTargets.living-wage.tests': 'true',
};

const IDS = {
  from: 'deliveryFrom',
  to: 'deliveryTo',
  jobs: 'deliveryAmount_local-jobs',
  jobsNote: 'deliveryNote_local-jobs',
  jobsLink: 'deliveryLink_local-jobs',
  days: 'deliveryAmount_work-experience-days',
  daysNote: 'deliveryNote_work-experience-days',
  spend: 'deliveryAmount_local-supply-chain-spend',
  spendNote: 'deliveryNote_local-supply-chain-spend',
  wage: 'deliveryStatus_living-wage',
  wageNote: 'deliveryNote_living-wage',
};

/** The line of the delivery card about one outcome's standing (the one after its name). */
function standing(card: CardJson, label: string): string {
  const lines = cardText(card).split('\n');
  const at = lines.indexOf(`**${label}**`);
  assert.ok(at >= 0, `the card has no outcome "${label}"`);
  return lines[at + 1] ?? '';
}

describe('social value delivered (issue 12)', function () {
  this.timeout(60_000);
  let connector: CaptureConnector;
  let app: App;
  let bot: BotClient;
  const clock = new TestClock(START);

  before(async () => {
    connector = await CaptureConnector.start();
    app = await startBot(
      clock,
      { REMINDERS_SECRET: SECRET },
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

  beforeEach(() => clock.set(START));

  after(async () => {
    await app.close();
    await connector.close();
  });

  /** A finished record with the four outcomes, awarded on AWARD for 24 months. */
  async function fourOutcomes(owner: Person): Promise<string> {
    let { card } = await bot.say(owner, 'new another');
    const reference = referenceOf(card);
    for (const step of WIZARD_STEPS) {
      assert.equal(cardTitle(card), STEP_TITLES[step], cardText(card));
      const answers =
        step === 'outcomes' ? OUTCOMES : step === 'targets' ? TARGETS : officerAnswers[step];
      card = await bot.execute(
        owner,
        card,
        step === 'review' ? 'Confirm and finish' : 'Continue',
        answers,
      );
    }
    assert.match(cardText(card), /^Pre-commissioning is complete /m);
    await setAward(bot, owner, reference, { awardDate: AWARD, months: 24, supplier: SUPPLIER });
    return reference;
  }

  /**
   * The wizard asks a target of every counted outcome; a record saved before it did (or under
   * a pack whose questionnaire asks none) has an outcome without one, as this one is made.
   */
  async function withoutTarget(owner: Person, reference: string, measureId: string) {
    const found = await app.records.read(owner.tenantId, reference);
    assert.ok(found);
    const { record } = found;
    const answers = Object.fromEntries(
      Object.entries(record.draft.answers).map(([id, answer]) => [
        id,
        Array.isArray(answer)
          ? answer.map((item) =>
              typeof item === 'object' && item.measureId === measureId
                ? { measureId, tests: item.tests }
                : item,
            )
          : answer,
      ]),
    );
    await app.records.replace(
      { ...record, draft: { ...record.draft, answers } } as typeof record,
      found.etag,
    );
  }

  it('shows where each outcome stands at the start, middle and end of the contract', async () => {
    const { owner } = freshTenant('delivery-progress');
    const reference = await fourOutcomes(owner);
    await withoutTarget(owner, reference, 'work-experience-days');

    // The day of the award: nothing is yet expected.
    const start = (await bot.say(owner, `progress ${reference}`)).card;
    assert.equal(cardTitle(start), 'Social value delivered');
    assert.match(
      cardText(start),
      /^0% of the contract’s life has passed on 15 April 2026: awarded 15 April 2026, ending 15 April 2028\.$/m,
    );
    assert.equal(
      standing(start, 'New jobs created in the local economy'),
      '**On track**: 0 of 4 delivered to date (0%)',
    );
    assert.equal(
      standing(start, 'Work towards paying staff the Living Wage'),
      '**Nothing recorded yet**: no period recorded',
    );
    const daysLabel = pack.framework.measures.find((m) => m.id === 'work-experience-days')?.text;
    assert.ok(daysLabel);
    assert.equal(
      standing(start, daysLabel),
      '**No target**: 0 days delivered to date; no target was set',
    );
    // Every input labelled; the period starts at the award and ends today.
    assert.equal(input(start, IDS.from).value, AWARD);
    assert.equal(input(start, IDS.to).value, AWARD);
    assert.equal(input(start, IDS.jobs).label, 'Delivered in the period (number)');
    assert.equal(input(start, IDS.wage).label, 'Kept in the period?');
    assert.equal(input(start, IDS.jobsNote).label, 'Evidence: a short note of what shows it');
    assert.equal(
      input(start, IDS.jobsLink).label,
      'Link to the evidence, starting https:// (optional)',
    );

    // Half way: one job of four is behind; a rate below its target is behind; the commitment
    // partly met is behind; the days without a target are counted and never judged.
    clock.set(MIDDLE);
    const middle = await bot.execute(owner, start, 'Record delivery', {
      [IDS.from]: AWARD,
      [IDS.to]: '2027-04-14',
      [IDS.jobs]: '1',
      [IDS.jobsNote]: 'Payroll return, year 1',
      [IDS.jobsLink]: 'https://sharepoint.example.org/contracts/payroll-y1.pdf',
      [IDS.days]: '12',
      [IDS.daysNote]: 'Placement log',
      [IDS.spend]: '35',
      [IDS.spendNote]: 'Spend analysis, year 1',
      [IDS.wage]: 'partly-met',
      [IDS.wageNote]: 'Two subcontractors not yet accredited',
    });
    assert.match(
      cardText(middle),
      /^Entries D1, D2, D3, D4 are recorded, with who recorded them and when, in the record’s history\.$/m,
    );
    assert.match(cardText(middle), /^50% of the contract’s life has passed on 15 April 2027/m);
    assert.equal(
      standing(middle, 'New jobs created in the local economy'),
      '**Behind**: 1 of 4 delivered to date (25%)',
    );
    assert.match(cardText(middle), /^███░░░░░░░ 25% of the target; 50% expected by now$/m);
    assert.equal(
      standing(middle, spendLabel()),
      '**Behind**: latest figure 35% against a target of 40%',
    );
    assert.equal(
      standing(middle, 'Work towards paying staff the Living Wage'),
      '**Behind**: partly met in the latest period recorded',
    );
    assert.equal(
      standing(middle, daysLabel),
      '**No target**: 12 days delivered to date; no target was set',
    );
    // The next period starts the day after the last one recorded.
    assert.equal(input(middle, IDS.from).value, '2027-04-15');

    // At the end: the jobs target reached is met; the commitment kept is met; the rate short
    // of its target is missed.
    clock.set(END);
    const end = await bot.execute(owner, middle, 'Record delivery', {
      [IDS.to]: '2028-04-14',
      [IDS.jobs]: '3',
      [IDS.jobsNote]: 'Payroll return, year 2',
      [IDS.wage]: 'met',
      [IDS.wageNote]: 'Accreditation certificate',
    });
    assert.equal(
      standing(end, 'New jobs created in the local economy'),
      '**Met**: 4 of 4 delivered to date (100%)',
    );
    assert.equal(
      standing(end, 'Work towards paying staff the Living Wage'),
      '**Met**: met in the latest period recorded',
    );
    assert.equal(
      standing(end, spendLabel()),
      '**Missed**: latest figure 35% against a target of 40%',
    );
    assert.match(cardText(end), /^100% of the contract’s life has passed on 20 April 2028/m);
  });

  it('keeps every entry and correction, with who and when, in the history', async () => {
    const { owner, colleague } = freshTenant('delivery-history');
    const reference = await fourOutcomes(owner);
    clock.set(MIDDLE);
    const shown = (await bot.say(owner, `progress ${reference}`)).card;
    const before = await storedRecord(app, owner, reference);
    const recorded = await bot.execute(owner, shown, 'Record delivery', {
      [IDS.from]: AWARD,
      [IDS.to]: '2027-04-14',
      [IDS.jobs]: '1',
      [IDS.jobsNote]: 'Payroll return, year 1',
    });
    assert.match(cardText(recorded), /^Entry D1 is recorded/m);

    // The same card pressed again records nothing twice.
    const twice = await bot.execute(owner, shown, 'Record delivery', {
      [IDS.from]: AWARD,
      [IDS.to]: '2027-04-14',
      [IDS.jobs]: '1',
      [IDS.jobsNote]: 'Payroll return, year 1',
    });
    assert.match(cardText(twice), /^This record changed after the card was shown, so nothing/m);
    assert.equal(input(twice, IDS.jobsNote).value, 'Payroll return, year 1', 'typed is kept');

    const stored = await storedRecord(app, owner, reference);
    assert.equal(stored.delivery?.length, 1);
    const [entry] = stored.delivery ?? [];
    assert.deepEqual(entry, {
      id: 'D1',
      measureId: 'local-jobs',
      period: { from: AWARD, to: '2027-04-14' },
      amount: 1,
      evidence: { note: 'Payroll return, year 1' },
      by: { id: owner.userId, name: owner.name },
      at: entry?.at,
    });
    assert.equal(entry?.at.slice(0, 10), '2027-04-15');
    const added = stored.history.slice(before.history.length);
    assert.deepEqual(
      added.map((h) => ({ action: h.action, by: h.by.name, changes: h.changes })),
      [
        {
          action: 'delivery-recorded',
          by: owner.name,
          changes: [{ field: 'delivery D1', to: 'local-jobs, 2026-04-15 to 2027-04-14: 1' }],
        },
      ],
    );

    // A correction is a new entry; the old one stays.
    clock.advanceDays(1);
    const corrected = await bot.execute(owner, recorded, 'Save the correction', {
      correctEntry: 'D1',
      correctAmount: '2',
      correctNote: 'Payroll return re-issued: one starter was missed',
    });
    assert.match(
      cardText(corrected),
      /^D1 is corrected by D2\. D1 stays in the history, marked as corrected\.$/m,
    );
    assert.equal(
      standing(corrected, 'New jobs created in the local economy'),
      '**Behind**: 2 of 4 delivered to date (50%)',
    );
    const lines = cardText(corrected).split('\n');
    assert.ok(
      lines.some(
        (l) =>
          l.startsWith(
            '**D1** New jobs created in the local economy, 15 April 2026 to 14 April 2027: **1**.',
          ) && l.endsWith('**Corrected by D2**: no longer counted.'),
      ),
      'D1 is shown as corrected',
    );
    assert.ok(lines.some((l) => l.startsWith('**D2** ') && l.endsWith('Corrects D1.')));
    const after = await storedRecord(app, owner, reference);
    assert.deepEqual(
      after.delivery?.map((e) => [e.id, e.amount, e.corrects, e.supersededBy]),
      [
        ['D1', 1, undefined, 'D2'],
        ['D2', 2, 'D1', undefined],
      ],
    );
    assert.equal(after.delivery?.[0]?.evidence.note, 'Payroll return, year 1', 'D1 unchanged');
    const last = after.history.at(-1);
    assert.equal(last?.action, 'delivery-corrected');
    assert.equal(last?.by.name, owner.name);
    assert.deepEqual(last?.changes, [
      {
        field: 'delivery D2 corrects D1',
        from: 'local-jobs, 2026-04-15 to 2027-04-14: 1',
        to: 'local-jobs, 2026-04-15 to 2027-04-14: 2',
      },
    ]);

    // D1 can no longer be corrected: the correction is corrected instead.
    const again = await bot.execute(owner, corrected, 'Save the correction', {
      correctAmount: '3',
      correctNote: 'Again',
    });
    assert.equal(
      input(again, 'correctEntry').error,
      'Choose the entry to correct.',
      'no entry chosen',
    );
    const forged = await bot.executeData(owner, 'delivery.correct', {
      reference,
      revision: after.revision,
      correctEntry: 'D1',
      correctAmount: '3',
      correctNote: 'Again',
    });
    assert.equal(
      input(forged, 'correctEntry').error,
      'That entry is already corrected by D2: choose D2 to correct it again.',
    );
    assert.equal((await storedRecord(app, owner, reference)).revision, after.revision);

    // Someone who cannot see the record gets nothing.
    const outsider = await bot.executeData(colleague, 'delivery.show', { reference });
    assert.doesNotMatch(cardText(outsider), /Social value delivered/);
  });

  it('opens from the measurement review’s reminder and from the stages card', async () => {
    const { owner } = freshTenant('delivery-reminder');
    clock.set('2026-06-02T08:30:00Z');
    await bot.send(bot.activities.installationUpdate(owner));
    const reference = await completeRecord(bot, owner);
    const stages = await setAward(bot, owner, reference, {
      awardDate: '2026-03-01',
      months: 24,
    });
    assert.ok(
      actionsOf(stages).some((a) => a.title === 'Record delivery'),
      'on the stages card',
    );
    const mark = connector.mark();
    await sweep(app);
    const reminders = connector
      .since(mark)
      .filter((c) => c.method === 'POST' && c.activity.attachments)
      .map((c) => cardOf(c.activity));
    const review = reminders.find((c) => cardTitle(c).startsWith('Reminder: stage 11'));
    const board = reminders.find((c) => cardTitle(c).startsWith('Reminder: stage 12'));
    assert.ok(review && board, 'both reminders came');
    // Only the stage the pack marks as measuring the value delivered offers it.
    assert.ok(!actionsOf(board).some((a) => a.title === 'Record delivery'));
    const opened = await bot.execute(owner, review, 'Record delivery');
    assert.equal(cardTitle(opened), 'Social value delivered');
    assert.match(cardText(opened), new RegExp(`^${reference}: Custody healthcare$`, 'm'));
    assert.equal(
      standing(opened, 'Work towards paying staff the Living Wage'),
      '**Nothing recorded yet**: no period recorded',
    );

    // An unfinished record is told what to do first.
    const draft = await newRecord(bot, owner);
    const refused = (await bot.say(owner, `progress ${draft}`)).card;
    assert.equal(cardTitle(refused), 'Procurement stages');
    assert.match(
      cardText(refused),
      new RegExp(`^Delivery is recorded after award, and ${draft} is not finished yet`, 'm'),
    );
    assert.match(cardText((await bot.say(owner, 'progress')).card), /progress SV-2026-0042/);
  });

  it('suggests the rating card’s delivery row from delivery, for the rater to confirm', async () => {
    const { owner } = freshTenant('delivery-rating');
    const reference = await fourOutcomes(owner);
    const row = pack.supplierStatus.rows.find((r) => r.suggestedFrom === 'delivery');
    assert.ok(row);
    clock.set(MIDDLE);
    const shown = (await bot.say(owner, `progress ${reference}`)).card;
    await bot.execute(owner, shown, 'Record delivery', {
      [IDS.from]: AWARD,
      [IDS.to]: '2027-04-14',
      [IDS.jobs]: '2',
      [IDS.jobsNote]: 'Payroll return, year 1',
      [IDS.spend]: '35',
      [IDS.spendNote]: 'Spend analysis',
      [IDS.wage]: 'met',
      [IDS.wageNote]: 'Accreditation certificate',
    });
    const rating = (await bot.say(owner, `rate ${reference}`)).card;
    // Jobs on track and the Living Wage met; the rate below its target and no days yet: 2 of 4.
    assert.equal(input(rating, `rating_${row.id}`).value, 'bronze');
    assert.match(
      cardText(rating),
      /^Suggested from delivery: 2 of 4 outcomes met or on track to date, so Bronze\. Confirm it or choose another level\.$/m,
    );
    // The other rows are left for the rater.
    for (const other of pack.supplierStatus.rows.filter((r) => r.id !== row.id)) {
      assert.equal(input(rating, `rating_${other.id}`).value, undefined, other.id);
    }
    // The rater changes it: the rating stands as given.
    const levels = Object.fromEntries(
      pack.supplierStatus.rows.map((r) => [`rating_${r.id}`, 'silver']),
    );
    const rated = await bot.execute(owner, rating, 'Rate the supplier', {
      ...levels,
      ratingEvidence: 'Quarterly review and the delivery record',
    });
    assert.match(cardTitle(rated), /Silver$/);
    const stored = await storedRecord(app, owner, reference);
    assert.equal(stored.ratings?.at(-1)?.rows.find((r) => r.id === row.id)?.level, 'silver');
  });
});

function spendLabel(): string {
  const label = pack.framework.measures.find((m) => m.id === 'local-supply-chain-spend')?.text;
  assert.ok(label);
  return label;
}
