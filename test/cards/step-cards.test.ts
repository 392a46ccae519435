import assert from 'node:assert/strict';
import { WIZARD_ACTION_KEYS, WIZARD_VERBS } from '../../cards/step-card.js';
import { recordCard } from '../../cards/wizard-card.js';
import {
  activeSteps,
  applyAnswers,
  cardQuestions,
  cardValues,
  openStep,
  STEP_ERROR_KEY,
  type StepId,
} from '../../core/flow/index.js';
import type { CommissioningRecord } from '../../core/record/index.js';
import { aboveKpiValue } from '../core/flow/helpers.js';
import { flow, newRecord, pack, typical, walkRecord } from '../core/record/fixtures.js';
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
  cardQuestions(flow, record.draft, stepId).flatMap((question) => {
    if (question.kind === 'measureTargets') {
      return question.measures.flatMap((measure) => measure.inputs.map((input) => input.key));
    }
    // A list in groups is one input per group (the outcomes under their themes).
    if (question.kind === 'multiChoice' && question.choices.some((choice) => choice.group)) {
      return [...new Set(question.choices.map((choice) => `${question.id}.${choice.group?.id}`))];
    }
    return [question.id];
  });

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

/** What the buttons of the card's foot say (the review's Change buttons are in its body). */
const footTitles = (card: Json): string[] =>
  (Array.isArray(card.actions) ? (card.actions as Json[]) : []).map((action) =>
    String(action.title),
  );

/** Errors shown on a card: the text in Attention colour. */
const errorTexts = (card: Json): string[] =>
  nodesOf(card)
    .filter((node) => node.type === 'TextBlock' && node.color === 'Attention')
    .map((node) => String(node.text));

describe('step cards', () => {
  it('the typical contract goes through six steps, the review last', () => {
    assert.deepEqual(
      steps.map((step) => step.id),
      ['basics', 'why', 'outcomes', 'targets', 'modernSlavery', 'review'],
    );
  });

  it('ask a follow-up only when it applies: no main element until "mixed" is chosen', () => {
    const blank = recordCard(flow, newRecord());
    assert.ok(!inputIds(blank).includes('mainElement'));
    assert.ok(!inputIds(blank).includes('lightTouch'), 'light-touch is one of the kinds');
    const category = inputsOf(blank).find((input) => input.id === 'category');
    assert.ok(
      JSON.stringify(category?.choices).includes('Light-touch services'),
      'light-touch services are a kind of contract to choose',
    );
  });

  it('ask a follow-up as a question, not in the error colour, and say so above the fields', () => {
    const record = newRecord();
    const mixed = { ...typical.basics, category: 'mixed' };
    const result = applyAnswers(flow, record.draft, 'basics', mixed);
    assert.ok(!result.ok);
    assert.deepEqual(result.followUps, ['mainElement']);
    const card = recordCard(flow, record, {
      step: 'basics',
      values: result.values,
      errors: result.errors,
      ...(result.followUps ? { followUps: result.followUps } : {}),
    });
    assert.deepEqual(errorTexts(card), [], 'nothing is shown as a mistake');
    const asked = nodesOf(card).find(
      (node) => node.type === 'TextBlock' && String(node.text).startsWith('One more question'),
    );
    assert.ok(asked, 'the follow-up is asked in words');
    assert.equal(asked.color, 'Accent');
    assert.match(String(asked.text), /main element/);
    assert.match(textOf(card), /Your answers call for one more question, below\./);
    assert.doesNotMatch(textOf(card), /marked below: each says what to change/);
    assert.ok(
      !nodesOf(card).some((node) => node.type === 'Container' && node.style === 'attention'),
      'no box in the error style either',
    );
    assert.ok(inputIds(card).includes('mainElement'), 'and its input is on the card');
  });

  it('start every question that changes the advice unanswered', () => {
    const blank = recordCard(flow, newRecord());
    for (const id of ['category', 'keyProvider', 'competitive']) {
      const input = inputsOf(blank).find((i) => i.id === id);
      assert.ok(input, id);
      assert.equal(input.value, undefined, `${id} starts with a value`);
    }
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

      it('has Continue (on the review: Confirm and finish), Back except on the first step, and Save and continue later, each sending the step and revision', () => {
        const card = recordCard(flow, record);
        const next = step.id === 'review' ? 'Confirm and finish' : 'Continue';
        assert.deepEqual(
          footTitles(card),
          index === 0
            ? [next, 'Save and continue later']
            : [next, 'Back', 'Save and continue later'],
        );
        const foot = (card.actions as Json[]) ?? [];
        for (const action of foot) {
          assert.equal(action.type, 'Action.Execute');
          const data = dataOf(action);
          assert.deepEqual(Object.keys(data).sort(), [...WIZARD_ACTION_KEYS].sort());
          assert.deepEqual(
            { reference: data.reference, step: data.step, revision: data.revision },
            { reference: record.id, step: step.id, revision: record.revision },
          );
        }
        assert.deepEqual(
          foot.map((action) => dataOf(action).verb),
          index === 0
            ? [WIZARD_VERBS.next, WIZARD_VERBS.save]
            : [WIZARD_VERBS.next, WIZARD_VERBS.back, WIZARD_VERBS.save],
        );
      });

      if (step.id !== 'review') {
        it('shows every error at once, each beside its field, with a summary, and keeps what was typed', () => {
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
            else
              assert.ok(textOf(card).includes(message), `error for ${key} not shown: ${message}`);
          }
          assert.ok(
            textOf(card).includes(
              fieldErrors.length === 1
                ? 'Check the answer marked below'
                : `Check the ${fieldErrors.length} answers marked below`,
            ),
          );
        });
      }

      it('shows the saved answers filled in when the officer comes back to it', () => {
        const card = recordCard(flow, complete, {
          step: step.id,
          notice: { kind: 'saved', reference: complete.id },
        });
        assertValidCard(card, `${step.id} filled in`);
        assert.ok(textOf(card).includes(`Saved. Type **open ${complete.id}**`));
        const saved = cardValues(flow, complete.draft, step.id);
        const shown = inputValues(card);
        for (const [key, value] of Object.entries(saved)) {
          assert.equal(shown[key], value, `${key} is filled in`);
        }
        assert.deepEqual(
          dataOf((card.actions as Json[])[0]).revision,
          complete.revision,
          'the buttons carry the revision shown',
        );
      });
    });
  }

  it('marks "(optional)" only on questions never refused, and says when a question is required on a condition', () => {
    for (const step of steps) {
      const record = walkRecord(newRecord(), typical, step.id);
      const card = recordCard(flow, record);
      for (const input of inputsOf(card)) {
        const label = String(input.label ?? input.title ?? '');
        if (!label.endsWith('(optional)')) continue;
        const id = String(input.id);
        const { [id]: _left, ...rest } = typical[step.id];
        const result = applyAnswers(flow, record.draft, step.id, rest);
        assert.ok(
          result.ok,
          `${id} is marked optional but leaving it empty is refused: ${JSON.stringify(!result.ok && result.errors)}`,
        );
      }
    }
    const outcomes = recordCard(flow, walkRecord(newRecord(), typical, 'outcomes'));
    const justification = inputsOf(outcomes).find((i) => i.id === 'weightingJustification');
    assert.match(String(justification?.label), /\(required if above 0%\)$/);
  });

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

  it('shows an error on one target beside that target, on the targets card, with one tick for the three tests', () => {
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
    assert.equal(inputValues(card)['outcomeTargets.living-wage.tests'], 'true');
    const ticks = inputsOf(card).filter((input) => input.type === 'Input.Toggle');
    assert.equal(ticks.length, 2, 'one tick per outcome');
    // The three tests are explained once, above the outcomes.
    const text = textOf(card);
    for (const test of pack.outcomeTests) {
      assert.equal(text.split(test.text).length - 1, 1, `${test.id} explained once`);
    }
  });

  it('lists the outcomes under their themes, in one list per theme', () => {
    const card = recordCard(flow, walkRecord(newRecord(), typical, 'outcomes'));
    const lists = inputsOf(card).filter((input) => String(input.id).startsWith('measures.'));
    assert.deepEqual(
      lists.map((list) => list.label).sort(),
      pack.themes.map((theme) => theme.name).sort(),
    );
    const text = textOf(card);
    assert.ok(!text.includes('[derived'), 'no internal note');
    assert.match(
      JSON.stringify(card),
      /Share of contract waste diverted from landfill \(our reading\)/,
    );
  });

  it('leads the step after the basics with the verdict, the policy lines behind a toggle, and only there', () => {
    const why = walkRecord(newRecord(), typical, 'why');
    const card = recordCard(flow, why);
    assertValidCard(card, 'why with the verdict');
    const facts = nodesOf(card).find((node) => node.type === 'FactSet');
    assert.ok(facts, 'the verdict is a set of facts');
    const lines = (facts.facts as Json[]).map((f) => `${f.title}: ${f.value}`);
    assert.deepEqual(lines, [
      // The date and the value shown back in UK form, so a misread date is seen at once.
      'Your contract: £250,000 of services, starting 1 April 2026, 36 months',
      'Policy scope: In scope: seek social value outcomes',
      'Regulated: Yes: at or above £207,720 (goods and services)',
      'Social Value Act: Applies',
      'Award weighting: Up to 10%, with a justification',
    ]);
    const toggle = nodesOf(card).find((node) => node.type === 'Action.ToggleVisibility');
    assert.equal(toggle?.title, 'Show the policy lines');
    const hidden = nodesOf(card).find((node) => node.id === 'policyLines');
    assert.equal(hidden?.isVisible, false);
    const policy = textOf(hidden).split('\n');
    assert.ok(
      policy.some((line) =>
        /£250,000 is greater than £100,000.*_\(§1\.1\.3\(iii\) of the policy\)_/.test(line),
      ),
    );
    // Only the lines that apply to this contract, each once.
    assert.ok(!textOf(hidden).includes('every key provider'), 'not a key provider');
    const texts = policy.filter((line) => line.includes('_('));
    assert.equal(new Set(texts).size, texts.length, 'a line is shown twice');
    for (const other of ['basics', 'outcomes', 'review'] as const) {
      const elsewhere = textOf(recordCard(flow, complete, { step: other }));
      assert.ok(!elsewhere.includes('Show the policy lines'), other);
    }
  });

  it('shows the key-provider line to a key provider', () => {
    const key = walkRecord(
      newRecord(),
      { ...typical, basics: { ...typical.basics, keyProvider: 'true' } },
      'why',
    );
    const hidden = nodesOf(recordCard(flow, key)).find((node) => node.id === 'policyLines');
    assert.ok(textOf(hidden).includes('every key provider'));
  });

  it('the review lists every answer, step by step, each step with a Change that comes back to it', () => {
    const review = walkRecord(newRecord(), typical, 'review');
    const card = recordCard(flow, review);
    const text = textOf(card);
    for (const expected of [
      'Title: Custody healthcare',
      'Kind: Services',
      'Value: £250,000',
      'Starts: 1 April 2026',
      'Key provider: No',
      'Competitive: Yes',
      'Aims: Safe and timely care for detainees',
      'Who and how: A market engagement event and a survey of custody staff',
      'Weighting: 10%',
      'Outcomes: New jobs created in the local economy: target 3',
      ': Work towards paying staff the Living Wage: a commitment',
      'Promotion: Advertised on Find a Tender',
      'Every commitment: Yes',
    ]) {
      assert.ok(text.includes(expected), `the review does not show "${expected}"`);
    }
    const changes = actionsOf(card).filter((action) => action.title === 'Change');
    assert.deepEqual(
      changes.map((action) => dataOf(action).step),
      ['basics', 'why', 'outcomes', 'targets', 'modernSlavery'],
    );
    for (const action of changes) assert.equal(dataOf(action).verb, WIZARD_VERBS.change);
    assert.ok(!text.includes('Tick to confirm'));

    // Change opens the step; its Continue says it goes back, and does.
    const opened = openStep(flow, review.draft, 'why', 'review');
    assert.equal(opened.step, 'why');
    const whyCard = recordCard(flow, { ...review, draft: opened });
    assert.equal(footTitles(whyCard)[0], 'Continue to the review');
    const back = applyAnswers(flow, opened, 'why', { ...typical.why, aims: 'Better care' });
    assert.ok(back.ok);
    assert.equal(back.next, 'review');
    assert.equal(back.draft.returnTo, undefined);
  });

  it('no error on any wizard card, empty or of the wrong type, holds an input id or a schema message', () => {
    const wrong: unknown[] = [{}, [], 42, true, null, ['a', 1], { nested: [1] }, 'x'.repeat(3)];
    for (const step of steps) {
      if (step.id === 'review') continue;
      const record = walkRecord(newRecord(), typical, step.id);
      const ids = new Set<string>(
        inputIds(recordCard(flow, record)).concat(step.questions.map((q) => q.id)),
      );
      const tries: Record<string, unknown>[] = [{}];
      for (const kind of wrong) {
        tries.push(Object.fromEntries([...ids].map((id) => [id, kind])));
      }
      for (const raw of tries) {
        const refused = applyAnswers(flow, record.draft, step.id, raw);
        if (refused.ok) continue;
        const card = recordCard(flow, record, {
          step: step.id,
          values: refused.values,
          errors: refused.errors,
        });
        assertValidCard(card, `${step.id} refused`);
        for (const text of [...errorTexts(card), ...Object.values(refused.errors)]) {
          for (const id of ids) {
            // Ids that are plain words ("title", "value") may be in a sentence; no other may.
            if (/^[a-z]+$/.test(id)) continue;
            assert.ok(!text.includes(id), `${step.id}: the error "${text}" shows the id ${id}`);
          }
          assert.doesNotMatch(
            text,
            /invalid input|expected .*received|\bundefined\b|\bnull\b|NaN|\[object|"path"|\binvalid_/i,
            `${step.id}: the error "${text}" is a schema message`,
          );
        }
      }
    }
  });

  it('the KPI step (above the KPI value), empty or of the wrong type, says what to do in plain words', () => {
    const record = walkRecord(newRecord(), aboveKpiValue, 'kpis');
    assert.equal(record.draft.step, 'kpis');
    const card = recordCard(flow, record);
    const ids = inputIds(card);
    assert.ok(ids.includes('kpi1Name') && ids.includes('kpiNotAppropriate'));
    const empty = applyAnswers(flow, record.draft, 'kpis', {});
    assert.equal(empty.ok, false);
    if (empty.ok) return;
    assert.match(empty.errors.kpi1Name ?? '', /^Set at least 3 KPIs \(0 set\)/);
    for (const kind of [{}, [], 42, true, null, ['a', 1], 'x']) {
      const raw = Object.fromEntries(ids.map((id) => [id, kind]));
      const refused = applyAnswers(flow, record.draft, 'kpis', raw);
      if (refused.ok) continue;
      const shown = recordCard(flow, record, {
        step: 'kpis',
        values: refused.values,
        errors: refused.errors,
      });
      assertValidCard(shown, 'kpis refused');
      for (const text of [...errorTexts(shown), ...Object.values(refused.errors)]) {
        for (const id of ids)
          assert.ok(!text.includes(id), `the error "${text}" shows the id ${id}`);
        assert.doesNotMatch(
          text,
          /invalid input|expected .*received|\bundefined\b|\bnull\b|NaN|\[object|"path"|\binvalid_/i,
          `the error "${text}" is a schema message`,
        );
      }
    }
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

  it('opens a draft saved on a step of an earlier version on the step that asks its questions now', () => {
    const record = walkRecord(newRecord(), typical, 'outcomes');
    const older = { ...record, draft: { ...record.draft, step: 'consultation' as const } };
    const card = recordCard(flow, older);
    assert.ok(textOf(card).includes('Why, and who to consult'));
  });
});
