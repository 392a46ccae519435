import assert from 'node:assert/strict';
import { recordCard } from '../../../bot/wizard/render.js';
import {
  applyAnswers,
  ECHO_SLACK,
  LIST_LIMITS,
  type Question,
  type StepId,
  saveProgress,
  TEXT_LIMITS,
} from '../../../core/flow/index.js';
import { maxLengthOf } from '../../support/input-limits.js';
import { longText, maximalRecord } from '../record/max-record.js';
import { aboveKpiValue, draftAt, flow, typical } from './helpers.js';

type TextQuestion = Extract<Question, { kind: 'text' | 'longText' }>;

/** Every text question, with the step that asks it. */
const textQuestions: { step: StepId; question: TextQuestion }[] = flow.steps.flatMap((step) =>
  step.questions.flatMap((question) =>
    question.kind === 'text' || question.kind === 'longText' ? [{ step: step.id, question }] : [],
  ),
);

/** The other answers on a card that make the question shown. */
const shownWith: Record<string, Record<string, string>> = {
  relevanceNote: { stillRelevant: 'false' },
  mssNotPlannedReason: { mssAll: 'false' },
  turnoverJustification: { minimumTurnover: '£900,000' },
  // A spare KPI slot is checked as a whole KPI: its other fields filled in.
  ...Object.fromEntries(
    [4, 5].flatMap((slot) => {
      const whole = {
        [`kpi${slot}Name`]: 'Spare',
        [`kpi${slot}MeasuredBy`]: 'Count',
        [`kpi${slot}Target`]: '1',
      };
      return Object.keys(whole).map((id) => [id, whole]);
    }),
  ),
};

/** The KPI step is asked only above the KPI value. */
const cardsFor = (step: StepId) => (step === 'kpis' ? aboveKpiValue : typical);

const cardWith = (step: StepId, id: string, text: string): Record<string, string> => ({
  ...cardsFor(step)[step],
  ...shownWith[id],
  [id]: text,
});

describe('text length limits in the questionnaire', () => {
  it('gives every text question a limit, none longer than a long answer', () => {
    assert.ok(textQuestions.length >= 11, `only ${textQuestions.length} text questions`);
    for (const { question } of textQuestions) {
      assert.ok(
        question.maxLength > 0 && question.maxLength <= TEXT_LIMITS.long,
        `${question.id} has the limit ${question.maxLength}`,
      );
    }
  });

  for (const { step, question } of textQuestions) {
    const max = question.maxLength;
    it(`refuses “${question.id}” one character past ${max}, keeping it as typed, and takes exactly ${max}`, () => {
      const draft = draftAt(step, cardsFor(step));
      const over = longText(max + 1);
      const refused = applyAnswers(flow, draft, step, cardWith(step, question.id, over));
      assert.equal(refused.ok, false, 'one character too many was accepted');
      if (refused.ok) return;
      assert.deepEqual(refused.errors, {
        [question.id]: `“${question.label}”: shorten this to ${max.toLocaleString('en-GB')} characters or fewer; it is ${(max + 1).toLocaleString('en-GB')}.`,
      });
      assert.equal(refused.values[question.id], over);

      // Saving for later keeps what was stored before, and says what to fix.
      const saved = saveProgress(flow, draft, step, cardWith(step, question.id, over));
      assert.match(saved.errors[question.id] ?? '', /: shorten this to /);
      assert.equal(saved.draft.answers[question.id], draft.answers[question.id]);

      const longest = longText(max);
      const accepted = applyAnswers(flow, draft, step, cardWith(step, question.id, longest));
      assert.ok(accepted.ok, JSON.stringify(!accepted.ok && accepted.errors));
      assert.equal(accepted.draft.answers[question.id], longest);
    });
  }

  it('gives each text input of every card its limit, so that the client stops typing there', () => {
    const { record } = maximalRecord();
    let checked = 0;
    for (const step of flow.steps) {
      const card = recordCard(flow, record, { step: step.id });
      for (const question of step.questions) {
        if (question.kind !== 'text' && question.kind !== 'longText') continue;
        const limit = maxLengthOf(card, question.id);
        if (limit === undefined && !JSON.stringify(card).includes(`"id":"${question.id}"`))
          continue;
        assert.equal(typeof limit, 'number', `the ${question.id} input has no maxLength`);
        assert.equal(limit, question.maxLength, `the ${question.id} input's maxLength`);
        checked += 1;
      }
    }
    assert.ok(checked >= 11, `only ${checked} text inputs were on the cards`);
  });

  it('answers thousands of unknown options with a short error and a card-sized echo', () => {
    const draft = draftAt('outcomes');
    const ids = Array.from({ length: 5_000 }, (_, n) => `made-up-${n}`);
    const refused = applyAnswers(flow, draft, 'outcomes', {
      ...typical.outcomes,
      measures: ids.join(','),
    });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    const message = refused.errors.measures ?? '';
    assert.match(
      message,
      /^“Which outcomes will you seek\?”: tick only the options listed: "made-up-0", "made-up-1", "made-up-2" and 4,997 more are not one of them$/,
    );
    assert.ok(LIST_LIMITS.namedInError === 3);
    assert.ok((refused.values.measures ?? '').length <= TEXT_LIMITS.long + ECHO_SLACK);
    assert.deepEqual(draft.answers.measures, draftAt('outcomes').answers.measures);
  });

  it('shows back a pasted book only up to a little past the limit', () => {
    const draft = draftAt('why');
    const book = longText(900_000);
    const refused = applyAnswers(flow, draft, 'why', { ...typical.why, aims: book });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(
      refused.errors.aims,
      '“What are we trying to achieve?”: shorten this to 2,000 characters or fewer; it is 900,000.',
    );
    assert.equal(refused.values.aims, book.slice(0, TEXT_LIMITS.long + ECHO_SLACK));
  });
});
