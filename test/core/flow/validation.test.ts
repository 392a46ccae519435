import assert from 'node:assert/strict';
import {
  applyAnswers,
  type Draft,
  newDraft,
  type RawValues,
  STEP_ERROR_KEY,
  type StepId,
  visibleQuestions,
} from '../../../core/flow/index.js';
import { accept, draftAt, flow, refuse, typical } from './helpers.js';

/** Says what to do: every message the officer sees has an instruction in it. */
const INSTRUCTION =
  /\b(enter|choose|tick|untick|confirm|say|shorten|lower|give|go|remove|check)\b/i;

/** The field keys a step's card can carry. */
function fieldKeys(draft: Draft, stepId: StepId): Set<string> {
  const step = flow.steps.find((s) => s.id === stepId);
  const keys = new Set<string>([STEP_ERROR_KEY, ...(step?.questions.map((q) => q.id) ?? [])]);
  for (const question of visibleQuestions(flow, draft, stepId)) {
    if (question.kind === 'measureTargets') {
      for (const measure of question.measures)
        for (const input of measure.inputs) keys.add(input.key);
    }
  }
  return keys;
}

const bad: [StepId, RawValues][] = [
  ['basics', {}],
  ['basics', { ...typical.basics, value: 'a quarter of a million' }],
  ['basics', { ...typical.basics, value: '-5' }],
  ['basics', { ...typical.basics, procurementStart: '2026-02-30' }],
  ['basics', { ...typical.basics, procurementStart: '2023-06-01' }],
  ['basics', { ...typical.basics, contractMonths: '0' }],
  ['basics', { ...typical.basics, contractMonths: '12.5' }],
  ['basics', { ...typical.basics, contractMonths: '601' }],
  ['basics', { ...typical.basics, keyProvider: 'maybe' }],
  ['basics', { ...typical.basics, category: 'software' }],
  ['basics', { ...typical.basics, category: 'mixed' }],
  ['basics', { ...typical.basics, title: 'x'.repeat(201) }],
  ['why', {}],
  ['why', { ...typical.why, stillRelevant: 'false' }],
  ['why', { ...typical.why, consult: 'perhaps' }],
  ['outcomes', {}],
  ['outcomes', { ...typical.outcomes, 'measures.2': 'local-jobs,nonsense' }],
  ['outcomes', { ...typical.outcomes, weighting: '11' }],
  ['outcomes', { ...typical.outcomes, weighting: 'ten' }],
  ['outcomes', { ...typical.outcomes, weightingJustification: '' }],
  ['targets', {}],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.target': '0' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.target': '2.5' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.tests': 'false' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.tests': 'perhaps' }],
  ['modernSlavery', {}],
  ['modernSlavery', { ...typical.modernSlavery, minimumTurnover: '£600k' }],
  ['modernSlavery', { ...typical.modernSlavery, lotsReason: '' }],
  ['modernSlavery', { ...typical.modernSlavery, mssAll: 'false', msSector: 'mining' }],
];

describe('questionnaire validation', () => {
  it('names what to fix in every error, against a field of the card', () => {
    for (const [stepId, raw] of bad) {
      const draft = draftAt(stepId);
      const { errors } = refuse(draft, stepId, raw);
      const keys = fieldKeys(draft, stepId);
      assert.ok(Object.keys(errors).length > 0);
      for (const [key, message] of Object.entries(errors)) {
        assert.ok(keys.has(key), `${stepId}: "${key}" is not a field of the card`);
        assert.match(message, INSTRUCTION, `${stepId}.${key}: "${message}" says nothing to do`);
      }
    }
  });

  it('returns the values as typed and leaves the draft unchanged when a step is refused', () => {
    const draft = draftAt('basics');
    const before = structuredClone(draft);
    const raw = { ...typical.basics, value: '£250,000.999', contractMonths: 'three years' };
    const refused = refuse(draft, 'basics', { ...raw, unrelated: 'x' });
    assert.deepEqual(refused.values, raw);
    assert.deepEqual(Object.keys(refused.errors).sort(), ['contractMonths', 'value']);
    assert.deepEqual(draft, before);

    // Typed values come back as the card's text.
    const typed = refuse(draft, 'basics', { value: 250_000, keyProvider: true, measures: ['x'] });
    assert.deepEqual(typed.values, { value: '250000', keyProvider: 'true' });
  });

  it('says how to write each kind of value', () => {
    const errors = refuse(newDraft(flow), 'basics', {
      ...typical.basics,
      value: 'lots',
      procurementStart: '01/04/2026',
      contractMonths: '0',
      keyProvider: 'perhaps',
      category: 'software',
      title: 'x'.repeat(201),
    }).errors;
    // Each names its question in words, then says what to type.
    assert.deepEqual(errors, {
      title: '“Contract title”: shorten this to 200 characters or fewer; it is 201.',
      category:
        '“What is the contract for?”: choose one of: Goods; Services; Light-touch services (health, social, education and others); Works; A mix of these',
      value:
        '“Estimated whole-life value, including VAT”: enter an amount in pounds, like £250,000 or 250k',
      contractMonths:
        '“Contract length in months, with any extensions”: enter a whole number from 1 to 600',
      procurementStart:
        '“Date the procurement starts”: enter a real date written YYYY-MM-DD, like 2026-04-01',
      keyProvider: '“Is the provider one of our key providers?”: choose yes or no',
    });
    const missing = refuse(newDraft(flow), 'basics', {}).errors;
    assert.equal(missing.title, 'Enter an answer for “Contract title”');
    assert.equal(
      missing.value,
      'Enter an amount in pounds for “Estimated whole-life value, including VAT”',
    );
    assert.deepEqual(Object.keys(missing).sort(), [
      'category',
      'competitive',
      'contractMonths',
      'keyProvider',
      'procurementStart',
      'title',
      'value',
    ]);
  });

  it('accepts money, dates, yes/no and lists as officers type them', () => {
    for (const [value, pounds] of [
      ['250000', 250_000],
      ['£250,000', 250_000],
      ['250k', 250_000],
      ['£1.5m', 1_500_000],
      [' £ 90k ', 90_000],
      [1_500_000, 1_500_000],
    ] as const) {
      const draft = accept(newDraft(flow), 'basics', { ...typical.basics, value });
      assert.equal(draft.answers.value, pounds, String(value));
    }
    const yes = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      keyProvider: 'Yes',
      competitive: 'no',
    });
    assert.equal(yes.answers.keyProvider, true);
    assert.equal(yes.answers.competitive, false);
    const typed = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      keyProvider: true,
      contractMonths: 24,
    });
    assert.equal(typed.answers.keyProvider, true);
    assert.equal(typed.answers.contractMonths, 24);
    // One list per theme on the card, read as one answer in the listed order, once each.
    const outcomes = accept(draftAt('outcomes'), 'outcomes', {
      ...typical.outcomes,
      'measures.4': ' living-wage ',
      'measures.2': 'local-jobs,local-jobs',
    });
    assert.deepEqual(outcomes.answers.measures, ['local-jobs', 'living-wage']);
    const whole = accept(draftAt('outcomes'), 'outcomes', {
      weighting: '0',
      measures: ['living-wage', 'local-jobs'],
    });
    assert.deepEqual(whole.answers.measures, ['local-jobs', 'living-wage']);
  });

  it('takes no default for a yes/no the card did not send: it is asked', () => {
    const { competitive: _c, ...rest } = typical.basics;
    const { errors } = refuse(newDraft(flow), 'basics', rest);
    assert.deepEqual(errors, {
      competitive: 'Choose yes or no for “Will the award be competitive?”',
    });
  });

  it('refuses a procurement start before the pack has thresholds, on that field', () => {
    const { errors } = refuse(newDraft(flow), 'basics', {
      ...typical.basics,
      procurementStart: '2023-12-31',
    });
    assert.deepEqual(Object.keys(errors), ['procurementStart']);
    assert.match(errors.procurementStart ?? '', /^The procurement start date has no regulated/);
    assert.match(errors.procurementStart ?? '', /Enter a date on or after 2024-01-01/);
  });

  it('refuses a weighting of 11%, citing §2.2', () => {
    const { errors } = refuse(draftAt('outcomes'), 'outcomes', {
      ...typical.outcomes,
      weighting: '11',
    });
    assert.deepEqual(Object.keys(errors), ['weighting']);
    assert.match(errors.weighting ?? '', /11% is refused: the policy allows at most 10%/);
    assert.match(errors.weighting ?? '', /\(§2\.2\)/);
  });

  it('asks for a justification of a 5% weighting, and accepts 0% without one', () => {
    const draft = draftAt('outcomes');
    const { weightingJustification: _j, ...bare } = typical.outcomes;
    const { errors } = refuse(draft, 'outcomes', { ...bare, weighting: '5' });
    assert.deepEqual(Object.keys(errors), ['weightingJustification']);
    assert.match(
      errors.weightingJustification ?? '',
      /^A justification of the weighting is required/,
    );
    assert.match(errors.weightingJustification ?? '', /say why .*\(§2\.2\)/);
    accept(draft, 'outcomes', { ...typical.outcomes, weighting: '5' });
    accept(draft, 'outcomes', { ...bare, weighting: '0' });
  });

  it('asks why the turnover is needed with the rule of thumb marked as our reading, under PA 2023 s.22', () => {
    const draft = draftAt('modernSlavery');
    const why = visibleQuestions(flow, draft, 'modernSlavery', {
      minimumTurnover: '£600,000',
    }).find((q) => q.id === 'turnoverJustification');
    assert.match(why?.help ?? '', /rule of thumb.*\(our reading\)$/);
    assert.equal(why?.citation, 'PA 2023 s.22');
    assert.match((why?.details ?? []).join(' '), /Procurement Act 2023 sets no figure/);
  });

  it('needs a justification for a minimum turnover above twice the contract value', () => {
    const draft = draftAt('modernSlavery');
    const { errors, followUps } = refuse(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      minimumTurnover: '£500,000.01',
    });
    // Asked only now that the turnover is high: a question, not a mistake.
    assert.deepEqual(errors, {
      turnoverJustification: 'Enter an answer for “Why that turnover is needed”',
    });
    assert.deepEqual(followUps, ['turnoverJustification']);
    const asked = visibleQuestions(flow, draft, 'modernSlavery', {
      minimumTurnover: '£500,000.01',
    });
    assert.match(
      asked.find((q) => q.id === 'turnoverJustification')?.help ?? '',
      /2 times|twice|double/i,
    );
    accept(draft, 'modernSlavery', { ...typical.modernSlavery, minimumTurnover: '500k' });
    accept(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      minimumTurnover: '£1m',
      turnoverJustification: 'Insurance cover the service needs',
    });
  });

  it('refuses an outcome not confirmed against the three tests, with one tick for all three', () => {
    const draft = draftAt('targets');
    const { errors } = refuse(draft, 'targets', {
      ...typical.targets,
      'outcomeTargets.living-wage.tests': 'false',
    });
    assert.deepEqual(errors, {
      'outcomeTargets.living-wage.tests':
        'Tick “Meets all three tests” for “Work towards paying staff the Living Wage” once it does, or untick this outcome on the outcomes card (Back)',
    });
    // A card of an earlier version, with a tick per test, is still read.
    const older = refuse(draft, 'targets', {
      'outcomeTargets.local-jobs.target': '3',
      'outcomeTargets.local-jobs.relevant': 'true',
      'outcomeTargets.local-jobs.specifiable': 'true',
      'outcomeTargets.local-jobs.priorities': 'true',
      'outcomeTargets.living-wage.relevant': 'true',
      'outcomeTargets.living-wage.specifiable': 'false',
      'outcomeTargets.living-wage.priorities': 'true',
    });
    assert.deepEqual(Object.keys(older.errors), ['outcomeTargets.living-wage.tests']);
  });

  it('shows every error of the targets card at once: a mistyped target hides no missing tick', () => {
    const { errors } = refuse(draftAt('targets'), 'targets', {
      'outcomeTargets.local-jobs.target': 'three',
    });
    assert.deepEqual(Object.keys(errors).sort(), [
      'outcomeTargets.living-wage.tests',
      'outcomeTargets.local-jobs.target',
      'outcomeTargets.local-jobs.tests',
    ]);
  });

  it('needs a target above zero for each measure but a commitment, and at most 100%', () => {
    const draft = draftAt('targets');
    const missing = refuse(draft, 'targets', {
      ...typical.targets,
      'outcomeTargets.local-jobs.target': '',
    }).errors;
    assert.deepEqual(missing, {
      'outcomeTargets.local-jobs.target':
        'Enter a target (number) for “New jobs created in the local economy”',
    });
    const percent = accept(draftAt('outcomes'), 'outcomes', {
      weighting: '0',
      'measures.3': 'waste-diverted',
    });
    const confirmed = { 'outcomeTargets.waste-diverted.tests': 'true' };
    const over = refuse(percent, 'targets', {
      ...confirmed,
      'outcomeTargets.waste-diverted.target': '150',
    }).errors;
    assert.deepEqual(over, {
      'outcomeTargets.waste-diverted.target':
        'Target for “Share of contract waste diverted from landfill”: enter a percentage above 0 and no more than 100',
    });
    const ok = accept(percent, 'targets', {
      ...confirmed,
      'outcomeTargets.waste-diverted.target': '62.5%',
    });
    assert.deepEqual(ok.answers.outcomeTargets, [
      {
        measureId: 'waste-diverted',
        target: 62.5,
        tests: { relevant: true, specifiable: true, priorities: true },
      },
    ]);
  });

  it('accepts targets given as a typed list', () => {
    const tests = { relevant: true, specifiable: true, priorities: true };
    const draft = accept(draftAt('targets'), 'targets', {
      outcomeTargets: [
        { measureId: 'local-jobs', target: 4, tests },
        { measureId: 'living-wage', tests },
      ],
    });
    assert.deepEqual(draft.answers.outcomeTargets, [
      { measureId: 'local-jobs', target: 4, tests },
      { measureId: 'living-wage', tests },
    ]);
  });

  it('refuses an outcome not in the list, naming what was typed', () => {
    const draft = draftAt('outcomes');
    const unknown = refuse(draft, 'outcomes', {
      ...typical.outcomes,
      'measures.2': 'local-jobs,x',
    });
    assert.match(unknown.errors.measures ?? '', /"x" is not one of them/);
  });

  it('asks why, when the service is no longer relevant or not in lots, as one more question', () => {
    const notRelevant = refuse(draftAt('why'), 'why', { ...typical.why, stillRelevant: 'false' });
    const why = notRelevant.errors;
    assert.deepEqual(Object.keys(why), ['relevanceNote']);
    assert.deepEqual(notRelevant.followUps, ['relevanceNote']);
    const { consultationPlan: _p, ...noPlan } = typical.why;
    const plan = refuse(draftAt('why'), 'why', { ...noPlan, consult: 'false' }).errors;
    assert.deepEqual(Object.keys(plan), ['consultationPlan']);
    const lots = refuse(draftAt('modernSlavery'), 'modernSlavery', {
      ...typical.modernSlavery,
      lotsReason: '  ',
    }).errors;
    assert.deepEqual(Object.keys(lots), ['lotsReason']);
    accept(draftAt('modernSlavery'), 'modernSlavery', {
      ...typical.modernSlavery,
      useLots: 'true',
      lotsReason: '',
    });
  });

  it('asks why any applicable Modern Slavery Statement commitment is not planned', () => {
    const draft = draftAt('modernSlavery');
    const { errors, followUps } = refuse(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      mssAll: 'false',
      mssPlanned: 'MSS-1,MSS-2,MSS-3',
    });
    assert.deepEqual(errors, {
      mssNotPlannedReason: 'Enter an answer for “Why the others are not planned”',
    });
    assert.deepEqual(followUps, ['mssNotPlannedReason']);
    const reasoned = accept(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      mssAll: 'false',
      mssPlanned: 'MSS-1,MSS-2,MSS-3',
      mssNotPlannedReason: 'The supplier is a public body with its own policy',
    });
    assert.equal(reasoned.step, 'review');
  });

  it('finishes when the officer confirms on the review, which asks nothing', () => {
    const draft = draftAt('review');
    const done = applyAnswers(flow, draft, 'review', {});
    assert.ok(done.ok);
    assert.equal(done.next, 'done');
  });

  it('refuses a step that does not exist', () => {
    const result = applyAnswers(flow, newDraft(flow), 'nonsense' as StepId, {});
    assert.ok(!result.ok);
    assert.match(result.errors[STEP_ERROR_KEY] ?? '', /no step "nonsense"/);
  });
});
