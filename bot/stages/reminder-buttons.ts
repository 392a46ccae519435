import { STAGE_NOTICES, stageFieldError } from '../../cards/post-award-words.js';
import { reminderCard } from '../../cards/reminder-card.js';
import { addDays } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import { markStageDone, SNOOZE_DAYS, snoozeStage } from '../../core/record/index.js';
import type { RecordStore } from '../store/records.js';
import type { Actor } from '../wizard/wizard.js';
import { errorsOn } from './form-values.js';
import { writeRecord } from './record-write.js';
import {
  currentStages,
  type DeskReply,
  doneFields,
  outOfDateStages,
  type PackOf,
  pressButton,
  type StageAction,
  stageInputs,
} from './stage-button.js';

/**
 * The buttons of a reminder card: mark the stage done or snooze it. Each answers with the
 * reminder again, so that the officer sees it dealt with where they pressed; a reminder
 * already dealt with (or sent for another due date) acts no more.
 */
export class ReminderButtons {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
  ) {}

  /** "Mark done", for the due date the reminder was sent for. */
  async markDone(
    actor: Actor,
    action: StageAction & { due: string },
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values);
    if ('reply' in pressed) return pressed.reply;
    const { found, act, pack } = pressed;
    const owed = { stage: action.stage ?? 0, due: action.due };
    const { on, note, inputFor } = doneFields(action.stage, values);
    const result = markStageDone(found.record, pack, { stage: action.stage, on, note }, act);
    // Its errors beside its own fields, with what was typed.
    if (!result.ok) {
      return ok(
        reminderCard(pack, found.record, owed, act.today, undefined, {
          values: pressed.typed,
          errors: errorsOn(result.problems, inputFor, values, (path, reason, given) =>
            stageFieldError(path, reason, given, { stage: owed.stage, today: act.today }),
          ),
        }),
      );
    }
    const saved = await writeRecord(this.records, found, result.value);
    if (saved === undefined) {
      return currentStages(this.packOf, this.records, actor, action.reference, act.today);
    }
    return ok(
      reminderCard(
        pack,
        saved,
        owed,
        act.today,
        STAGE_NOTICES.doneOn(owed.stage, typeof on === 'string' ? on : act.today),
      ),
    );
  }

  /** "Snooze": the stage falls due again in a few days. */
  async snooze(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values);
    if ('reply' in pressed) return pressed.reply;
    const { found, act, pack } = pressed;
    const until = addDays(act.today, SNOOZE_DAYS);
    const result = snoozeStage(found.record, pack, { stage: action.stage, until }, act);
    if (!result.ok) return ok(outOfDateStages(pack, found.record, act.today));
    const saved = await writeRecord(this.records, found, result.value);
    if (saved === undefined) {
      return currentStages(this.packOf, this.records, actor, action.reference, act.today);
    }
    return ok(
      reminderCard(
        pack,
        saved,
        { stage: action.stage ?? 0, due: action.due ?? until },
        act.today,
        STAGE_NOTICES.snoozed(until),
      ),
    );
  }

  private press(actor: Actor, action: StageAction, values: Record<string, unknown>) {
    const { packOf, records } = this;
    const inputs = stageInputs(action.stage);
    return pressButton({ packOf, records, now: this.clock(), actor, action, values, inputs });
  }
}
