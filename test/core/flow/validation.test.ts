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
  ['consultation', {}],
  ['consultation', { consult: 'false' }],
  ['outcomes', {}],
  ['outcomes', { ...typical.outcomes, themes: '2,9' }],
  ['outcomes', { ...typical.outcomes, themes: '2' }],
  ['outcomes', { ...typical.outcomes, themes: '2,3,4' }],
  ['outcomes', { ...typical.outcomes, weighting: '11' }],
  ['outcomes', { ...typical.outcomes, weighting: 'ten' }],
  ['outcomes', { ...typical.outcomes, weightingJustification: '' }],
  ['targets', {}],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.target': '0' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.target': '2.5' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.relevant': 'false' }],
  ['targets', { ...typical.targets, 'outcomeTargets.local-jobs.priorities': 'perhaps' }],
  ['smallerProviders', {}],
  ['smallerProviders', { ...typical.smallerProviders, minimumTurnover: '£600k' }],
  ['smallerProviders', { ...typical.smallerProviders, lotsReason: '' }],
  ['modernSlavery', {}],
  ['modernSlavery', { ...typical.modernSlavery, mssPlanned: 'MSS-2', msSector: 'mining' }],
  ['review', { confirm: 'false' }],
  ['review', {}],
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
    const typed = refuse(draft, 'basics', { value: 250_000, keyProvider: true, themes: ['2'] });
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
    assert.deepEqual(errors, {
      title: 'Shorten this to 200 characters or fewer; it is 201.',
      category: 'Choose one of: Goods; Services; Works; Mixed: more than one of these',
      value: 'Enter an amount in pounds, like £250,000 or 250k',
      contractMonths: 'Enter a whole number from 1 to 600',
      procurementStart: 'Enter a real date written YYYY-MM-DD, like 2026-04-01',
      keyProvider: 'Choose yes or no',
    });
    const missing = refuse(newDraft(flow), 'basics', {}).errors;
    assert.equal(missing.title, 'Enter an answer for “Contract title”');
    assert.equal(
      missing.value,
      'Enter an amount in pounds for “Estimated whole-life value, including VAT”',
    );
    assert.equal(Object.keys(missing).includes('description'), false, 'description is optional');
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
    const outcomes = accept(draftAt('outcomes'), 'outcomes', {
      ...typical.outcomes,
      themes: ' 4 , 2,2',
      measures: ['living-wage', 'local-jobs'],
    });
    assert.deepEqual(outcomes.answers.themes, ['2', '4'], 'in the listed order, once each');
    assert.deepEqual(outcomes.answers.measures, ['local-jobs', 'living-wage']);
  });

  it('takes the default of a yes/no the card did not send', () => {
    const { competitive: _c, lightTouch: _l, ...rest } = typical.basics;
    const draft = accept(newDraft(flow), 'basics', rest);
    assert.equal(draft.answers.competitive, true);
    assert.equal(draft.answers.lightTouch, false);
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
    const { errors } = refuse(draft, 'outcomes', {
      themes: '2,4',
      measures: 'local-jobs,living-wage',
      weighting: '5',
    });
    assert.deepEqual(Object.keys(errors), ['weightingJustification']);
    assert.match(errors.weightingJustification ?? '', /^A justification is required/);
    assert.match(errors.weightingJustification ?? '', /say why .*\(§2\.2\)/);
    accept(draft, 'outcomes', { ...typical.outcomes, weighting: '5' });
    accept(draft, 'outcomes', {
      themes: '2,4',
      measures: 'local-jobs,living-wage',
      weighting: '0',
    });
  });

  it("asks about turnover with the £36m threshold for a supplier's own slavery statement beside it", () => {
    const draft = draftAt('smallerProviders');
    const questions = visibleQuestions(flow, draft, 'smallerProviders');
    const turnover = questions.find((q) => q.id === 'minimumTurnover');
    assert.match(
      turnover?.help ?? '',
      /£36m or more must publish its own slavery and human trafficking statement/,
    );
    assert.match(turnover?.help ?? '', /MSA 2015 s\.54/);
    const why = questions.find((q) => q.id === 'turnoverJustification');
    assert.match(why?.help ?? '', /rule of thumb/);
    assert.equal(why?.citation, 'PA 2023 s.22');
  });

  it('needs a justification for a minimum turnover above twice the contract value', () => {
    const draft = draftAt('smallerProviders');
    const { errors } = refuse(draft, 'smallerProviders', {
      ...typical.smallerProviders,
      minimumTurnover: '£500,000.01',
    });
    assert.deepEqual(Object.keys(errors), ['turnoverJustification']);
    assert.match(errors.turnoverJustification ?? '', /more than 2 times the contract value/);
    // Begun in 2026, under the Procurement Act: proportionality (s.22), the figure a rule of thumb.
    assert.match(errors.turnoverJustification ?? '', /rule of thumb, under PA 2023 s\.22/);
    accept(draft, 'smallerProviders', { ...typical.smallerProviders, minimumTurnover: '500k' });
    accept(draft, 'smallerProviders', {
      ...typical.smallerProviders,
      minimumTurnover: '£1m',
      turnoverJustification: 'Insurance cover the service needs',
    });
  });

  it('refuses an outcome that fails one of the three tests, citing the test', () => {
    const draft = draftAt('targets');
    const { errors } = refuse(draft, 'targets', {
      ...typical.targets,
      'outcomeTargets.living-wage.specifiable': 'false',
    });
    assert.deepEqual(Object.keys(errors), ['outcomeTargets.living-wage.specifiable']);
    const message = errors['outcomeTargets.living-wage.specifiable'] ?? '';
    assert.match(message, /“Work towards paying staff the Living Wage” must meet the test/);
    assert.match(message, /\(§2\.1\(ii\)\)/);
    assert.match(message, /confirm that it does, or remove this outcome/);
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
      ...typical.outcomes,
      themes: '3',
      measures: 'waste-diverted',
    });
    const confirmed = {
      'outcomeTargets.waste-diverted.relevant': 'true',
      'outcomeTargets.waste-diverted.specifiable': 'true',
      'outcomeTargets.waste-diverted.priorities': 'true',
    };
    const over = refuse(percent, 'targets', {
      ...confirmed,
      'outcomeTargets.waste-diverted.target': '150',
    }).errors;
    assert.deepEqual(over, {
      'outcomeTargets.waste-diverted.target': 'Enter a percentage above 0 and no more than 100',
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

  it('refuses a measure whose theme was not chosen, and a theme with no measure', () => {
    const draft = draftAt('outcomes');
    const stray = refuse(draft, 'outcomes', { ...typical.outcomes, themes: '2' }).errors;
    assert.deepEqual(stray, {
      measures:
        '“Work towards paying staff the Living Wage” is under Inclusion, staff mental health and wellbeing, which is not ticked: tick that theme or untick the outcome',
    });
    const bare = refuse(draft, 'outcomes', { ...typical.outcomes, themes: '2,3,4' }).errors;
    assert.deepEqual(bare, {
      themes:
        'Environmental sustainability has no outcome ticked: tick at least one of its outcomes or untick the theme',
    });
    const unknown = refuse(draft, 'outcomes', { ...typical.outcomes, measures: 'local-jobs,x' });
    assert.match(unknown.errors.measures ?? '', /"x" is not one of them/);
  });

  it('asks why, when the service is no longer relevant, there is no consultation or no lots', () => {
    const why = refuse(draftAt('why'), 'why', { ...typical.why, stillRelevant: 'false' }).errors;
    assert.deepEqual(Object.keys(why), ['relevanceNote']);
    const consult = refuse(draftAt('consultation'), 'consultation', { consult: 'false' }).errors;
    assert.deepEqual(Object.keys(consult), ['noConsultationReason']);
    const plan = refuse(draftAt('consultation'), 'consultation', { consult: 'true' }).errors;
    assert.deepEqual(Object.keys(plan), ['consultationPlan']);
    const lots = refuse(draftAt('smallerProviders'), 'smallerProviders', {
      ...typical.smallerProviders,
      lotsReason: '  ',
    }).errors;
    assert.deepEqual(Object.keys(lots), ['lotsReason']);
    accept(draftAt('smallerProviders'), 'smallerProviders', {
      ...typical.smallerProviders,
      useLots: 'true',
      lotsReason: '',
    });
  });

  it('asks why any applicable Modern Slavery Statement commitment is not planned', () => {
    const draft = draftAt('modernSlavery');
    const { errors } = refuse(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      mssPlanned: 'MSS-1,MSS-2,MSS-3',
    });
    assert.deepEqual(errors, {
      mssNotPlannedReason: 'Say why MSS-4 and MSS-5 are not planned, or tick them as planned',
    });
    const reasoned = accept(draft, 'modernSlavery', {
      ...typical.modernSlavery,
      mssPlanned: 'MSS-1,MSS-2,MSS-3',
      mssNotPlannedReason: 'The supplier is a public body with its own policy',
    });
    assert.equal(reasoned.step, 'review');
  });

  it('finishes only when the officer confirms the answers', () => {
    const draft = draftAt('review');
    const { errors } = refuse(draft, 'review', { confirm: 'false' });
    assert.match(errors.confirm ?? '', /^Tick to confirm/);
    const done = applyAnswers(flow, draft, 'review', { confirm: 'true' });
    assert.ok(done.ok);
    assert.equal(done.next, 'done');
  });

  it('refuses a step that does not exist', () => {
    const result = applyAnswers(flow, newDraft(flow), 'nonsense' as StepId, {});
    assert.ok(!result.ok);
    assert.match(result.errors[STEP_ERROR_KEY] ?? '', /no step "nonsense"/);
  });
});
