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
