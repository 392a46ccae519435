import assert from 'node:assert/strict';
import {
  activeSteps,
  applyAnswers,
  assessmentInputFrom,
  assessmentOf,
  goBack,
  newDraft,
  visibleQuestions,
} from '../../../core/flow/index.js';
import { accept, draftAt, flow, pack, refuse, typical, walk } from './helpers.js';

const ids = (stepId: Parameters<typeof visibleQuestions>[2], draft = newDraft(flow)) =>
  visibleQuestions(flow, draft, stepId).map((q) => q.id);

describe('questionnaire walks', () => {
  it('walks a typical £250k services contract with two outcomes through every step to done', () => {
    const { draft, path } = walk(typical);
    assert.deepEqual(path, [
      'basics',
      'why',
      'consultation',
      'outcomes',
      'targets',
      'smallerProviders',
      'modernSlavery',
      'review',
      'done',
    ]);
    assert.equal(draft.answers.value, 250_000);
    assert.equal(draft.answers.contractMonths, 36);
    assert.equal(draft.answers.competitive, true);
    assert.deepEqual(draft.answers.themes, ['2', '4']);
    assert.deepEqual(draft.answers.measures, ['local-jobs', 'living-wage']);
    assert.equal(draft.answers.weighting, 10);
    assert.equal(draft.answers.minimumTurnover, 200_000);
    const all = { relevant: true, specifiable: true, priorities: true };
    assert.deepEqual(draft.answers.outcomeTargets, [
      { measureId: 'local-jobs', target: 3, tests: all },
      { measureId: 'living-wage', tests: all },
    ]);
    assert.deepEqual(draft.visited, [
      'basics',
      'why',
      'consultation',
      'outcomes',
      'targets',
      'smallerProviders',
      'modernSlavery',
      'review',
    ]);
  });

  it('gives the bot an assessment of the basics: £250k of services is in scope and regulated', () => {
    const draft = draftAt('why');
    const assessment = assessmentOf(pack, draft.answers);
    assert.ok(assessment.ok);
    assert.equal(assessment.value.inScope, true);
    assert.equal(assessment.value.aboveRegulatedThreshold, true);
    assert.equal(assessment.value.actApplies, true);
    assert.deepEqual(assessmentInputFrom(draft.answers), {
      category: 'services',
      value: 250_000,
      keyProvider: false,
      procurementStart: '2026-04-01',
      competitive: true,
      lightTouch: false,
      concession: false,
    });
  });

  it('asks the weighting only for a contract in the policy scope: not at exactly £100,000, but at £100,000.01', () => {
    const at = draftAt('outcomes', {
      ...typical,
      basics: { ...typical.basics, value: '£100,000' },
    });
    assert.deepEqual(ids('outcomes', at), ['themes', 'measures']);
    const above = draftAt('outcomes', {
      ...typical,
      basics: { ...typical.basics, value: '£100,000.01' },
    });
    assert.deepEqual(ids('outcomes', above), [
      'themes',
      'measures',
      'weighting',
      'weightingJustification',
    ]);
    const keyProvider = draftAt('outcomes', {
      ...typical,
      basics: { ...typical.basics, value: '£5,000', keyProvider: 'true' },
    });
    assert.ok(
      ids('outcomes', keyProvider).includes('weighting'),
      'a key provider is in scope at any value',
    );
  });

  it('skips the smaller-providers step and the weighting for a non-competitive award', () => {
    const cards = {
      ...typical,
      basics: { ...typical.basics, competitive: 'false' },
      outcomes: { themes: '2,4', measures: 'local-jobs,living-wage' },
      modernSlavery: { ...typical.modernSlavery, mssPlanned: 'MSS-1,MSS-2,MSS-3,MSS-4,MSS-5' },
    };
    const outcomes = draftAt('outcomes', cards);
    assert.deepEqual(ids('outcomes', outcomes), ['themes', 'measures']);
    const { draft, path } = walk(cards);
    assert.deepEqual(path, [
      'basics',
      'why',
      'consultation',
      'outcomes',
      'targets',
      'modernSlavery',
      'review',
      'done',
    ]);
    assert.equal(draft.answers.weighting, undefined);
    assert.ok(!activeSteps(flow, draft.answers).some((step) => step.id === 'smallerProviders'));
    assert.equal(goBack(flow, draftAt('modernSlavery', cards), 'modernSlavery').step, 'targets');
    // Modern slavery due diligence still applies to the one supplier chosen: MSS-1 is kept.
    const planned = visibleQuestions(flow, outcomes, 'modernSlavery').find(
      (q) => q.id === 'mssPlanned',
    );
    assert.ok(planned && 'choices' in planned);
    assert.deepEqual(
      planned.choices.map((choice) => choice.id),
      ['MSS-1', 'MSS-2', 'MSS-3', 'MSS-4', 'MSS-5'],
    );
    const skipped = refuse(draft, 'smallerProviders', typical.smallerProviders);
    assert.match(skipped.errors._step ?? '', /does not apply/);
  });

  it('asks a mixed contract for its main element, which can be chosen on the same card', () => {
    const mixed = { ...typical.basics, category: 'mixed' };
    const missing = refuse(newDraft(flow), 'basics', mixed);
    assert.deepEqual(Object.keys(missing.errors), ['mainElement']);
    assert.match(missing.errors.mainElement ?? '', /Choose an option for “Main element/);
    // The card shown again with "mixed" still chosen asks for the main element.
    assert.ok(
      visibleQuestions(flow, newDraft(flow), 'basics', missing.values).some(
        (q) => q.id === 'mainElement',
      ),
    );

    const draft = accept(newDraft(flow), 'basics', { ...mixed, mainElement: 'works' });
    assert.equal(draft.answers.mainElement, 'works');
    assert.equal(draft.step, 'why');
    assert.ok(ids('basics', draft).includes('mainElement'));
    assert.ok(!ids('basics', newDraft(flow)).includes('mainElement'));
    // Judged as works: £250k is below the works scope threshold.
    const assessment = assessmentOf(pack, draft.answers);
    assert.ok(assessment.ok);
    assert.equal(assessment.value.element, 'works');
    assert.equal(assessment.value.inScope, false);
  });

  it('asks about light-touch services only when services are the main element', () => {
    const services = accept(newDraft(flow), 'basics', typical.basics);
    assert.ok(ids('basics', services).includes('lightTouch'));
    const goods = accept(newDraft(flow), 'basics', { ...typical.basics, category: 'goods' });
    assert.ok(!ids('basics', goods).includes('lightTouch'));
    const mixedServices = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'mixed',
      mainElement: 'services',
      lightTouch: 'true',
    });
    assert.equal(mixedServices.answers.lightTouch, true);

    // A light-touch toggle sent with goods is not asked, so it is not recorded.
    const ignored = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'goods',
      lightTouch: 'true',
    });
    assert.equal(ignored.answers.lightTouch, undefined);

    // It matters: light-touch services have a much higher regulated threshold.
    const lightTouch = accept(newDraft(flow), 'basics', { ...typical.basics, lightTouch: 'true' });
    const assessed = assessmentOf(pack, lightTouch.answers);
    assert.ok(assessed.ok);
    assert.equal(assessed.value.aboveRegulatedThreshold, false);
    assert.equal(assessed.value.regulatedThreshold.basis, 'light-touch services');
  });

  it('keeps a hidden answer but leaves it out of the assessment', () => {
    const mixed = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'mixed',
      mainElement: 'services',
      lightTouch: 'true',
    });
    const back = goBack(flow, mixed, 'why');
    const goods = accept(back, 'basics', { ...typical.basics, category: 'goods' });
    assert.equal(goods.answers.mainElement, 'services');
    assert.equal(goods.answers.lightTouch, true);
    assert.deepEqual(assessmentInputFrom(goods.answers), {
      category: 'goods',
      value: 250_000,
      keyProvider: false,
      procurementStart: '2026-04-01',
      competitive: true,
    });
    assert.ok(assessmentOf(pack, goods.answers).ok);
  });

  it('goes back one step at a time over skipped steps, and from done to the review', () => {
    const { draft } = walk(typical);
    assert.equal(goBack(flow, draft, 'done').step, 'review');
    assert.equal(goBack(flow, draft, 'review').step, 'modernSlavery');
    assert.equal(goBack(flow, draft, 'modernSlavery').step, 'smallerProviders');
    assert.equal(goBack(flow, draft, 'basics').step, 'basics');
    assert.deepEqual(goBack(flow, draft, 'review').answers, draft.answers);
  });

  it('is not done while a step that now applies is incomplete', () => {
    const cards = {
      ...typical,
      basics: { ...typical.basics, competitive: 'false' },
      outcomes: { themes: '2,4', measures: 'local-jobs,living-wage' },
      modernSlavery: { ...typical.modernSlavery, mssPlanned: 'MSS-1,MSS-2,MSS-3,MSS-4,MSS-5' },
    };
    const { draft } = walk(cards);
    // The officer goes back to the basics and makes the award competitive...
    const competitive = accept(draft, 'basics', typical.basics);
    // ...then submits the review card still open in the chat.
    const result = applyAnswers(flow, competitive, 'review', typical.review);
    assert.ok(result.ok);
    assert.equal(result.next, 'outcomes', 'the weighting now has to be answered');
  });
});
