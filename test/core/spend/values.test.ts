import assert from 'node:assert/strict';
import { isRedacted, readAmountPence, readSpendDate } from '../../../core/spend/index.js';

describe('spend values', () => {
  it('reads dates written dd/mm/yyyy and ISO, and refuses a date that does not exist', () => {
    assert.deepEqual(readSpendDate('01/04/2024'), { ok: true, value: '2024-04-01' });
    assert.deepEqual(readSpendDate('5/3/2025'), { ok: true, value: '2025-03-05' });
    assert.deepEqual(readSpendDate('2024-04-01'), { ok: true, value: '2024-04-01' });
    assert.deepEqual(readSpendDate('29/02/2024'), { ok: true, value: '2024-02-29' });
    assert.deepEqual(readSpendDate('31/02/2024'), {
      ok: false,
      reason: 'the date "31/02/2024" does not exist',
    });
    assert.deepEqual(readSpendDate('2023-02-29'), {
      ok: false,
      reason: 'the date "2023-02-29" does not exist',
    });
    assert.deepEqual(readSpendDate('April 2024'), {
      ok: false,
      reason: 'the date "April 2024" is not written dd/mm/yyyy or yyyy-mm-dd',
    });
    assert.deepEqual(readSpendDate(' '), { ok: false, reason: 'there is no date' });
  });

  it('reads amounts with £, thousands separators, pence and negatives in whole pence', () => {
    const cases: [string, number][] = [
      ['£1,234.56', 123_456],
      ['1234.5', 123_450],
      ['500', 50_000],
      ['£12,345,678.90', 1_234_567_890],
      ['-£20.00', -2_000],
      ['£-20.00', -2_000],
      ['-1,000', -100_000],
      ['(£75.25)', -7_525],
      ['(75.25)', -7_525],
      [' £ 0.07 ', 7],
    ];
    for (const [text, pence] of cases)
      assert.deepEqual(readAmountPence(text), { ok: true, value: pence }, text);
  });

  it('refuses what is not an amount in pounds and pence', () => {
    for (const text of ['12.345', '1,23', 'ten pounds', '£', '--5', '(-5)', '12,3456.00'])
      assert.deepEqual(
        readAmountPence(text),
        { ok: false, reason: `the amount "${text}" is not an amount in pounds and pence` },
        text,
      );
    assert.deepEqual(readAmountPence(''), { ok: false, reason: 'there is no amount' });
  });

  it('knows a redacted payee however it is written', () => {
    for (const name of ['Redacted', 'REDACTED - personal data', ' redacted personal data'])
      assert.equal(isRedacted(name), true, name);
    for (const name of ['Redactive Ltd', 'Acme Ltd', 'Not redacted'])
      assert.equal(isRedacted(name), false, name);
  });
});
