import assert from 'node:assert/strict';
import {
  cardValues,
  newDraft,
  parseDraft,
  saveProgress,
  visibleQuestions,
} from '../../../core/flow/index.js';
import { accept, draftAt, flow, typical, walk } from './helpers.js';

describe('saving progress and showing a draft', () => {
  it('keeps each answer that reads, reports the rest, and stays on the step', () => {
    const draft = draftAt('basics');
    const saved = saveProgress(flow, draft, 'basics', {
      title: 'Custody healthcare',
      value: 'a lot',
      procurementStart: '2026-04-01',
    });
    assert.equal(saved.draft.step, 'basics');
    assert.equal(saved.draft.answers.title, 'Custody healthcare');
    assert.equal(saved.draft.answers.procurementStart, '2026-04-01');
    assert.equal(saved.draft.answers.value, undefined);
    assert.deepEqual(saved.errors, {
      value:
        '“Estimated whole-life value, including VAT”: enter an amount in pounds, like £250,000 or 250k',
    });
    assert.deepEqual(saved.values, {
      title: 'Custody healthcare',
      value: 'a lot',
      procurementStart: '2026-04-01',
    });
  });

  it('ignores required and cross-field rules when saving, but keeps a stored answer the card left empty', () => {
    const draft = draftAt('outcomes');
    const saved = saveProgress(flow, draft, 'outcomes', {
      'measures.3': 'waste-diverted',
      weighting: '11',
    });
    assert.deepEqual(saved.errors, {});
    assert.deepEqual(saved.draft.answers.measures, ['waste-diverted']);
    assert.equal(saved.draft.answers.weighting, 11);
    assert.equal(saved.draft.step, 'outcomes');

    const done = walk(typical).draft;
    const emptied = saveProgress(flow, done, 'basics', { ...typical.basics, title: '' });
    assert.equal(emptied.draft.answers.title, 'Custody healthcare', 'a required answer stays');
    const badValue = saveProgress(flow, done, 'basics', { ...typical.basics, value: '??' });
    assert.equal(
      badValue.draft.answers.value,
      250_000,
      'a value that did not read keeps the old one',
    );
  });

  it('keeps the targets that read when saving, and the old target for one that did not', () => {
    const done = walk(typical).draft;
    const saved = saveProgress(flow, done, 'targets', {
      ...typical.targets,
      'outcomeTargets.local-jobs.target': 'many',
      'outcomeTargets.living-wage.tests': 'false',
    });
    assert.deepEqual(Object.keys(saved.errors), ['outcomeTargets.local-jobs.target']);
    assert.deepEqual(saved.draft.answers.outcomeTargets, [
      {
        measureId: 'local-jobs',
        target: 3,
        tests: { relevant: true, specifiable: true, priorities: true },
      },
      {
        measureId: 'living-wage',
        tests: { relevant: false, specifiable: false, priorities: false },
      },
    ]);
  });

  it('clears an optional answer the officer empties, and only that one', () => {
    const done = walk(typical).draft;
    const emptied = accept(done, 'why', { ...typical.why, coDesign: '   ' });
    assert.equal(emptied.answers.coDesign, undefined);
    const { coDesign: _d, ...others } = done.answers;
    const { coDesign: _e, ...after } = emptied.answers;
    assert.deepEqual(after, others);
    assert.equal(emptied.step, 'outcomes', 'walks on from the step submitted');
  });

  it('fills a card in from the draft, as the card holds each kind of value', () => {
    const done = walk(typical).draft;
    assert.deepEqual(cardValues(flow, done, 'basics'), {
      ...typical.basics,
      // Not asked on the officer's card: the default of the concession question (issue 10).
      concession: 'false',
      value: '£250,000',
    });
    assert.deepEqual(cardValues(flow, done, 'outcomes'), typical.outcomes);
    assert.deepEqual(cardValues(flow, done, 'targets'), typical.targets);
    assert.deepEqual(cardValues(flow, newDraft(flow), 'basics'), {});
  });

  it('shows each question with its requirement and choices worked out on the answers', () => {
    const why = draftAt('why');
    // Asked only once the service is said to be no longer relevant.
    const relevance = (draft = why) =>
      visibleQuestions(flow, draft, 'why').find((q) => q.id === 'relevanceNote')?.required;
    assert.equal(relevance(), undefined);
    const notRelevant = { ...why, answers: { ...why.answers, stillRelevant: false } };
    assert.equal(relevance(notRelevant), true);

    const measures = visibleQuestions(flow, draftAt('targets'), 'targets')[0];
    assert.ok(measures?.kind === 'measureTargets');
    assert.deepEqual(
      measures.measures.map((m) => [m.id, m.inputs.map((i) => i.key)]),
      [
        ['local-jobs', ['outcomeTargets.local-jobs.target', 'outcomeTargets.local-jobs.tests']],
        ['living-wage', ['outcomeTargets.living-wage.tests']],
      ],
    );
    assert.equal(measures.measures[0]?.inputs[0]?.label, 'Target (number)');
  });

  it('stores drafts as JSON and refuses a stored draft that is not one', () => {
    const done = walk(typical).draft;
    const stored = parseDraft(JSON.parse(JSON.stringify(done)));
    assert.ok(stored.ok);
    assert.deepEqual(stored.value, done);
    const broken = parseDraft({
      answers: { title: { nested: true } },
      step: 'nowhere',
      visited: [],
    });
    assert.ok(!broken.ok);
    assert.deepEqual(
      broken.problems.map((p) => p.path),
      ['answers.title', 'step'],
    );
  });
});
