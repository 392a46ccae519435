import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  comparePounds,
  formatMoney,
  moneySchema,
  parseMoney,
  toPence,
} from '../../../core/common/index.js';

describe('parseMoney', () => {
  const cases: [string, number][] = [
    ['250000', 250_000],
    ['£250,000', 250_000],
    ['250k', 250_000],
    ['250K', 250_000],
    ['£1.5m', 1_500_000],
    ['1.5M', 1_500_000],
    ['£2bn', 2_000_000_000],
    ['£100,000.01', 100_000.01],
    ['  £ 1,234.56 ', 1_234.56],
    ['£0', 0],
    ['£2,000,001', 2_000_001],
  ];
  for (const [text, pounds] of cases) {
    it(`reads ${JSON.stringify(text)} as ${pounds}`, () => {
      assert.equal(parseMoney(text), pounds);
    });
  }

  const bad = [
    '',
    'abc',
    '£',
    '-5',
    '£-250',
    '1,00',
    '12,3456',
    '1.5x',
    '£1m£',
    '250 thousand',
    '1.234',
    'k',
  ];
  for (const text of bad) {
    it(`refuses ${JSON.stringify(text)} so the caller can ask again`, () => {
      assert.equal(parseMoney(text), undefined);
    });
  }

  it('reads back every amount formatMoney writes (pence kept)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (pence) => {
        const pounds = pence / 100;
        assert.equal(parseMoney(formatMoney(pounds)), pounds);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatMoney', () => {
  it('writes pounds with thousands separators and pence only where there are any', () => {
    assert.equal(formatMoney(100_000), '£100,000');
    assert.equal(formatMoney(100_000.01), '£100,000.01');
    assert.equal(formatMoney(100_000.1), '£100,000.10');
    assert.equal(formatMoney(0), '£0');
    assert.equal(formatMoney(5_372_609), '£5,372,609');
  });
});

describe('money in pence', () => {
  it('compares to the penny, so £100,000.01 is above £100,000', () => {
    assert.ok(comparePounds(100_000.01, 100_000) > 0);
    assert.equal(comparePounds(0.1 + 0.2, 0.3), 0);
    assert.equal(toPence(214_904), 21_490_400);
  });

  it('accepts whole pence and refuses negative, fractional-penny or non-finite amounts', () => {
    assert.equal(moneySchema.safeParse(100_000.01).success, true);
    assert.equal(moneySchema.safeParse(0).success, true);
    const refused: [unknown, RegExp][] = [
      [-1, /must not be negative/],
      [1.001, /whole pence/],
      [Number.POSITIVE_INFINITY, /./],
      [Number.NaN, /./],
      ['100', /amount in pounds/],
    ];
    for (const [value, message] of refused) {
      const parsed = moneySchema.safeParse(value);
      assert.equal(parsed.success, false, `${String(value)} should be refused`);
      assert.match(parsed.error?.issues[0]?.message ?? '', message);
    }
  });
});
