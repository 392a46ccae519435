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
});
