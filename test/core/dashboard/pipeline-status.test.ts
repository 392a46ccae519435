import assert from 'node:assert/strict';
import { pipelineStatus } from '../../../core/dashboard/index.js';

/** Where a record stands on the dashboard, at the edges of its contract's life. */

const person = { id: 'o', name: 'O' };
// 24 months from 1 February 2026: the contract ends on 1 February 2028.
const contract = { awardDate: '2026-02-01', months: 24 };
const awarded = { status: 'complete' as const, contract };

describe('the dashboard status of a record', () => {
  it('is draft until complete, and complete until awarded', () => {
    assert.equal(pipelineStatus({ status: 'draft' }, '2026-06-01'), 'draft');
    assert.equal(pipelineStatus({ status: 'complete' }, '2026-06-01'), 'complete');
  });

  it('is awarded from the award date through the end date, and closed the day after', () => {
    assert.equal(pipelineStatus(awarded, '2026-02-01'), 'awarded');
    assert.equal(pipelineStatus(awarded, '2028-02-01'), 'awarded', 'the last day still runs');
    assert.equal(pipelineStatus(awarded, '2028-02-02'), 'closed');
  });

  it('is closed as soon as a termination is recorded, even before the end date', () => {
    const terminated = {
      ...awarded,
      performance: {
        termination: { on: '2026-05-15', by: person, at: '2026-05-15T10:00:00.000Z' },
        assessments: [],
        events: [],
        reminder: {},
      },
    };
    assert.equal(pipelineStatus(terminated, '2026-05-15'), 'closed');
    assert.equal(pipelineStatus(terminated, '2026-06-01'), 'closed');
  });
});
