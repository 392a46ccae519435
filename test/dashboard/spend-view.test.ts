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
});
