import assert from 'node:assert/strict';
import type { App } from '../../bot/app.js';
import { PLAYGROUND_TENANT_ID } from '../../bot/local/playground.js';
import { startBot, TestClock } from '../bot/post-award-support.js';

/**
 * A fresh local store (`npm start` before any record): the local sign-in still offers the
 * procurement leads, in the Playground's tenant, so that a lead can import spend before any
 * commissioning exercise exists.
 */
describe('the local sign-in on a fresh store', function () {
  this.timeout(20_000);
  let app: App;
  before(async () => {
    app = await startBot(new TestClock('2026-06-01T09:00:00.000Z'), {
      PROCUREMENT_LEAD_IDS: 'lead-1',
    });
  });
  after(async () => app?.close());

  it('offers each procurement lead in the Playground’s tenant', async () => {
    const { people } = (await (await fetch(`${app.url}/dashboard/local/people`)).json()) as {
      people: { tenantId: string; userId: string; isProcurementLead: boolean }[];
    };
    assert.deepEqual(
      people.map((p) => [p.tenantId, p.userId, p.isProcurementLead]),
      [[PLAYGROUND_TENANT_ID, 'lead-1', true]],
    );
  });
});
