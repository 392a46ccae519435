import assert from 'node:assert/strict';
import {
  activeSteps,
  applyAnswers,
  assessmentInputFrom,
  assessmentOf,
  goBack,
  newDraft,
  plannedSlaveryItems,
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
      'outcomes',
      'targets',
      'modernSlavery',
      'review',
      'done',
    ]);
    assert.equal(draft.answers.value, 250_000);
    assert.equal(draft.answers.contractMonths, 36);
    assert.equal(draft.answers.competitive, true);
    // The themes follow from the outcomes: no question asks for them.
    assert.equal(draft.answers.themes, undefined);
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
      'outcomes',
      'targets',
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
    assert.deepEqual(ids('outcomes', at), ['measures']);
    const above = draftAt('outcomes', {
      ...typical,
      basics: { ...typical.basics, value: '£100,000.01' },
    });
    assert.deepEqual(ids('outcomes', above), ['measures', 'weighting', 'weightingJustification']);
    const keyProvider = draftAt('outcomes', {
      ...typical,
      basics: { ...typical.basics, value: '£5,000', keyProvider: 'true' },
    });
    assert.ok(
      ids('outcomes', keyProvider).includes('weighting'),
      'a key provider is in scope at any value',
    );
  });

  it('leaves out the smaller-provider questions and the weighting for a non-competitive award', () => {
    const cards = {
      ...typical,
      basics: { ...typical.basics, competitive: 'false' },
      outcomes: { 'measures.2': 'local-jobs', 'measures.4': 'living-wage' },
      modernSlavery: { msIndicators: 'workforce', msSector: 'none', mssAll: 'true' },
    };
    const outcomes = draftAt('outcomes', cards);
    assert.deepEqual(ids('outcomes', outcomes), ['measures']);
    const { draft, path } = walk(cards);
    assert.deepEqual(path, [
      'basics',
      'why',
      'outcomes',
      'targets',
      'modernSlavery',
      'review',
      'done',
    ]);
    assert.equal(draft.answers.weighting, undefined);
    assert.deepEqual(ids('modernSlavery', draft), ['msIndicators', 'msSector', 'mssAll']);
    assert.equal(goBack(flow, draftAt('modernSlavery', cards), 'modernSlavery').step, 'targets');
    // Modern slavery due diligence still applies to the one supplier chosen: MSS-1 is kept.
    assert.deepEqual(
      plannedSlaveryItems(pack, draft.answers).map((item) => item.id),
      ['MSS-1', 'MSS-2', 'MSS-3', 'MSS-4', 'MSS-5'],
    );
    // A card of the step as it was before the merge opens the step that asks its questions now.
    assert.equal(activeSteps(flow, draft.answers).length, 6);
  });

  it('asks which commitments and why not the others only once "every commitment" is left unticked', () => {
    const at = draftAt('modernSlavery');
    assert.ok(!ids('modernSlavery', at).includes('mssPlanned'));
    const { mssAll: _all, ...unticked } = typical.modernSlavery;
    const first = refuse(at, 'modernSlavery', unticked);
    assert.deepEqual(Object.keys(first.errors), ['mssNotPlannedReason']);
    assert.deepEqual(first.followUps, ['mssNotPlannedReason'], 'a question, not a mistake');
    assert.ok(
      visibleQuestions(flow, at, 'modernSlavery', first.values).some((q) => q.id === 'mssPlanned'),
    );
    const done = accept(at, 'modernSlavery', {
      ...unticked,
      mssPlanned: 'MSS-1,MSS-2',
      mssNotPlannedReason: 'The supply chain is one local firm',
    });
    assert.deepEqual(
      plannedSlaveryItems(pack, done.answers).map((item) => item.id),
      ['MSS-1', 'MSS-2'],
    );
  });

  it('asks a mixed contract for its main element, which can be chosen on the same card', () => {
    const mixed = { ...typical.basics, category: 'mixed' };
    const missing = refuse(newDraft(flow), 'basics', mixed);
    assert.deepEqual(Object.keys(missing.errors), ['mainElement']);
    // Not shown until "mixed" was chosen, so it comes back as a question, not a mistake.
    assert.deepEqual(missing.followUps, ['mainElement']);
    assert.match(missing.errors.mainElement ?? '', /main element/);
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

  it('asks about light-touch services as a kind of services, unanswered until chosen', () => {
    const services = accept(newDraft(flow), 'basics', typical.basics);
    assert.equal(assessmentInputFrom(services.answers).lightTouch, false);
    const mixedServices = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'mixed',
      mainElement: 'lightTouchServices',
    });
    assert.equal(assessmentInputFrom(mixedServices.answers).lightTouch, true);
    assert.equal(assessmentInputFrom(mixedServices.answers).mainElement, 'services');

    // It matters: light-touch services have a much higher regulated threshold.
    const lightTouch = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'lightTouchServices',
    });
    const assessed = assessmentOf(pack, lightTouch.answers);
    assert.ok(assessed.ok);
    assert.equal(assessed.value.aboveRegulatedThreshold, false);
    assert.equal(assessed.value.regulatedThreshold.basis, 'light-touch services');

    // A draft saved when light-touch was a question of its own is still read.
    const older = { ...services.answers, lightTouch: true };
    assert.equal(assessmentInputFrom(older).lightTouch, true);
  });

  it('starts the questions that change the advice unanswered, and requires them', () => {
    const { competitive: _c, keyProvider: _k, ...rest } = typical.basics;
    const refused = refuse(newDraft(flow), 'basics', rest);
    assert.deepEqual(Object.keys(refused.errors).sort(), ['competitive', 'keyProvider']);
  });

  it('keeps a hidden answer but leaves it out of the assessment', () => {
    const mixed = accept(newDraft(flow), 'basics', {
      ...typical.basics,
      category: 'mixed',
      mainElement: 'lightTouchServices',
    });
    const back = goBack(flow, mixed, 'why');
    const goods = accept(back, 'basics', { ...typical.basics, category: 'goods' });
    assert.equal(goods.answers.mainElement, 'lightTouchServices');
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
    assert.equal(goBack(flow, draft, 'modernSlavery').step, 'targets');
    // Drafts saved on a step of an earlier version go back from the step that replaced it.
    assert.equal(goBack(flow, draft, 'smallerProviders').step, 'targets');
    assert.equal(goBack(flow, draft, 'consultation').step, 'basics');
    assert.equal(goBack(flow, draft, 'basics').step, 'basics');
    assert.deepEqual(goBack(flow, draft, 'review').answers, draft.answers);
  });

  it('is not done while a step that now applies is incomplete', () => {
    const cards = {
      ...typical,
      basics: { ...typical.basics, competitive: 'false' },
      outcomes: { 'measures.2': 'local-jobs', 'measures.4': 'living-wage' },
      modernSlavery: { msIndicators: 'workforce', msSector: 'none', mssAll: 'true' },
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
