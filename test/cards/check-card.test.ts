import assert from 'node:assert/strict';
import { button } from '../../cards/actions.js';
import { messageCard } from '../../cards/info-cards.js';
import { cardProblems, libraryProblems, MAX_CARD_BYTES } from './check-card.js';

/** A valid card to spoil in one way at a time. */
const good = () => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Contract', wrap: true },
    { type: 'Input.Text', id: 'title', label: 'Contract title' },
    { type: 'Input.Toggle', id: 'confirm', title: 'I confirm', valueOn: 'true', valueOff: 'false' },
  ],
  actions: [button('Continue', { verb: 'wizard.next', reference: 'SV-2026-0001' })],
});

describe('the card check itself', () => {
  it('passes a good card', () => {
    assert.deepEqual(cardProblems(good()), []);
    assert.deepEqual(cardProblems(messageCard('Title', 'Text')), []);
  });

  it('the adaptivecards library catches an unknown element type and a duplicate input id', () => {
    const unknown = good();
    unknown.body.push({ type: 'Input.Slider', id: 'level', label: 'Level' } as never);
    assert.deepEqual(libraryProblems(unknown), [
      'parse: Unknown element type "Input.Slider". Fallback will be used if present.',
    ]);
    const duplicate = good();
    duplicate.body.push({ type: 'Input.Text', id: 'title', label: 'Another title' });
    assert.deepEqual(libraryProblems(duplicate), ['validate: Duplicate Id "title".']);
    const version = { ...good(), version: '1.9' };
    assert.equal(libraryProblems(version).length, 1);
  });

  it('catches what the library does not: version, size, bindings, labels, fallbacks, key clashes', () => {
    const cases: [string, (card: ReturnType<typeof good>) => object, RegExp][] = [
      ['version 1.6', (card) => ({ ...card, version: '1.6' }), /version 1\.6, not 1\.5/],
      [
        'too big',
        (card) => ({
          ...card,
          body: [...card.body, { type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) }],
        }),
        /bytes, over/,
      ],
      [
        'an unbound binding',
        (card) => ({ ...card, body: [...card.body, { type: 'TextBlock', text: `\${title}` }] }),
        /unbound \$\{title\}/,
      ],
      [
        'an input without a label',
        (card) => ({ ...card, body: [...card.body, { type: 'Input.Number', id: 'months' }] }),
        /months: no label/,
      ],
      [
        'a toggle without a title',
        (card) => ({
          ...card,
          body: [...card.body, { type: 'Input.Toggle', id: 'agree', label: 'Agree' }],
        }),
        /agree: no title/,
      ],
      [
        'Action.Execute without a fallback',
        (card) => ({
          ...card,
          actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { verb: 'go' } }],
        }),
        /Go: Action\.Execute without an Action\.Submit fallback/,
      ],
      [
        'a fallback sending other data',
        (card) => ({
          ...card,
          actions: [
            {
              type: 'Action.Execute',
              title: 'Go',
              verb: 'go',
              data: { verb: 'go', step: 'why' },
              fallback: { type: 'Action.Submit', title: 'Go', data: { verb: 'go' } },
            },
          ],
        }),
        /Go: the fallback sends other data/,
      ],
      [
        'an input id that is a button key',
        (card) => ({
          ...card,
          body: [...card.body, { type: 'Input.Text', id: 'reference', label: 'Reference' }],
        }),
        /input reference would overwrite/,
      ],
      [
        'a duplicate input id',
        (card) => ({
          ...card,
          body: [...card.body, { type: 'Input.Text', id: 'title', label: 'Title again' }],
        }),
        /input id title used twice/,
      ],
    ];
    for (const [what, spoil, expected] of cases) {
      const problems = cardProblems(spoil(good()));
      assert.ok(
        problems.some((problem) => expected.test(problem)),
        `${what}: ${JSON.stringify(problems)}`,
      );
    }
  });
});
