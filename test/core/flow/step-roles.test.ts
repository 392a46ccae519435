import assert from 'node:assert/strict';
import {
  assessmentOnStep,
  leadsWithGuidance,
  type Questionnaire,
  type StepId,
} from '../../../core/flow/index.js';
import { draftAt, flow } from './helpers.js';

/** The same questionnaire with the assessment and the guidance marked on another step. */
function markedOn(id: StepId): Questionnaire {
  return {
    ...flow,
    steps: flow.steps.map(({ runsAssessment: _runs, guidanceAfter: _after, ...step }) =>
      step.id === id ? { ...step, runsAssessment: true, guidanceAfter: true } : step,
    ),
  };
}

describe('the steps the questionnaire marks', () => {
  const { answers } = draftAt('outcomes');
  const today = '2026-03-01';

  it('runs the assessment on the basics, and leads the next step with the guidance', () => {
    assert.equal(assessmentOnStep(flow, 'basics', answers, today)?.ok, true);
    assert.equal(assessmentOnStep(flow, 'why', answers, today), undefined);
    assert.equal(leadsWithGuidance(flow, answers, 'why'), true);
    assert.equal(leadsWithGuidance(flow, answers, 'outcomes'), false);
  });

  it('moves the assessment and the guidance with the marks', () => {
    const moved = markedOn('why');
    assert.equal(assessmentOnStep(moved, 'basics', answers, today), undefined);
    assert.equal(assessmentOnStep(moved, 'why', answers, today)?.ok, true);
    assert.equal(leadsWithGuidance(moved, answers, 'why'), false);
    assert.equal(leadsWithGuidance(moved, answers, 'outcomes'), true);
  });
});
