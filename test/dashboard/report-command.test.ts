import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { startBot, TestClock } from '../bot/post-award-support.js';
import { BotClient } from '../support/bot-client.js';
import { cardText, cardTitle } from '../support/cards.js';
import { CaptureConnector } from '../support/connector.js';
import { seed } from './support.js';

/** `report` in chat: the counts a person sees, and the button that opens the Dashboard tab. */

const TENANT = 'tenant-report';
const OFFICER = { tenantId: TENANT, userId: 'report-officer', name: 'Rita Report' };
const LEAD = { tenantId: TENANT, userId: 'report-lead', name: 'Len Lead' };
const NOW = '2026-06-01T09:00:00.000Z';
const TEAMS_APP = '8f2a6c1e-3b4d-4e5f-a061-7c8d9e0f1a2b';

describe('the report command', function () {
  this.timeout(20_000);
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
    const owner = { id: OFFICER.userId, name: OFFICER.name };
    await seed(app, [
      {
        reference: 'SV-2026-0001',
        tenantId: TENANT,
        owner,
        title: 'Draft one',
        createdAt: '2026-01-10T10:00:00.000Z',
      },
      {
        reference: 'SV-2026-0002',
        tenantId: TENANT,
        owner,
        title: 'Awarded one',
        createdAt: '2026-01-11T10:00:00.000Z',
        complete: true,
        // Four months of 24 passed by 1 June with no job recorded: behind. The Living Wage is
        // chosen with no target, so it is not counted as committed.
        measures: ['local-jobs', 'living-wage'],
        targets: [{ measureId: 'local-jobs', target: 4 }],
        awardDate: '2026-02-01',
        due: [
          { stage: 11, on: '2026-05-01' },
          { stage: 12, on: '2026-06-20' },
        ],
      },
      {
        // Awarded for 24 months from 1 January 2024: ended on 1 January 2026.
        reference: 'SV-2026-0004',
        tenantId: TENANT,
        owner,
        title: 'Ended one',
        createdAt: '2023-12-01T10:00:00.000Z',
        complete: true,
        awardDate: '2024-01-01',
      },
      {
        reference: 'SV-2026-0003',
        tenantId: TENANT,
        owner: { id: 'someone-else', name: 'S' },
        title: 'Not hers',
        createdAt: '2026-01-12T10:00:00.000Z',
        complete: true,
      },
    ]);
  });
  after(async () => {
    await app.close();
    await connector.close();
  });

  it('counts the officer’s records by status and her stages overdue and due soon', async () => {
    const { card } = await bot.say(OFFICER, 'report');
    assert.equal(cardTitle(card), 'Report');
    const text = cardText(card);
    for (const line of [
      'Your records and those shared with you.',
      /Draft: 1 record/,
      /Complete, not awarded yet: 0 records/,
      /Awarded: 1 record/,
      /Closed \(ended or terminated\): 1 record/,
      /^Overdue: 1 stage or assessment$/m,
      /^Due in the next 30 days: 1 stage or assessment$/m,
      /^Social value committed: 1 outcome with a target, in 1 awarded contract$/m,
      /^Delivered to date: 0 met, 0 on track, 1 behind or missed, 0 with nothing recorded yet$/m,
    ]) {
      assert.match(text, typeof line === 'string' ? new RegExp(line.replace('.', '\\.')) : line);
    }
    const actions = (card.actions ?? []) as { type?: string; title?: string; url?: string }[];
    assert.deepEqual(actions, [
      {
        type: 'Action.OpenUrl',
        title: 'Open the dashboard',
        url: `https://teams.microsoft.com/l/entity/${TEAMS_APP}/dashboard`,
      },
    ]);
  });

  it('counts every record of the tenant for a procurement lead', async () => {
    const { card } = await bot.say(LEAD, 'report');
    assert.match(cardText(card), /Complete, not awarded yet: 1 record/);
    assert.match(cardText(card), /every record of your organisation/i);
  });
});
