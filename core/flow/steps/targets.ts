import type { PolicyPack } from '../../policy/schema.js';
import type { Step } from '../questions.js';
import { chosenMeasures } from './outcomes.js';

export function targetsStep(pack: PolicyPack): Step {
  const tests = pack.outcomeTests.map((test) => `${test.text} (${test.citation})`).join('; ');
  return {
    id: 'targets',
    title: 'Targets for each outcome',
    help: `Set a target for each outcome, and confirm it meets all three tests: ${tests}.`,
    citation: '§2.1',
    questions: [
      {
        id: 'outcomeTargets',
        kind: 'measureTargets',
        label: 'Target for each outcome',
        required: true,
        citation: 'App 1',
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
