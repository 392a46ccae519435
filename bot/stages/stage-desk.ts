import { RATING_INPUTS, ratingCard, ratingResultCard } from '../../cards/rating-card.js';
import { reminderCard } from '../../cards/reminder-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import {
  CONTRACT_INPUTS,
  fieldMessage,
  STAGE_VERBS,
  stageInputIds,
} from '../../cards/stage-inputs.js';
import { stagesCard } from '../../cards/stages-card.js';
import { addDays, formatDate, isoDateInLondon } from '../../core/common/dates.js';
import type { Problem, Result } from '../../core/common/result.js';
import { echoed, TEXT_LIMITS } from '../../core/flow/limits.js';
import { parseNumberText } from '../../core/flow/parse-values.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type Act,
  type CommissioningRecord,
  canRate,
  markStageDone,
  rateSupplier,
  SNOOZE_DAYS,
  setContractTerms,
  setStageDue,
  snoozeStage,
  stagesOf,
} from '../../core/record/index.js';
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
const typedValues = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, echoed(value, TEXT_LIMITS.long)]] : [],
    ),
  );

/** Problems from core, keyed by the card input that holds each field, in plain words. */
function errorsOn(problems: Problem[], inputFor: (path: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    errors[inputFor(problem.path)] ??= fieldMessage(problem.path, problem.message);
  }
  return errors;
}

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
    const typed = typedValues(values);
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
          typed,
          (path) =>
            path === 'months'
              ? CONTRACT_INPUTS.months
              : path === 'supplier'
                ? CONTRACT_INPUTS.supplier
                : CONTRACT_INPUTS.awardDate,
          'The award is saved and the review stages have their due dates.',
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
          typed,
          () => input.due,
          `Stage ${stage} is due on the date you set.`,
        );
      }
      case STAGE_VERBS.done: {
        const input = stageInputIds(stage ?? 0);
        const note = text(values[input.note]) ?? '';
        const on = text(values[input.doneOn]) ?? act.today;
        const result = markStageDone(found.record, this.pack, { stage, on, note }, act);
        const fromReminder = action.due !== undefined;
        if (fromReminder && result.ok) {
          const saved = await this.write(found, result.value);
          if (saved === undefined) return this.show(actor, action.reference);
          return reminderCard(
            this.pack,
            saved,
            { stage: stage ?? 0, due: action.due ?? '' },
            act.today,
            `Stage ${stage} is marked done on ${formatDate(on)}.`,
          );
        }
        return this.save(
          found,
          result,
          act,
          typed,
          (path) => (path === 'note' ? input.note : input.doneOn),
          `Stage ${stage} is marked done.`,
        );
      }
      case STAGE_VERBS.snooze: {
        const until = addDays(act.today, SNOOZE_DAYS);
        const result = snoozeStage(found.record, this.pack, { stage, until }, act);
        if (!result.ok)
          return stagesCard(this.pack, found.record, act.today, {
            errors: errorsOn(result.problems, () => 'stage'),
          });
        const saved = await this.write(found, result.value);
        if (saved === undefined) return this.show(actor, action.reference);
        return reminderCard(
          this.pack,
          saved,
          { stage: stage ?? 0, due: action.due ?? until },
          act.today,
          `Snoozed: I will remind you again on ${formatDate(until)}.`,
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
    const typed = typedValues(values);
    if (!result.ok) {
      const errors = errorsOn(result.problems, (path) =>
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
      );
      return ratingCard(this.pack, found.record, { values: typed, errors });
    }
    const saved = await this.write(found, result.value);
    if (saved === undefined) {
      return ratingCard(this.pack, found.record, {
        values: typed,
        notice: {
          text: 'Someone changed this record meanwhile; your rating is below as you gave it: submit it again.',
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
    typed: Record<string, string>,
    inputFor: (path: string) => string,
    done: string,
  ): Promise<DeskReply> {
    if (!result.ok) {
      return stagesCard(this.pack, found.record, act.today, {
        values: typed,
        errors: errorsOn(result.problems, inputFor),
      });
    }
    const saved = await this.write(found, result.value);
    if (saved === undefined) {
      return stagesCard(this.pack, found.record, act.today, {
        values: typed,
        notice: {
          text: 'Someone changed this record meanwhile. Your entries are below: check and save again.',
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
          text: `That reminder is already dealt with: stage ${action.stage} has moved on. Here is where the stages stand.`,
          style: 'good',
        },
      });
    }
    if (action.revision !== undefined && action.revision !== record.revision) {
      return stagesCard(this.pack, record, today, {
        values: typed,
        notice: {
          text: 'This record changed after the card was shown. Here it is as it stands, with what you typed: check and save again.',
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
      notice: {
        text: 'Only the record’s owner or a procurement lead can rate its supplier.',
        style: 'attention',
      },
    });
  }
}
