import assert from 'node:assert/strict';
import { takeInTurn } from '../../bot/reminders/sweep.js';

describe('the order a sweep works in', () => {
  it('takes owners in turn, so that one officer with many reminders does not hold up the rest', () => {
    const due = ['ann-1', 'ann-2', 'ann-3', 'ann-4', 'bob-1', 'cat-1', 'cat-2'];
    assert.deepEqual(
      takeInTurn(due, (item) => item.split('-')[0] ?? ''),
      ['ann-1', 'bob-1', 'cat-1', 'ann-2', 'cat-2', 'ann-3', 'ann-4'],
    );
  });

  it('keeps every item once, whatever the groups', () => {
    const items = Array.from({ length: 50 }, (_, i) => `${i % 7}-${i}`);
    const ordered = takeInTurn(items, (item) => item.split('-')[0] ?? '');
    assert.deepEqual([...ordered].sort(), [...items].sort());
  });
});
