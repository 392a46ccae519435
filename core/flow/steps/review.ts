import type { Step } from '../questions.js';

/**
 * The review asks nothing: it shows every answer with a Change button per step, and its
 * Continue ("Confirm and finish") is the confirmation.
 */
export function reviewStep(): Step {
  return {
    id: 'review',
    title: 'Check your answers',
    questions: [],
  };
}
