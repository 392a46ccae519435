import { yesNoAnswer } from '../answers.js';
import type { FieldErrors, Step } from '../questions.js';

export function reviewStep(): Step {
  return {
    id: 'review',
    title: 'Check and confirm',
    help: 'Check every answer; go back to change any of them.',
    questions: [
      {
        id: 'confirm',
        kind: 'yesNo',
        label: 'I confirm the answers are complete and correct',
        required: true,
      },
    ],
    validate: (answers): FieldErrors =>
      yesNoAnswer(answers, 'confirm') === false
        ? {
            confirm:
              'Tick to confirm the answers are complete and correct, or go back and change them',
          }
        : {},
  };
}
