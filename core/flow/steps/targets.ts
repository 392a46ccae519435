import type { PolicyPack } from '../../policy/schema.js';
import type { Step } from '../questions.js';
import { chosenMeasures } from './outcomes.js';

export function targetsStep(pack: PolicyPack): Step {
  // The three tests are explained once, here; each outcome then takes one tick for all three.
  const tests = pack.outcomeTests.map((test) => `(${test.citation}) ${test.text}`).join('; ');
  return {
    id: 'targets',
    title: 'Targets for each outcome',
    help: `Set each target; tick it if it meets all three tests: ${tests}.`,
    questions: [
      {
        id: 'outcomeTargets',
        kind: 'measureTargets',
        label: 'Target for each outcome',
        short: 'Outcomes',
        required: true,
        measures: (answers) =>
          chosenMeasures(pack, answers).map((measure) => ({
            id: measure.id,
            label: measure.text,
            unit: measure.unit,
            citation: measure.citation,
          })),
      },
    ],
  };
}
