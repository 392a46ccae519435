import {
  ratingFieldError,
  ratingRefusalText,
  STAGE_NOTICES,
  stageFieldError,
} from '../../cards/post-award-words.js';
import { RATING_INPUTS, ratingCard, ratingResultCard } from '../../cards/rating-card.js';
import { reminderCard } from '../../cards/reminder-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { CONTRACT_INPUTS, STAGE_VERBS, stageInputIds } from '../../cards/stage-inputs.js';
import { stagesCard } from '../../cards/stages-card.js';
import { addDays, isoDateInLondon } from '../../core/common/dates.js';
import type { Problem, Result } from '../../core/common/result.js';
import { echoed, TEXT_LIMITS } from '../../core/flow/limits.js';
import { parseNumberText } from '../../core/flow/parse-values.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type Act,
  type CommissioningRecord,
  canRate,
  markStageDone,
  type RatingRefusal,
  rateSupplier,
  ratingRefusal,
  SNOOZE_DAYS,
  setContractTerms,
  setStageDue,
  snoozeStage,
  stagesOf,
} from '../../core/record/index.js';
import { supplierTier } from '../../core/rules/index.js';
import type { Logger } from '../log.js';
import { type RecordStore, StaleRecordError } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND, type WizardReply } from '../wizard/wizard.js';

/** A card, or the record is not one the actor may see: the same answer as the wizard's. */
export type DeskReply = WizardReply;

export interface StageAction {
  verb: string;
  reference: string;
  stage?: number;
  /** From a reminder: the due date it was sent for. */
  due?: string;
  /** From the stages card: the record revision it showed. */
  revision?: number;
}

const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * What the person typed, to show again on a refused card: each text cut where it runs far
 * past the longest limit, so that the card still fits in a Teams message.
 */
const typedValues = (
  values: Record<string, unknown>,
  /** The fields of the form pressed: one a client left out was empty, and is shown empty. */
  submitted: readonly string[] = [],
): Record<string, string> => ({
  ...Object.fromEntries(submitted.map((id) => [id, ''])),
  ...Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, echoed(value, TEXT_LIMITS.long)]] : [],
    ),
  ),
});

/**
 * Problems from core, keyed by the card input that holds each field, each in the card's own
 * words (`word` gets the field, core's reason and what was typed there). Every problem is
 * kept: a card shows all of its errors at once.
 */
function errorsOn(
  problems: Problem[],
  inputFor: (path: string) => string,
  values: Record<string, unknown>,
  word: (path: string, reason: string, typed: string | undefined) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const input = inputFor(problem.path);
    const typed = values[input];
    errors[input] ??= word(
      problem.path,
      problem.message,
      typeof typed === 'string' ? typed : undefined,
    );
  }
  return errors;
}

/** The card input of each field of the award. */
const CONTRACT_INPUT_OF: Record<string, string> = {
  awardDate: CONTRACT_INPUTS.awardDate,
  months: CONTRACT_INPUTS.months,
  supplier: CONTRACT_INPUTS.supplier,
};

/**
 * After award: the record's stages, reminders' buttons and supplier ratings. Each change
 * reads the record once and writes it once, conditionally on the ETag it read.
 */
export class StageDesk {
  constructor(
    private readonly pack: PolicyPack,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  private act(actor: Actor): Act {
    const now = this.clock();
    return { by: actor.person, at: now.toISOString(), today: isoDateInLondon(now) };
  }

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    return found ? stagesCard(this.pack, found.record, this.act(actor).today) : RECORD_NOT_FOUND;
  }

  async showRating(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    if (!canRate(found.record, actor)) return this.onlyOwner(found.record);
    const refusal = ratingRefusal(found.record, this.pack);
    if (refusal) return this.cannotRate(found.record, refusal);
    return ratingCard(this.pack, found.record);
  }

  /** A button on the stages card or a reminder card. */
  async handle(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const found = await this.records.get(actor, action.reference);
    if (!found) return RECORD_NOT_FOUND;
    const act = this.act(actor);
    const stage = action.stage;
    const typed = typedValues(
      values,
      action.verb === STAGE_VERBS.setContract
        ? Object.values(CONTRACT_INPUTS)
        : stage === undefined
          ? []
          : Object.values(stageInputIds(stage)),
    );
    const guard = this.staleGuard(found.record, action, act.today, typed);
    if (guard) return guard;
    switch (action.verb) {
      case STAGE_VERBS.setContract: {
        const months = parseNumberText(values[CONTRACT_INPUTS.months]);
        const supplier = text(values[CONTRACT_INPUTS.supplier]);
        const result = setContractTerms(
          found.record,
          this.pack,
          {
            awardDate: text(values[CONTRACT_INPUTS.awardDate]),
            months,
            ...(supplier ? { supplier } : {}),
          },
          act,
        );
        return this.save(
          found,
          result,
          act,
          values,
          typed,
          (path) => CONTRACT_INPUT_OF[path] ?? CONTRACT_INPUTS.awardDate,
          STAGE_NOTICES.awardSaved,
        );
      }
      case STAGE_VERBS.setDue: {
        const input = stageInputIds(stage ?? 0);
        const result = setStageDue(
          found.record,
          this.pack,
          { stage, due: text(values[input.due]) },
          act,
        );
        return this.save(
          found,
          result,
          act,
          values,
          typed,
          () => input.due,
          result.ok ? STAGE_NOTICES.dueSet(stage ?? 0, text(values[input.due]) ?? '') : '',
          stage,
        );
      }
      case STAGE_VERBS.done: {
        const input = stageInputIds(stage ?? 0);
        // Read as sent: a date left empty (which some clients leave out) or of the wrong kind is
        // told, never quietly taken for today; the card fills today's date in to start with.
        const given = (key: string): unknown => {
          const value = values[key];
          return typeof value === 'string' ? value.trim() : value;
        };
        const note = given(input.note) ?? '';
        const on = given(input.doneOn);
        const result = markStageDone(found.record, this.pack, { stage, on, note }, act);
        const inputFor = (path: string) => (path === 'note' ? input.note : input.doneOn);
        if (action.due !== undefined) {
          const owed = { stage: stage ?? 0, due: action.due };
          // From a reminder: its errors beside its own fields, with what was typed.
          if (!result.ok) {
            return reminderCard(this.pack, found.record, owed, act.today, undefined, {
              values: typed,
              errors: errorsOn(result.problems, inputFor, values, (path, reason, given) =>
                stageFieldError(path, reason, given, { stage: owed.stage, today: act.today }),
              ),
            });
          }
          const saved = await this.write(found, result.value);
          if (saved === undefined) return this.show(actor, action.reference);
          return reminderCard(
            this.pack,
            saved,
            owed,
            act.today,
            STAGE_NOTICES.doneOn(owed.stage, typeof on === 'string' ? on : act.today),
          );
        }
        return this.save(
          found,
          result,
          act,
          values,
          typed,
          inputFor,
          STAGE_NOTICES.done(stage ?? 0),
          stage,
        );
      }
      case STAGE_VERBS.snooze: {
        const until = addDays(act.today, SNOOZE_DAYS);
        const result = snoozeStage(found.record, this.pack, { stage, until }, act);
        if (!result.ok) return this.outOfDate(found.record, act.today);
        const saved = await this.write(found, result.value);
        if (saved === undefined) return this.show(actor, action.reference);
        return reminderCard(
          this.pack,
          saved,
          { stage: stage ?? 0, due: action.due ?? until },
          act.today,
          STAGE_NOTICES.snoozed(until),
        );
      }
      default:
        return stagesCard(this.pack, found.record, act.today);
    }
  }

  async rate(actor: Actor, reference: string, values: Record<string, unknown>): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    if (!canRate(found.record, actor)) return this.onlyOwner(found.record);
    const refusal = ratingRefusal(found.record, this.pack);
    if (refusal) return this.cannotRate(found.record, refusal);
    const act = this.act(actor);
    const rows = Object.fromEntries(
      this.pack.supplierStatus.rows.flatMap((row) => {
        const level = text(values[RATING_INPUTS.row(row.id)]);
        return level ? [[row.id, level]] : [];
      }),
    );
    const result = rateSupplier(
      found.record,
      this.pack,
      {
        stage: parseNumberText(values[RATING_INPUTS.stage]),
        supplier: text(values[RATING_INPUTS.supplier]) ?? '',
        rows,
        evidence: text(values[RATING_INPUTS.evidence]) ?? '',
        decision: text(values[RATING_INPUTS.decision]) ?? 'suggested',
        ...(text(values[RATING_INPUTS.justification]) === undefined
          ? {}
          : { justification: text(values[RATING_INPUTS.justification]) }),
      },
      act,
    );
    const typed = typedValues(values, [
      RATING_INPUTS.stage,
      RATING_INPUTS.supplier,
      RATING_INPUTS.evidence,
      RATING_INPUTS.decision,
      RATING_INPUTS.justification,
      ...this.pack.supplierStatus.rows.map((row) => RATING_INPUTS.row(row.id)),
    ]);
    if (!result.ok) {
      // The tier the rubric suggests for the rows chosen, for the justification's error.
      const suggestion = supplierTier(this.pack, rows);
      const suggested = suggestion.ok ? suggestion.value.label : undefined;
      const errors = errorsOn(
        result.problems,
        (path) =>
          path.startsWith('rows.')
            ? RATING_INPUTS.row(path.slice(5))
            : path === 'stage'
              ? RATING_INPUTS.stage
              : path === 'supplier'
                ? RATING_INPUTS.supplier
                : path === 'decision'
                  ? RATING_INPUTS.decision
                  : path === 'justification'
                    ? RATING_INPUTS.justification
                    : RATING_INPUTS.evidence,
        values,
        (path, _reason, given) => ratingFieldError(this.pack, path, given, suggested),
      );
      return ratingCard(this.pack, found.record, { values: typed, errors });
    }
    const saved = await this.write(found, result.value);
    if (saved === undefined) {
      return ratingCard(this.pack, found.record, {
        values: typed,
        notice: {
          text: STAGE_NOTICES.ratingChangedMeanwhile,
          style: 'warning',
        },
      });
    }
    const rating = saved.ratings?.at(-1);
    this.logger.info('supplier.rated', {
      reference: saved.id,
      tier: rating?.tier,
      suggested: rating?.suggested,
    });
    return rating
      ? ratingResultCard(this.pack, saved, rating)
      : stagesCard(this.pack, saved, act.today);
  }

  private async save(
    found: { record: CommissioningRecord; etag: string },
    result: Result<CommissioningRecord>,
    act: Act,
    values: Record<string, unknown>,
    typed: Record<string, string>,
    inputFor: (path: string) => string,
    done: string,
    stage?: number,
  ): Promise<DeskReply> {
    if (!result.ok) {
      // A stage the card never offers (an old or forged button) has no fields to show errors by.
      if (result.problems.some((problem) => problem.path === 'stage')) {
        return this.outOfDate(found.record, act.today);
      }
      return stagesCard(this.pack, found.record, act.today, {
        values: typed,
        errors: errorsOn(result.problems, inputFor, values, (path, reason, given) =>
          stageFieldError(path, reason, given, {
            ...(stage === undefined ? {} : { stage }),
            today: act.today,
          }),
        ),
      });
    }
    const saved = await this.write(found, result.value);
    if (saved === undefined) {
      return stagesCard(this.pack, found.record, act.today, {
        values: typed,
        notice: {
          text: STAGE_NOTICES.changedMeanwhile,
          style: 'warning',
        },
      });
    }
    return stagesCard(this.pack, saved, act.today, { notice: { text: done, style: 'good' } });
  }

  /**
   * A button pressed twice, or on a card older than the record, must not act twice (a second
   * "Mark done" would skip a quarter's review): it gets the record as it stands.
   */
  private staleGuard(
    record: CommissioningRecord,
    action: StageAction,
    today: string,
    typed: Record<string, string>,
  ): AdaptiveCard | undefined {
    if (action.due !== undefined && action.stage !== undefined) {
      const current = stagesOf(record, this.pack).find((s) => s.number === action.stage);
      if (current?.due === action.due && !current.done) return undefined;
      return stagesCard(this.pack, record, today, {
        notice: {
          text: STAGE_NOTICES.reminderDealtWith(action.stage),
          style: 'good',
        },
      });
    }
    if (action.revision !== undefined && action.revision !== record.revision) {
      return stagesCard(this.pack, record, today, {
        values: typed,
        notice: {
          text: STAGE_NOTICES.staleCard,
          style: 'warning',
        },
      });
    }
    return undefined;
  }

  /** One conditional write; undefined when the record changed since it was read. */
  private async write(
    found: { etag: string },
    record: CommissioningRecord,
  ): Promise<CommissioningRecord | undefined> {
    try {
      await this.records.replace(record, found.etag);
      return record;
    } catch (error) {
      if (error instanceof StaleRecordError) return undefined;
      throw error;
    }
  }

  private onlyOwner(record: CommissioningRecord): AdaptiveCard {
    return stagesCard(this.pack, record, isoDateInLondon(this.clock()), {
      notice: { text: STAGE_NOTICES.onlyOwnerRates, style: 'attention' },
    });
  }

  /** The stages card, saying why the supplier cannot be rated yet and what to do. */
  private cannotRate(record: CommissioningRecord, refusal: RatingRefusal): AdaptiveCard {
    return stagesCard(this.pack, record, isoDateInLondon(this.clock()), {
      notice: { text: ratingRefusalText(refusal, record.id), style: 'attention' },
    });
  }

  private outOfDate(record: CommissioningRecord, today: string): AdaptiveCard {
    return stagesCard(this.pack, record, today, {
      notice: { text: STAGE_NOTICES.outOfDate, style: 'warning' },
    });
  }
}
