import { STAGE_NOTICES } from '../../cards/post-award-words.js';
import { CONTRACT_INPUTS, stageInputIds } from '../../cards/stage-inputs.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import { parseNumberText } from '../../core/flow/parse-values.js';
import { markStageDone, setContractTerms, setStageDue } from '../../core/record/index.js';
import type { RecordStore } from '../store/records.js';
import type { Actor } from '../wizard/wizard.js';
import { text } from './form-values.js';
import { type StageSave, saveStageChange } from './save-stage.js';
import {
  currentStages,
  type DeskReply,
  doneFields,
  type PackOf,
  type PressedButton,
  pressButton,
  type StageAction,
  stageInputs,
} from './stage-button.js';

/** The card input of each field of the award. */
const CONTRACT_INPUT_OF: Record<string, string> = {
  awardDate: CONTRACT_INPUTS.awardDate,
  months: CONTRACT_INPUTS.months,
  supplier: CONTRACT_INPUTS.supplier,
};

/**
 * After award, the stages card: the award's terms, each stage's due date and marking a stage
 * done. Each change reads the record once and writes it once, conditionally on its ETag.
 */
export class StagesDesk {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
  ) {}

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const today = isoDateInLondon(this.clock());
    return currentStages(this.packOf, this.records, actor, reference, today);
  }

  /** "Set the award": the award date, the contract's length and the supplier. */
  async setContract(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values, Object.values(CONTRACT_INPUTS));
    if ('reply' in pressed) return pressed.reply;
    const supplier = text(values[CONTRACT_INPUTS.supplier]);
    const result = setContractTerms(
      pressed.found.record,
      pressed.pack,
      {
        awardDate: text(values[CONTRACT_INPUTS.awardDate]),
        months: parseNumberText(values[CONTRACT_INPUTS.months]),
        ...(supplier ? { supplier } : {}),
      },
      pressed.act,
    );
    return this.save({
      ...this.saving(pressed, values),
      result,
      inputFor: (path) => CONTRACT_INPUT_OF[path] ?? CONTRACT_INPUTS.awardDate,
      done: STAGE_NOTICES.awardSaved,
    });
  }

  /** "Set due date" on a stage's row. */
  async setDue(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const { stage } = action;
    const pressed = await this.press(actor, action, values, stageInputs(stage));
    if ('reply' in pressed) return pressed.reply;
    const input = stageInputIds(stage ?? 0);
    const due = text(values[input.due]);
    const result = setStageDue(pressed.found.record, pressed.pack, { stage, due }, pressed.act);
    return this.save({
      ...this.saving(pressed, values),
      result,
      inputFor: () => input.due,
      done: result.ok ? STAGE_NOTICES.dueSet(stage ?? 0, due ?? '') : '',
      ...(stage === undefined ? {} : { stage }),
    });
  }

  /** "Mark done" on a stage's row. */
  async markDone(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const { stage } = action;
    const pressed = await this.press(actor, action, values, stageInputs(stage));
    if ('reply' in pressed) return pressed.reply;
    const { on, note, inputFor } = doneFields(stage, values);
    const result = markStageDone(
      pressed.found.record,
      pressed.pack,
      { stage, on, note },
      pressed.act,
    );
    return this.save({
      ...this.saving(pressed, values),
      result,
      inputFor,
      done: STAGE_NOTICES.done(stage ?? 0),
      ...(stage === undefined ? {} : { stage }),
    });
  }

  private press(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
    inputs: readonly string[],
  ) {
    const { packOf, records } = this;
    return pressButton({ packOf, records, now: this.clock(), actor, action, values, inputs });
  }

  private async save(change: StageSave): Promise<DeskReply> {
    return ok(await saveStageChange(change));
  }

  /** What every save on the stages card shares: the record as read and what was typed. */
  private saving(pressed: PressedButton, values: Record<string, unknown>) {
    return {
      pack: pressed.pack,
      records: this.records,
      found: pressed.found,
      today: pressed.act.today,
      values,
      typed: pressed.typed,
    };
  }
}
