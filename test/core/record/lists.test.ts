import assert from 'node:assert/strict';
import { dueStages, latestTiers, rateSupplier } from '../../../core/record/index.js';
import { newRecord, pack } from './fixtures.js';
import { act, answerOf, awarded, QUARTERS, ratable } from './stage-fixtures.js';

const allRows = (level: string): Record<string, string> =>
  Object.fromEntries(pack.supplierStatus.rows.map((row) => [row.id, level]));

describe('the lists of records: due stages and suppliers (pure)', () => {
  it('lists the stages not done and due by the date, soonest first, each with its name and citation', () => {
    const first = { ...awarded(), id: 'SV-2026-0002', title: 'Second' };
    const second = { ...awarded('2026-05-01'), id: 'SV-2026-0001', title: 'First' };
    const due = dueStages([first, second], pack, QUARTERS[0] ?? '');
    assert.deepEqual(
      due.map((d) => [d.due, d.reference, d.stage]),
      [
        ['2026-07-01', 'SV-2026-0002', 11],
        ['2026-07-01', 'SV-2026-0002', 12],
      ],
    );
    const stage11 = pack.stages.find((s) => s.number === 11);
    assert.equal(due[0]?.stageName, stage11?.name);
    assert.equal(due[0]?.citation, stage11?.citation);
    assert.deepEqual(dueStages([newRecord()], pack, '2030-01-01'), [], 'no award, nothing due');
  });

  it('gives each supplier its latest tier, whatever the case of its name, in name order', () => {
    const rate = (supplier: string, level: string, on: string) =>
      answerOf(
        rateSupplier(
          ratable(),
          pack,
          { stage: 11, supplier, rows: allRows(level), evidence: 'Review minutes' },
          act(on),
        ),
      ).ratings ?? [];
    const standings = latestTiers(
      [
        { reference: 'SV-2026-0001', ratings: rate('Acme Care Ltd', 'gold', '2026-07-05') },
        { reference: 'SV-2026-0002', ratings: rate('acme care ltd', 'bronze', '2026-08-05') },
        { reference: 'SV-2026-0003', ratings: rate('Brightside', 'silver', '2026-07-01') },
      ],
      pack,
    );
    const label = (id: string) => pack.supplierStatus.tiers.find((t) => t.id === id)?.label;
    assert.deepEqual(
      standings.map((s) => [s.supplier, s.tierLabel, s.on, s.reference]),
      [
        ['acme care ltd', label('bronze'), '2026-08-05', 'SV-2026-0002'],
        ['Brightside', label('silver'), '2026-07-01', 'SV-2026-0003'],
      ],
    );
  });
});
