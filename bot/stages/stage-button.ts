import type { RecordCardData } from '../../cards/actions.js';
import { STAGE_NOTICES } from '../../cards/post-award-words.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { stageInputIds } from '../../cards/stage-inputs.js';
import { stagesCard } from '../../cards/stages-card.js';
import { ok } from '../../core/common/result.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { type Act, type CommissioningRecord, stagesOf } from '../../core/record/index.js';
import type { RecordStore, Versioned } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND, type WizardReply } from '../wizard/wizard.js';
import { typedValues } from './form-values.js';
import { actBy } from './record-write.js';

/** A card, or the record is not one the actor may see: the same answer as the wizard's. */
export type DeskReply = WizardReply;

/** What a stage button sent: the record card's data, the same on the stages card and a reminder. */
export type StageAction = RecordCardData;

/** The pack version a record was assessed under (one deployment may hold several). */
export type PackOf = (record: CommissioningRecord) => PolicyPack;

/** A button on the stages card or a reminder, on a record the actor may see and still current. */
export interface PressedButton {
  found: Versioned;
  /** The pack of the record as read. */
  pack: PolicyPack;
  act: Act;
  /** What was typed on the card, to show again if the change is refused. */
  typed: Record<string, string>;
}

/**
 * Reads the record a stage button is for, once. Answers with a card instead when the button
 * must not act: the record is not the actor's to see, or the button is stale.
 */
export async function pressButton(options: {
  packOf: PackOf;
  records: RecordStore;
  now: Date;
  actor: Actor;
  action: StageAction;
  values: Record<string, unknown>;
  /** The inputs of the form the button belongs to. */
  inputs: readonly string[];
}): Promise<PressedButton | { reply: DeskReply }> {
  const { actor, action } = options;
  const found = await options.records.get(actor, action.reference);
  if (!found) return { reply: RECORD_NOT_FOUND };
  const pack = options.packOf(found.record);
  const act = actBy(actor, options.now);
  const typed = typedValues(options.values, options.inputs);
  const stale = staleCard(pack, found.record, action, act.today, typed);
  return stale ? { reply: ok(stale) } : { found, pack, act, typed };
}

/**
 * A button pressed twice, or on a card older than the record, must not act twice (a second
 * "Mark done" would skip a quarter's review): it gets the record as it stands.
 */
function staleCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  action: StageAction,
  today: string,
  typed: Record<string, string>,
): AdaptiveCard | undefined {
  if (action.due !== undefined && action.stage !== undefined) {
    const current = stagesOf(record, pack).find((s) => s.number === action.stage);
    if (current?.due === action.due && !current.done) return undefined;
    return stagesCard(pack, record, today, {
      notice: {
        text: STAGE_NOTICES.reminderDealtWith(action.stage),
        style: 'good',
      },
    });
  }
  if (action.revision !== undefined && action.revision !== record.revision) {
    return stagesCard(pack, record, today, {
      values: typed,
      notice: {
        text: STAGE_NOTICES.staleCard,
        style: 'warning',
      },
    });
  }
  return undefined;
}

/** The stages card, saying the button pressed no longer matches the record. */
export function outOfDateStages(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
): AdaptiveCard {
  return stagesCard(pack, record, today, {
    notice: { text: STAGE_NOTICES.outOfDate, style: 'warning' },
  });
}

/** The record's stages as they stand now, read afresh. */
export async function currentStages(
  packOf: PackOf,
  records: RecordStore,
  actor: Actor,
  reference: string,
  today: string,
): Promise<DeskReply> {
  const found = await records.get(actor, reference);
  return found ? ok(stagesCard(packOf(found.record), found.record, today)) : RECORD_NOT_FOUND;
}

/** The inputs of one stage's form, on the stages card or a reminder. */
export const stageInputs = (stage: number | undefined): string[] =>
  stage === undefined ? [] : Object.values(stageInputIds(stage));

/**
 * "Mark done"'s fields, read as sent: a date left empty (which some clients leave out) or of
 * the wrong kind is told, never quietly taken for today; the card fills today's date in to
 * start with. Both the stages card and the reminder card have them.
 */
export function doneFields(
  stage: number | undefined,
  values: Record<string, unknown>,
): { on: unknown; note: unknown; inputFor: (path: string) => string } {
  const input = stageInputIds(stage ?? 0);
  const given = (key: string): unknown => {
    const value = values[key];
    return typeof value === 'string' ? value.trim() : value;
  };
  return {
    on: given(input.doneOn),
    note: given(input.note) ?? '',
    inputFor: (path) => (path === 'note' ? input.note : input.doneOn),
  };
}
