import { STAGE_NOTICES, stageFieldError } from '../../cards/post-award-words.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { stagesCard } from '../../cards/stages-card.js';
import type { Result } from '../../core/common/result.js';
import type { PolicyPack } from '../../core/policy/index.js';
import type { CommissioningRecord } from '../../core/record/index.js';
import type { RecordStore, Versioned } from '../store/records.js';
import { errorsOn } from './form-values.js';
import { writeRecord } from './record-write.js';
import { outOfDateStages } from './stage-button.js';

export interface StageSave {
  pack: PolicyPack;
  records: RecordStore;
  /** The record as read, with the ETag the write is conditional on. */
  found: Versioned;
  /** Core's change to the record, or the problems that refused it. */
  result: Result<CommissioningRecord>;
  today: string;
  /** The card's values as sent, and as shown again if the change is refused. */
  values: Record<string, unknown>;
  typed: Record<string, string>;
  /** The card input that holds each of core's fields, for its error. */
  inputFor: (path: string) => string;
  /** The notice once saved. */
  done: string;
  /** The stage the button is for, named in its errors. */
  stage?: number;
}

/**
 * A change made on the stages card, written once: the card again with the change saved, or
 * with the errors beside the fields, or with what was typed when someone else saved first.
 */
export async function saveStageChange(save: StageSave): Promise<AdaptiveCard> {
  const { pack, found, result, today, stage } = save;
  if (!result.ok) {
    // A stage the card never offers (an old or forged button) has no fields to show errors by.
    if (result.problems.some((problem) => problem.path === 'stage')) {
      return outOfDateStages(pack, found.record, today);
    }
    return stagesCard(pack, found.record, today, {
      values: save.typed,
      errors: errorsOn(result.problems, save.inputFor, save.values, (path, reason, given) =>
        stageFieldError(path, reason, given, {
          ...(stage === undefined ? {} : { stage }),
          today,
        }),
      ),
    });
  }
  const saved = await writeRecord(save.records, found, result.value);
  if (saved === undefined) {
    return stagesCard(pack, found.record, today, {
      values: save.typed,
      notice: {
        text: STAGE_NOTICES.changedMeanwhile,
        style: 'warning',
      },
    });
  }
  return stagesCard(pack, saved, today, { notice: { text: save.done, style: 'good' } });
}
