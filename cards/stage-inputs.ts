/** The ids of a stage's inputs, shared by the stages card, the reminder card and the bot. */
export const stageInputIds = (stage: number) =>
  ({
    due: `stageDue_${stage}`,
    doneOn: `stageDoneOn_${stage}`,
    note: `stageNote_${stage}`,
  }) as const;

export const CONTRACT_INPUTS = {
  awardDate: 'awardDate',
  months: 'contractLength',
  supplier: 'supplier',
} as const;

export const STAGE_VERBS = {
  done: 'stage.done',
  snooze: 'stage.snooze',
  setDue: 'stage.due',
  setContract: 'contract.set',
  show: 'stages.show',
} as const;

/**
 * What each field of a stage change or a rating is called in its error, so that a message
 * from core that starts mid-sentence ("must not be in the future") reads as a sentence.
 */
const FIELD_SUBJECTS: Readonly<Record<string, string>> = {
  awardDate: 'The award date',
  months: 'The contract length',
  supplier: 'The supplier',
  due: 'The due date',
  on: 'The date done',
  note: 'The note',
  stage: 'The stage',
  until: 'The snooze date',
  evidence: 'The evidence',
};

/** The error for a field, in plain words: a sentence as it is, else after the field's name. */
export function fieldMessage(path: string, message: string): string {
  if (/^[A-Z]/.test(message) || path === '(input)') return message;
  const subject = path.startsWith('rows.') ? 'This row' : (FIELD_SUBJECTS[path] ?? 'This');
  return `${subject} ${message}`;
}
