import assert from 'node:assert/strict';
import { recordCard } from '../../bot/wizard/render.js';
import { WIZARD_ACTION_KEYS, WIZARD_VERBS } from '../../cards/step-card.js';
import {
  activeSteps,
  applyAnswers,
  cardQuestions,
  cardValues,
  STEP_ERROR_KEY,
  STEP_IDS,
  type StepId,
} from '../../core/flow/index.js';
import type { CommissioningRecord } from '../../core/record/index.js';
import { flow, newRecord, submitStep, typical, walkRecord } from '../core/record/fixtures.js';
import {
  actionsOf,
  assertValidCard,
  dataOf,
  inputsOf,
  type Json,
  nodesOf,
  textOf,
} from './check-card.js';

/** The ids of the inputs a step shows: each question's, or each target field's. */
const questionKeys = (record: CommissioningRecord, stepId: StepId): string[] =>
  cardQuestions(flow, record.draft, stepId).flatMap((question) =>
    question.kind === 'measureTargets'
      ? question.measures.flatMap((measure) => measure.inputs.map((input) => input.key))
      : [question.id],
  );

const inputIds = (card: Json): string[] => inputsOf(card).map((input) => String(input.id));

const inputValues = (card: Json): Record<string, string> =>
  Object.fromEntries(
    inputsOf(card)
      .filter((input) => input.value !== undefined)
      .map((input) => [String(input.id), String(input.value)]),
  );

/** Asserts the error is shown after its field and before the next one. */
function assertErrorBeside(card: Json, key: string, message: string): void {
  const nodes = nodesOf(card);
  const input = nodes.findIndex(
    (node) => String(node.type).startsWith('Input.') && node.id === key,
  );
  const error = nodes.findIndex(
    (node, index) =>
      index > input &&
      node.type === 'TextBlock' &&
      node.text === message &&
      node.color === 'Attention',
  );
  assert.ok(input >= 0, `no input ${key}`);
  assert.ok(error > input, `the error for ${key} is not shown after it: ${message}`);
  const between = nodes.slice(input + 1, error);
  assert.ok(
    !between.some((node) => String(node.type).startsWith('Input.')),
    `another field comes between ${key} and its error`,
  );
}

const complete = walkRecord(newRecord());
const steps = activeSteps(flow, complete.draft.answers);

describe('step cards', () => {
  it('show a follow-up before the answer it follows, labelled with its condition', () => {
    const blank = recordCard(flow, newRecord());
    const labels = inputsOf(blank).map((input) => String(input.label ?? input.title ?? ''));
    assert.ok(
      labels.some((label) => label.startsWith('If mixed: ')),
      labels.join(' | '),
    );
    assert.ok(
      labels.some((label) => label.startsWith('If services: ')),
      labels.join(' | '),
    );
  });

  it('the typical contract goes through all eight steps', () => {
    assert.deepEqual(
      steps.map((step) => step.id),
      [...STEP_IDS],
    );
  });

  for (const [index, step] of steps.entries()) {
    describe(`step ${index + 1}: ${step.title}`, () => {
      const record = walkRecord(newRecord(), typical, step.id);

      it('is a valid Adaptive Card 1.5 with a labelled input for every question', () => {
        const card = recordCard(flow, record);
        assertValidCard(card, step.id);
        const text = textOf(card);
        assert.ok(text.includes(step.title));
        assert.ok(text.includes(`Step ${index + 1} of ${steps.length}`));
        assert.ok(text.startsWith(`${record.id}: ${record.title}`));
        assert.deepEqual(inputIds(card), questionKeys(record, step.id));
      });

      it('has Continue, Save and continue later, and Back except on the first step, each sending the step and revision', () => {
        const card = recordCard(flow, record);
        const actions = actionsOf(card);
        assert.deepEqual(
          actions.map((action) => action.title),
          index === 0
            ? ['Continue', 'Save and continue later']
            : ['Continue', 'Back', 'Save and continue later'],
        );
        for (const action of actions) {
          assert.equal(action.type, 'Action.Execute');
          const data = dataOf(action);
          assert.deepEqual(Object.keys(data).sort(), [...WIZARD_ACTION_KEYS].sort());
          assert.deepEqual(
            { reference: data.reference, step: data.step, revision: data.revision },
            { reference: record.id, step: step.id, revision: record.revision },
          );
        }
        assert.deepEqual(
          actions.map((action) => dataOf(action).verb),
          index === 0
            ? [WIZARD_VERBS.next, WIZARD_VERBS.save]
            : [WIZARD_VERBS.next, WIZARD_VERBS.back, WIZARD_VERBS.save],
        );
      });

      it('shows each error beside its field, with a summary, and keeps what was typed', () => {
        const refused = applyAnswers(flow, record.draft, step.id, {});
        assert.equal(refused.ok, false, 'an empty card is refused');
        if (refused.ok) return;
        const card = recordCard(flow, record, {
          step: step.id,
          values: refused.values,
          errors: refused.errors,
        });
        assertValidCard(card, `${step.id} with errors`);
        const fieldErrors = Object.entries(refused.errors).filter(
          ([key]) => key !== STEP_ERROR_KEY,
        );
        assert.ok(fieldErrors.length > 0);
        for (const [key, message] of fieldErrors) {
          const field = inputIds(card).includes(key) ? key : undefined;
          if (field) assertErrorBeside(card, field, message);
          else assert.ok(textOf(card).includes(message), `error for ${key} not shown: ${message}`);
        }
        assert.ok(
          textOf(card).includes(
            fieldErrors.length === 1
              ? 'Check the answer marked below.'
              : `Check the ${fieldErrors.length} answers marked below.`,
          ),
        );
      });

      it('shows the saved answers filled in when the officer comes back to it', () => {
        const notice = {
          text: 'Saved. Type **open SV-2026-0001** to carry on.',
          style: 'good' as const,
        };
        const card = recordCard(flow, complete, { step: step.id, notice });
        assertValidCard(card, `${step.id} filled in`);
        assert.ok(textOf(card).includes(notice.text));
        const saved = cardValues(flow, complete.draft, step.id);
        const shown = inputValues(card);
        for (const [key, value] of Object.entries(saved)) {
          assert.equal(shown[key], value, `${key} is filled in`);
        }
        assert.deepEqual(
          dataOf(actionsOf(card)[0]).revision,
          complete.revision,
          'the buttons carry the revision shown',
        );
      });
    });
  }

  it('keeps every value as typed when one answer is refused', () => {
    const record = newRecord();
    const typed = { ...typical.basics, value: 'a lot', contractMonths: '36' };
    const refused = applyAnswers(flow, record.draft, 'basics', typed);
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.deepEqual(Object.keys(refused.errors), ['value']);
    const card = recordCard(flow, record, {
      step: 'basics',
      values: refused.values,
      errors: refused.errors,
    });
    assertValidCard(card, 'basics refused');
    const shown = inputValues(card);
    assert.equal(shown.value, 'a lot');
    assert.equal(shown.title, 'Custody healthcare');
    assert.equal(shown.procurementStart, '2026-04-01');
    assert.equal(shown.category, 'services');
    assertErrorBeside(card, 'value', refused.errors.value ?? '');
  });

  it('shows an error on one target beside that target, on the targets card', () => {
    const record = walkRecord(newRecord(), typical, 'targets');
    const typed = { ...typical.targets, 'outcomeTargets.local-jobs.target': 'lots' };
    const refused = applyAnswers(flow, record.draft, 'targets', typed);
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    const card = recordCard(flow, record, {
      step: 'targets',
      values: refused.values,
      errors: refused.errors,
    });
    assertValidCard(card, 'targets refused');
    const message = refused.errors['outcomeTargets.local-jobs.target'];
    assert.ok(message, JSON.stringify(refused.errors));
    assertErrorBeside(card, 'outcomeTargets.local-jobs.target', message);
    assert.equal(inputValues(card)['outcomeTargets.local-jobs.target'], 'lots');
    assert.equal(inputValues(card)['outcomeTargets.living-wage.relevant'], 'true');
  });

  it('shows the policy guidance for the contract on the step after the basics, and only there', () => {
    const why = walkRecord(newRecord(), typical, 'why');
    const card = recordCard(flow, why);
    assertValidCard(card, 'why with guidance');
    const text = textOf(card);
    for (const heading of [
      'What the policy says about this contract',
      'In scope of the policy',
      'Local thresholds',
      'Regulated threshold',
      'The Social Value Act applies',
      'Award weighting',
      'Smaller providers',
      'Modern slavery',
    ]) {
      assert.ok(text.includes(heading), `guidance has no "${heading}"`);
    }
    assert.match(text, /£250,000 is greater than £100,000/);
    assert.match(text, /£207,720 for goods and services \(in force from 1 January 2026/);
    assert.match(text, /_\(§1\.1\.3\(iii\)\)_/, 'each line cites its paragraph');
    for (const other of ['basics', 'consultation', 'review'] as const) {
      const elsewhere = textOf(recordCard(flow, complete, { step: other }));
      assert.ok(!elsewhere.includes('What the policy says about this contract'), other);
    }
  });

  it('a mixed, non-competitive contract: the main element is asked, smaller providers skipped, seven steps', () => {
    const cards = {
      ...typical,
      basics: { ...typical.basics, category: 'mixed', mainElement: 'works', competitive: 'false' },
      outcomes: { ...typical.outcomes, weighting: '0' },
      // The pre-contract questionnaire (MSS-1) belongs to a competition.
      modernSlavery: { ...typical.modernSlavery, mssPlanned: 'MSS-1,MSS-2,MSS-3,MSS-4,MSS-5' },
    };
    const refused = applyAnswers(flow, newRecord().draft, 'basics', {
      ...cards.basics,
      mainElement: '',
    });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    const basics = recordCard(flow, newRecord(), {
      step: 'basics',
      values: refused.values,
      errors: refused.errors,
    });
    assertValidCard(basics, 'mixed basics');
    assert.ok(inputIds(basics).includes('mainElement'));
    const lightTouch = inputsOf(basics).find((input) => input.id === 'lightTouch');
    assert.match(
      String(lightTouch?.label ?? ''),
      /^If services: .*\(optional\)$/,
      'light-touch is for services only: asked as a follow-up, never required here',
    );

    let record = walkRecord(newRecord(), cards, 'why');
    const shown: string[] = [];
    while (record.draft.step !== 'done') {
      const card = recordCard(flow, record);
      assertValidCard(card, record.draft.step);
      shown.push(`${record.draft.step}: ${textOf(card).split('\n')[2]}`);
      record = submitStep(record, cards[record.draft.step]);
    }
    assert.deepEqual(shown, [
      'why: Step 2 of 7',
      'consultation: Step 3 of 7',
      'outcomes: Step 4 of 7',
      'targets: Step 5 of 7',
      'modernSlavery: Step 6 of 7',
      'review: Step 7 of 7',
    ]);
  });

  it('no question id is one of the keys a wizard button sends', () => {
    for (const step of flow.steps) {
      for (const question of step.questions) {
        assert.ok(
          !(WIZARD_ACTION_KEYS as readonly string[]).includes(question.id),
          `${step.id}.${question.id} collides with a wizard button key`,
        );
        assert.ok(!question.id.includes('.'), `${question.id} has a dot`);
      }
    }
    const ids = flow.steps.flatMap((step) => step.questions.map((question) => question.id));
    assert.equal(new Set(ids).size, ids.length, 'question ids are unique across the questionnaire');
  });

  it(`shows a title the officer typed with \${…} in it as typed`, () => {
    const record = walkRecord(
      newRecord(),
      { ...typical, basics: { ...typical.basics, title: `Project \${code} phase 2` } },
      'why',
    );
    assert.equal(record.title, `Project \${code} phase 2`);
    const card = recordCard(flow, record);
    assert.ok(textOf(card).startsWith(`${record.id}: Project \${code} phase 2`));
    const basics = recordCard(flow, record, { step: 'basics' });
    assert.equal(inputValues(basics).title, `Project \${code} phase 2`);
  });
});
