import assert from 'node:assert/strict';
import { spendView } from '../../cards/dashboard/spend.js';
import { spendFiltersSchema } from '../../core/dashboard/spend-view.js';
import { builtInPack as pack } from '../../core/policy/index.js';
import { EMPTY_ACTION_PLAN, type PayeeMonth } from '../../core/spend/index.js';
import { rowOf } from './spend-support.js';

/** Twelve months of one financial year: `first` pence in April, a penny in each month after. */
function year(start: number, first: number): PayeeMonth[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const calendar = month >= 4 ? start : start + 1;
    return {
      month: `${calendar}-${String(month).padStart(2, '0')}`,
      payee: 's1',
      name: 'Fellside Catering Ltd',
      supplierId: 'S1',
      redacted: false,
      pence: i === 0 ? first : 1,
      rows: 1,
    };
  });
}

describe('the spend view against the baseline', () => {
  it('gives a change of spend in pounds to the penny', () => {
    // 2024-25: £1,000.05 paid and a redacted 5p; 2025-26: £2,000.00, nothing redacted.
    const months: PayeeMonth[] = [
      ...year(2024, 99_989),
      {
        month: '2024-05',
        payee: 'redacted',
        name: 'REDACTED',
        redacted: true,
        pence: 5,
        rows: 1,
      },
      ...year(2025, 199_989),
    ];
    const answer = spendView.build(
      { months, suppliers: [], plan: EMPTY_ACTION_PLAN, imports: [] },
      { pack, today: '2026-06-01', filters: spendFiltersSchema.parse({ year: '2025' }) },
    );
    assert.deepEqual(rowOf(answer, 'figures', 'Total spend (£)'), [
      'Total spend (£)',
      2000,
      1000.05,
      999.95,
    ]);
    assert.deepEqual(rowOf(answer, 'figures', 'Redacted spend (£)'), [
      'Redacted spend (£)',
      0,
      0.05,
      -0.05,
    ]);
  });

  it('names the two size lines the pack does not, in the words of the Size column', () => {
    // Fellside is listed as an SME with no band; Lakeland (no id, not listed) has no size at all.
    const months: PayeeMonth[] = [
      ...year(2025, 89),
      {
        month: '2025-04',
        payee: 'lakeland uniforms',
        name: 'Lakeland Uniforms',
        redacted: false,
        pence: 5_000,
        rows: 1,
      },
    ];
    const suppliers = [{ key: 'id:s1', id: 'S1', name: 'Fellside Catering Ltd', sme: true }];
    const answer = spendView.build(
      { months, suppliers, plan: EMPTY_ACTION_PLAN, imports: [] },
      { pack, today: '2026-06-01', filters: spendFiltersSchema.parse({}) },
    );
    assert.deepEqual(rowOf(answer, 'bands', 'SME, size not known').slice(0, 2), [
      'SME, size not known',
      1,
    ]);
    assert.deepEqual(rowOf(answer, 'bands', 'Unknown').slice(0, 2), ['Unknown', 50]);
    const paid = answer.tables.find((table) => table.id === 'suppliers');
    assert.deepEqual(
      paid?.rows.map((row) => [row[0], row[3]]),
      [
        ['Lakeland Uniforms', 'Unknown'],
        ['Fellside Catering Ltd', 'SME, size not known'],
      ],
    );
  });

  it('says what counts as local, from the pack, and marks a supplier in a district the boundary splits', () => {
    // April 2025: £10 each to a Carlisle, a Kirkby Lonsdale (LA6, partial) and a Manchester supplier.
    const payee = (id: string, name: string): PayeeMonth => ({
      month: '2025-04',
      payee: id.toLowerCase(),
      name,
      supplierId: id,
      redacted: false,
      pence: 1_000,
      rows: 1,
    });
    const months = [
      payee('C1', 'Carlisle Print'),
      payee('K1', 'Lune Valley Joinery'),
      payee('M1', 'Mancunian Vans'),
    ];
    const suppliers = [
      { key: 'id:c1', id: 'C1', name: 'Carlisle Print', postcode: 'CA1 1AA' },
      { key: 'id:k1', id: 'K1', name: 'Lune Valley Joinery', postcode: 'la6 2aa' },
      { key: 'id:m1', id: 'M1', name: 'Mancunian Vans', postcode: 'M1 1AA' },
    ];
    const build = (withPack: typeof pack) =>
      spendView.build(
        { months, suppliers, plan: EMPTY_ACTION_PLAN, imports: [] },
        { pack: withPack, today: '2026-06-01', filters: spendFiltersSchema.parse({}) },
      );
    const answer = build(pack);
    assert.ok(
      answer.part.kind === 'figures' &&
        answer.part.notes.includes(
          "Local: a supplier whose postcode is in CA1 to CA28, LA7 to LA23 and LA6 (partly outside the area). The list is our reading of §4.3 of the policy, not the policy's own words.",
        ),
      `the notes: ${JSON.stringify(answer.part)}`,
    );
    const local = (of: ReturnType<typeof build>) =>
      of.tables.find((table) => table.id === 'suppliers')?.rows.map((row) => [row[0], row[4]]);
    assert.deepEqual(local(answer)?.sort(), [
      ['Carlisle Print', 'Yes'],
      ['Lune Valley Joinery', 'Yes (LA6 is partly outside the area)'],
      ['Mancunian Vans', 'No'],
    ]);
    // A partial district counts as local: two of the three tens.
    assert.deepEqual(rowOf(answer, 'figures', 'Local share (%)').slice(0, 2), [
      'Local share (%)',
      66.7,
    ]);

    // A pack with no local area says so, rather than leaving a 0% unexplained.
    const { localArea: _none, ...noArea } = pack;
    const without = build(noArea);
    assert.ok(
      without.part.kind === 'figures' &&
        without.part.notes.some((note) =>
          note.startsWith('Local: the policy pack lists no local area'),
        ),
    );
    assert.deepEqual(
      local(without)?.map((row) => row[1]),
      ['No', 'No', 'No'],
    );
  });
});
