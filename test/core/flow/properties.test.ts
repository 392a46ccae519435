import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  activeSteps,
  applyAnswers,
  cardValues,
  type Draft,
  goBack,
  isRequired,
  isShown,
  newDraft,
  parseDraft,
  type RawValues,
  type StepId,
  saveProgress,
  stepErrors,
  visibleQuestions,
} from '../../../core/flow/index.js';
import { messyCard, Picker, STEPS, stepOfQuestion, tidyCard } from './cards.js';
import { flow, pack, typical, walk } from './helpers.js';

const RUNS = { numRuns: 200 };

interface Op {
  kind: 'submit' | 'save' | 'back';
  onCurrentStep: boolean;
  step: StepId;
  tidy: boolean;
  numbers: number[];
}

const opArbitrary: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('submit', 'submit', 'submit', 'save', 'back'),
  onCurrentStep: fc.boolean(),
  step: fc.constantFrom(...STEPS),
  tidy: fc.boolean(),
  numbers: fc.array(fc.nat(1_000), { minLength: 60, maxLength: 60 }),
});

const given = (value: unknown): boolean =>
  value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** Did the card carry a value for this question (for measure targets, any of its fields)? */
function cardGives(raw: RawValues, id: string): boolean {
  return Object.entries(raw).some(
    ([key, value]) => (key === id || key.startsWith(`${id}.`)) && given(value),
  );
}

function stepIsLive(draft: Draft): boolean {
  return draft.step === 'done' || activeSteps(flow, draft.answers).some((s) => s.id === draft.step);
}

/** One op on the draft, checking it loses no answer; returns the draft after it. */
function run(before: Draft, op: Op): Draft {
  const snapshot = structuredClone(before);
  const stepId = op.onCurrentStep && before.step !== 'done' ? before.step : op.step;
  const pick = new Picker(op.numbers);
  const raw = (op.tidy ? tidyCard : messyCard)(stepId, before.answers, pick);

  let after: Draft;
  let changeable = false;
  if (op.kind === 'back') after = goBack(flow, before, stepId);
  else if (op.kind === 'save') {
    after = saveProgress(flow, before, stepId, raw).draft;
    changeable = true;
  } else {
    const result = applyAnswers(flow, before, stepId, raw);
    after = result.ok ? result.draft : before;
    changeable = result.ok;
    if (result.ok) assert.equal(result.next, result.draft.step);
  }

  assert.deepEqual(before, snapshot, 'the draft handed in was changed');
  for (const [id, value] of Object.entries(before.answers)) {
    if (JSON.stringify(after.answers[id]) === JSON.stringify(value)) continue;
    const where = stepOfQuestion.get(id);
    assert.ok(where, `unknown answer ${id}`);
    const { question } = where;
    const why = `${op.kind} ${stepId} changed ${id} from ${JSON.stringify(value)} to ${JSON.stringify(after.answers[id])}`;
    assert.ok(changeable && where.stepId === stepId, why);
    assert.ok(isShown(question, after.answers, pack), `${why}, a question not asked`);
    assert.ok(
      cardGives(raw, id) || !isRequired(question, after.answers, pack),
      `${why}, though it is required and was left empty`,
    );
  }
  for (const id of Object.keys(after.answers)) {
    if (id in before.answers) continue;
    assert.ok(changeable && stepOfQuestion.get(id)?.stepId === stepId, `${id} appeared`);
  }
  assert.ok(stepIsLive(after), `${op.kind} ${stepId} left the draft on skipped ${after.step}`);
  if (after.step === 'done') {
    for (const step of activeSteps(flow, after.answers)) {
      assert.deepEqual(stepErrors(flow, after.answers, step.id), {}, `done with ${step.id} open`);
    }
  }
  const stored = parseDraft(JSON.parse(JSON.stringify(after)));
  assert.ok(stored.ok);
  assert.deepEqual(stored.value, after);
  return after;
}

/** Every citation a step shows, on these answers. */
function citationsShown(draft: Draft): string[] {
  return activeSteps(flow, draft.answers).flatMap((step) => [
    ...(step.citation ? [step.citation] : []),
    ...visibleQuestions(flow, draft, step.id).flatMap((question) => [
      ...(question.citation ? [question.citation] : []),
      ...(question.kind === 'measureTargets'
        ? question.measures.flatMap((measure) => [
            measure.citation,
            ...measure.inputs.flatMap((input) => (input.citation ? [input.citation] : [])),
          ])
        : []),
    ]),
  ]);
}

const known = new Set([...pack.paragraphs.map((p) => p.ref), ...pack.sources.map((s) => s.ref)]);

describe('questionnaire properties', () => {
  it('never loses an answer, nor lands on a skipped step, whatever the officer does', () => {
    const complete = walk(typical).draft;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(opArbitrary, { minLength: 1, maxLength: 15 }),
        (fromComplete, ops) => {
          let draft = fromComplete ? complete : newDraft(flow);
          for (const op of ops) draft = run(draft, op);
        },
      ),
      RUNS,
    );
  });

  it('accepts a properly filled card on every step, and ends at done', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000), { minLength: 60, maxLength: 60 }), (numbers) => {
        const pick = new Picker(numbers);
        let draft = newDraft(flow);
        for (let turns = 0; draft.step !== 'done'; turns++) {
          assert.ok(turns < STEPS.length, 'the walk does not end');
          const result = applyAnswers(
            flow,
            draft,
            draft.step,
            tidyCard(draft.step, draft.answers, pick),
          );
          assert.ok(result.ok, `${draft.step}: ${JSON.stringify(!result.ok && result.errors)}`);
          assert.ok(stepIsLive(result.draft));
          draft = result.draft;
        }
      }),
      RUNS,
    );
  });

  it('shows a stored draft on its cards so that submitting them again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000), { minLength: 60, maxLength: 60 }), (numbers) => {
        const pick = new Picker(numbers);
        let draft = newDraft(flow);
        while (draft.step !== 'done') {
          const result = applyAnswers(
            flow,
            draft,
            draft.step,
            tidyCard(draft.step, draft.answers, pick),
          );
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          draft = result.draft;
        }
        for (const step of activeSteps(flow, draft.answers)) {
          const again = applyAnswers(flow, draft, step.id, cardValues(flow, draft, step.id));
          assert.ok(again.ok, `${step.id}: ${JSON.stringify(!again.ok && again.errors)}`);
          assert.deepEqual(again.draft.answers, draft.answers, step.id);
        }
      }),
      RUNS,
    );
  });

  it('cites only paragraphs and sources the pack has', () => {
    const cited = flow.steps.flatMap((step) => [
      ...(step.citation ? [step.citation] : []),
      ...step.questions.flatMap((question) => (question.citation ? [question.citation] : [])),
    ]);
    assert.ok(cited.length >= 15, `only ${cited.length} citations`);
    assert.deepEqual(
      cited.filter((ref) => !known.has(ref)),
      [],
    );
    fc.assert(
      fc.property(fc.array(fc.nat(1_000), { minLength: 60, maxLength: 60 }), (numbers) => {
        const pick = new Picker(numbers);
        let draft = newDraft(flow);
        while (draft.step !== 'done') {
          const result = applyAnswers(
            flow,
            draft,
            draft.step,
            tidyCard(draft.step, draft.answers, pick),
          );
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          draft = result.draft;
          assert.deepEqual(
            citationsShown(draft).filter((ref) => !known.has(ref)),
            [],
          );
        }
      }),
      RUNS,
    );
  });

  it('has one step per step id, and question ids that are unique and free of dots', () => {
    assert.deepEqual(
      flow.steps.map((step) => step.id),
      [...STEPS],
    );
    const ids = flow.steps.flatMap((step) => step.questions.map((question) => question.id));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      ids.filter((id) => id.includes('.')),
      [],
    );
    assert.ok(flow.steps.every((step) => step.questions.every((q) => q.label.trim() !== '')));
    // A multi-select card joins the ids it sends with commas.
    const done = walk(typical).draft;
    const choiceIds = flow.steps.flatMap((step) =>
      visibleQuestions(flow, done, step.id).flatMap((q) =>
        'choices' in q ? q.choices.map((c) => c.id) : [],
      ),
    );
    assert.ok(choiceIds.length > 30);
    assert.deepEqual(
      choiceIds.filter((id) => id.includes(',') || id.trim() !== id),
      [],
    );
  });
});
