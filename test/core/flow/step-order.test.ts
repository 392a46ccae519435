import assert from 'node:assert/strict';
import { parseDraft, QUESTIONNAIRE_STEPS } from '../../../core/flow/index.js';
import { draftAt, flow } from './helpers.js';

describe('the order of the steps', () => {
  it('is the questionnaire’s, each step under the id drafts store', () => {
    assert.deepEqual(
      flow.steps.map((step) => step.id),
      Object.keys(QUESTIONNAIRE_STEPS),
    );
  });

  it('still reads a draft stored at a step of an earlier version', () => {
    const retired = flow.steps.flatMap((step) => step.replaces ?? []);
    assert.ok(retired.length > 0, 'no step replaces an earlier one');
    for (const step of retired) {
      const stored = { ...draftAt('review'), step };
      assert.equal(parseDraft(stored).ok, true, step);
    }
    assert.equal(parseDraft({ ...draftAt('review'), step: 'nonsense' }).ok, false);
  });
});
