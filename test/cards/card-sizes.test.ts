import assert from 'node:assert/strict';
import { recordCard } from '../../bot/wizard/render.js';
import { dueCard } from '../../cards/due-card.js';
import { recordListCard } from '../../cards/list-card.js';
import { RATING_INPUTS, ratingCard, ratingResultCard } from '../../cards/rating-card.js';
import { reminderCard } from '../../cards/reminder-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { CONTRACT_INPUTS, stageInputIds } from '../../cards/stage-inputs.js';
import { stagesCard } from '../../cards/stages-card.js';
import { suppliersCard } from '../../cards/suppliers-card.js';
import {
  activeSteps,
  applyAnswers,
  ECHO_SLACK,
  RECORD_TEXT_LIMITS,
  TEXT_LIMITS,
} from '../../core/flow/index.js';
import { type CommissioningRecord, stagesOf } from '../../core/record/index.js';
import { flow, pack } from '../core/flow/helpers.js';
import { longText, maximalRecord } from '../core/record/max-record.js';
import { cardText, input } from '../support/cards.js';

/** Well inside the 100 KB Teams takes in one message (and the 80 KB to keep a card under). */
const CARD_BUDGET = 40 * 1024;

const bytes = (card: AdaptiveCard): number =>
  Buffer.byteLength(
    JSON.stringify({ contentType: 'application/vnd.microsoft.card.adaptive', content: card }),
  );

/** Every card the bot can show for the maximal record, by name. */
function everyCard(record: CommissioningRecord): Map<string, AdaptiveCard> {
  const cards = new Map<string, AdaptiveCard>();
  const today = '2036-04-01';
  for (const step of activeSteps(flow, record.draft.answers)) {
    // The card for a step, as Back (or "open" on a record standing there) shows it.
    cards.set(`step ${step.id}`, recordCard(flow, record, { step: step.id }));
    // The same card refused: every text one past its limit, each with its error beside it.
    const over: Record<string, string> = {};
    for (const question of step.questions) {
      if (question.kind === 'text' || question.kind === 'longText') {
        over[question.id] = longText(question.maxLength + 1, 'C');
      }
    }
    const refused = applyAnswers(flow, record.draft, step.id, over);
    if (!refused.ok) {
      cards.set(
        `step ${step.id} refused`,
        recordCard(flow, record, { step: step.id, values: refused.values, errors: refused.errors }),
      );
    }
  }
  cards.set('summary', recordCard(flow, record));
  cards.set('stages', stagesCard(pack, record, today));
  const note = stageInputIds(11).note;
  cards.set(
    'stages refused',
    stagesCard(pack, record, today, {
      values: {
        [note]: longText(RECORD_TEXT_LIMITS.stageNote + 1),
        [CONTRACT_INPUTS.supplier]: longText(RECORD_TEXT_LIMITS.supplier + 1),
      },
      errors: { [note]: 'Shorten this', [CONTRACT_INPUTS.supplier]: 'Shorten this' },
    }),
  );
  cards.set('rating', ratingCard(pack, record));
  cards.set(
    'rating refused',
    ratingCard(pack, record, {
      values: {
        [RATING_INPUTS.supplier]: longText(RECORD_TEXT_LIMITS.supplier + 1),
        [RATING_INPUTS.evidence]: longText(RECORD_TEXT_LIMITS.ratingEvidence + 1),
      },
      errors: { [RATING_INPUTS.supplier]: 'Shorten this', [RATING_INPUTS.evidence]: 'Shorten' },
    }),
  );
  const rating = record.ratings?.at(-1);
  assert.ok(rating);
  cards.set('rating result', ratingResultCard(pack, record, rating));
  const due = stagesOf(record, pack).find((s) => s.number === 13)?.due ?? today;
  cards.set('reminder', reminderCard(pack, record, { stage: 13, due }, today));
  cards.set('reminder done', reminderCard(pack, record, { stage: 13, due }, today, 'Done.'));
  // The list shows the store's 25 newest; the suppliers and due lists have no such bound.
  const title = longText(TEXT_LIMITS.short, 'Title').replace(/\n/g, ' ');
  cards.set(
    'list',
    recordListCard(
      Array.from({ length: 25 }, (_, n) => ({
        id: `SV-2026-${String(n).padStart(4, '0')}`,
        title,
        status: 'draft' as const,
        stepTitle: 'Opening the contract to smaller providers',
        updatedAt: '2026-04-01T10:00:00.000Z',
        ownerName: record.owner.name,
      })),
      true,
      today,
    ),
  );
  cards.set(
    'suppliers',
    suppliersCard(
      pack,
      Array.from({ length: 1_000 }, (_, n) => ({
        supplier: `${n} ${rating.supplier}`,
        tierLabel: 'Silver',
        on: '2026-04-01',
        reference: `SV-2026-${String(n).padStart(4, '0')}`,
        citation: 'Fig 2',
      })),
    ),
  );
  cards.set(
    'due',
    dueCard(
      Array.from({ length: 1_000 }, (_, n) => ({
        reference: `SV-2026-${String(n).padStart(4, '0')}`,
        title,
        stage: 11,
        stageName: 'Contract performance review',
        due: '2026-04-20',
        citation: 'Fig 1 stage 11',
      })),
      30,
      '2026-04-01',
    ),
  );
  return cards;
}

describe('card sizes for the largest record', function () {
  this.timeout(20_000);
  const { record } = maximalRecord();
  const cards = everyCard(record);

  it('keeps every card the bot can show under 40 KB', () => {
    const sizes = [...cards].map(([name, card]) => ({ name, bytes: bytes(card) }));
    if (process.env.CARD_SIZES) console.log(sizes);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(
      `      largest card: ${largest.name}, ${largest.bytes} bytes of ${sizes.length} cards`,
    );
    for (const { name, bytes: size } of sizes) {
      assert.ok(size < CARD_BUDGET, `the ${name} card is ${size} bytes`);
    }
    assert.ok(cards.has('step basics') && cards.has('summary'));
  });

  it('shows no internal note on any card: a derived rule is said in plain words', () => {
    for (const [name, card] of cards) {
      assert.doesNotMatch(JSON.stringify(card), /\[derived|derived:/, `the ${name} card`);
    }
    assert.match(JSON.stringify(cards.get('rating result')), /Our reading of Fig 2/);
  });

  it('shows the start of each long answer on the summary, saying it is shortened', () => {
    const summary = cardText(cards.get('summary') as AdaptiveCard);
    const answers = record.draft.answers;
    for (const id of ['aims', 'baselineOutcomes', 'consultationPlan', 'promotion', 'lotsReason']) {
      const answer = String(answers[id]);
      assert.equal(answer.length, TEXT_LIMITS.long);
      assert.ok(summary.includes(answer.slice(0, 500)), `the summary does not show ${id}`);
      assert.ok(!summary.includes(answer), `the summary shows all of ${id}`);
    }
    assert.match(summary, /… \(shortened: 2,000 characters in all\)/);
  });

  it('lists at most a card’s worth of suppliers and due stages, saying how many more', () => {
    assert.match(cardText(cards.get('suppliers') as AdaptiveCard), /and \d[\d,]* more/);
    assert.match(cardText(cards.get('due') as AdaptiveCard), /and \d[\d,]* more/);
  });

  it('shows a record saved before the limits, with a 900,000-character answer, on a card that fits', () => {
    const book = longText(900_000);
    const { draft } = record;
    const legacy = { ...record, draft: { ...draft, answers: { ...draft.answers, aims: book } } };
    const back = recordCard(flow, legacy, { step: 'why' });
    assert.ok(bytes(back) < CARD_BUDGET, `the card is ${bytes(back)} bytes`);
    assert.equal(input(back, 'aims').value, book.slice(0, TEXT_LIMITS.long + ECHO_SLACK));
    assert.ok(bytes(recordCard(flow, legacy)) < CARD_BUDGET, 'the summary outgrew its budget');
  });
});
