import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Answers } from '../../../core/flow/index.js';
import { answerChanges, type Change } from '../../../core/record/index.js';

/** The answers a list of changes leads to from `before`. */
function applyChanges(before: Answers, changes: Change[]): Answers {
  const after: Record<string, unknown> = { ...before };
  for (const change of changes) {
    if ('to' in change) after[change.field] = change.to;
    else delete after[change.field];
  }
  return after as Answers;
}

const answerValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.constantFrom('1', '2', 'local-jobs'), { maxLength: 3 }),
);
const answers = fc.dictionary(
  fc.constantFrom('title', 'value', 'themes', 'competitive', 'aims'),
  answerValue,
  { noNullPrototype: true },
);

describe('answerChanges', () => {
  it('names each answer added, changed or removed, in field order, with its old and new value', () => {
    const before: Answers = { title: 'Custody', value: 250_000, themes: ['2'], competitive: true };
    const after: Answers = {
      title: 'Custody healthcare',
      value: 250_000,
      themes: ['2', '4'],
      aims: 'Safe care',
    };
    assert.deepEqual(answerChanges(before, after), [
      { field: 'aims', to: 'Safe care' },
      { field: 'competitive', from: true },
      { field: 'themes', from: ['2'], to: ['2', '4'] },
      { field: 'title', from: 'Custody', to: 'Custody healthcare' },
    ]);
  });

  it('finds no change between equal answers, lists included, whatever objects hold them', () => {
    assert.deepEqual(answerChanges({}, {}), []);
    assert.deepEqual(
      answerChanges(
        {
          themes: ['2', '4'],
          outcomeTargets: [
            {
              measureId: 'local-jobs',
              target: 3,
              tests: { relevant: true, specifiable: true, priorities: true },
            },
          ],
        },
        {
          themes: ['2', '4'],
          outcomeTargets: [
            {
              measureId: 'local-jobs',
              target: 3,
              tests: { relevant: true, specifiable: true, priorities: true },
            },
          ],
        },
      ),
      [],
    );
  });

  it('tells a change of type apart: "250000" is not 250000, false is not "false"', () => {
    assert.deepEqual(answerChanges({ value: '250000' }, { value: 250_000 }), [
      { field: 'value', from: '250000', to: 250_000 },
    ]);
    assert.deepEqual(answerChanges({ competitive: false }, { competitive: 'false' }), [
      { field: 'competitive', from: false, to: 'false' },
    ]);
  });

  it('always gives exactly the changes that turn the old answers into the new (property)', () => {
    fc.assert(
      fc.property(answers, answers, (before, after) => {
        const changes = answerChanges(before, after);
        assert.deepEqual(applyChanges(before, changes), after);
        assert.deepEqual(answerChanges(after, after), []);
        const fields = changes.map((change) => change.field);
        assert.deepEqual(fields, [...new Set(fields)].sort(), 'each field once, sorted');
      }),
    );
  });
});
