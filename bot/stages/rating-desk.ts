import {
  deliverySuggestion,
  ratingFieldError,
  ratingRefusalText,
  STAGE_NOTICES,
} from '../../cards/post-award-words.js';
import {
  RATING_INPUTS,
  type RowSuggestion,
  ratingCard,
  ratingResultCard,
} from '../../cards/rating-card.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { stagesCard } from '../../cards/stages-card.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok } from '../../core/common/result.js';
import { parseNumberText } from '../../core/flow/parse-values.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  canRate,
  deliveryLevel,
  type RatingRefusal,
  rateSupplier,
  ratingRefusal,
} from '../../core/record/index.js';
import { supplierTier } from '../../core/rules/index.js';
import type { Logger } from '../log.js';
import type { RecordStore, Versioned } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND } from '../wizard/wizard.js';
import { errorsOn, text, typedValues } from './form-values.js';
import { actBy, writeRecord } from './record-write.js';
import type { DeskReply, PackOf } from './stage-button.js';

/** The card input that holds each field of a rating, for its error. */
const ratingInputFor = (path: string): string =>
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
            : RATING_INPUTS.evidence;

/**
 * Rating the supplier against the pack's rubric, by the record's owner once a stage allows
 * it. A rating reads the record once and writes it once, conditionally on its ETag.
 */
export class RatingDesk {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.rateable(actor, reference);
    if ('reply' in found) return found.reply;
    const pack = this.packOf(found.record);
    return ok(ratingCard(pack, found.record, {}, this.suggestion(pack, found.record)));
  }

  /** "Rate the supplier" on the rating card. */
  async rate(actor: Actor, reference: string, values: Record<string, unknown>): Promise<DeskReply> {
    const found = await this.rateable(actor, reference);
    if ('reply' in found) return found.reply;
    const pack = this.packOf(found.record);
    const act = actBy(actor, this.clock());
    const rows = Object.fromEntries(
      pack.supplierStatus.rows.flatMap((row) => {
        const level = text(values[RATING_INPUTS.row(row.id)]);
        return level ? [[row.id, level]] : [];
      }),
    );
    const justification = text(values[RATING_INPUTS.justification]);
    const result = rateSupplier(
      found.record,
      pack,
      {
        stage: parseNumberText(values[RATING_INPUTS.stage]),
        supplier: text(values[RATING_INPUTS.supplier]) ?? '',
        rows,
        evidence: text(values[RATING_INPUTS.evidence]) ?? '',
        decision: text(values[RATING_INPUTS.decision]) ?? 'suggested',
        ...(justification === undefined ? {} : { justification }),
      },
      act,
    );
    const typed = typedValues(values, [
      RATING_INPUTS.stage,
      RATING_INPUTS.supplier,
      RATING_INPUTS.evidence,
      RATING_INPUTS.decision,
      RATING_INPUTS.justification,
      ...pack.supplierStatus.rows.map((row) => RATING_INPUTS.row(row.id)),
    ]);
    if (!result.ok) {
      // The tier the rubric suggests for the rows chosen, for the justification's error.
      const suggestion = supplierTier(pack, rows);
      const suggested = suggestion.ok ? suggestion.value.label : undefined;
      const errors = errorsOn(result.problems, ratingInputFor, values, (path, _reason, given) =>
        ratingFieldError(pack, path, given, suggested),
      );
      return ok(
        ratingCard(
          pack,
          found.record,
          { values: typed, errors },
          this.suggestion(pack, found.record),
        ),
      );
    }
    const saved = await writeRecord(this.records, found, result.value);
    if (saved === undefined) {
      return ok(
        ratingCard(pack, found.record, {
          values: typed,
          notice: {
            text: STAGE_NOTICES.ratingChangedMeanwhile,
            style: 'warning',
          },
        }),
      );
    }
    const rating = saved.ratings?.at(-1);
    this.logger.info('supplier.rated', {
      reference: saved.id,
      tier: rating?.tier,
      suggested: rating?.suggested,
    });
    return ok(rating ? ratingResultCard(pack, saved, rating) : stagesCard(pack, saved, act.today));
  }

  /** The record, if the actor may rate its supplier now; otherwise the answer saying why not. */
  private async rateable(
    actor: Actor,
    reference: string,
  ): Promise<Versioned | { reply: DeskReply }> {
    const found = await this.records.get(actor, reference);
    if (!found) return { reply: RECORD_NOT_FOUND };
    if (!canRate(found.record, actor)) return { reply: ok(this.onlyOwner(found.record)) };
    const refusal = ratingRefusal(found.record, this.packOf(found.record));
    if (refusal) return { reply: ok(this.cannotRate(found.record, refusal)) };
    return found;
  }

  /**
   * The level the delivery record suggests for the row the pack marks, with the count behind
   * it; none where the pack marks no row.
   */
  private suggestion(pack: PolicyPack, record: CommissioningRecord): RowSuggestion | undefined {
    const row = pack.supplierStatus.rows.find((r) => r.suggestedFrom === 'delivery');
    if (!row) return undefined;
    const level = deliveryLevel(record, pack, this.today());
    if (!level.ok) return { rowId: row.id, text: deliverySuggestion(undefined, '') };
    const tier = pack.supplierStatus.tiers.find((t) => t.id === level.value.level);
    return {
      rowId: row.id,
      level: level.value.level,
      text: deliverySuggestion(level.value, tier?.label ?? level.value.level),
    };
  }

  private onlyOwner(record: CommissioningRecord): AdaptiveCard {
    return stagesCard(this.packOf(record), record, this.today(), {
      notice: { text: STAGE_NOTICES.onlyOwnerRates, style: 'attention' },
    });
  }

  /** The stages card, saying why the supplier cannot be rated yet and what to do. */
  private cannotRate(record: CommissioningRecord, refusal: RatingRefusal): AdaptiveCard {
    return stagesCard(this.packOf(record), record, this.today(), {
      notice: { text: ratingRefusalText(refusal, record.id), style: 'attention' },
    });
  }

  private today(): string {
    return isoDateInLondon(this.clock());
  }
}
