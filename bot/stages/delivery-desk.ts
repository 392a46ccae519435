import type { RecordCardData } from '../../cards/actions.js';
import { DELIVERY_INPUTS, deliveryCard } from '../../cards/delivery-card.js';
import type { FormState } from '../../cards/form.js';
import {
  DELIVERY_NOTICES,
  type DeliveryErrorContext,
  deliveryFieldError,
  deliveryRefusalText,
} from '../../cards/post-award-words.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { stagesCard } from '../../cards/stages-card.js';
import { isoDateInLondon } from '../../core/common/dates.js';
import { ok, type Problem } from '../../core/common/result.js';
import { parseNumberText } from '../../core/flow/parse-values.js';
import type { Measure, PolicyPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  correctDelivery,
  notAwardedProblem,
  outcomeTargets,
  progress,
  recordDelivery,
} from '../../core/record/index.js';
import type { RecordStore, Versioned } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND } from '../wizard/wizard.js';
import { errorsOn, typedValues } from './form-values.js';
import { actBy, writeRecord } from './record-write.js';
import type { DeskReply, PackOf } from './stage-button.js';

/** A value as the card sent it: text trimmed, anything else as it came (core says what is wrong). */
const given = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);
const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
/** An optional field: left out when blank. */
const optional = (value: unknown): unknown => (isBlank(value) ? undefined : given(value));
/** An amount: a number typed as text is read as one; anything else goes to core as it came. */
const amountOf = (value: unknown): unknown =>
  isBlank(value) ? undefined : (parseNumberText(value) ?? value);

const measureInputs = (measureId: string): string[] => [
  DELIVERY_INPUTS.amount(measureId),
  DELIVERY_INPUTS.status(measureId),
  DELIVERY_INPUTS.note(measureId),
  DELIVERY_INPUTS.link(measureId),
];

/** The card input of each field of one outcome's entry. */
const entryInputFor =
  (measureId: string) =>
  (path: string): string => {
    if (path === 'from') return DELIVERY_INPUTS.from;
    if (path === 'to') return DELIVERY_INPUTS.to;
    if (path === 'status') return DELIVERY_INPUTS.status(measureId);
    if (path === 'note') return DELIVERY_INPUTS.note(measureId);
    if (path === 'link') return DELIVERY_INPUTS.link(measureId);
    return DELIVERY_INPUTS.amount(measureId);
  };

const correctionInputFor = (path: string): string => {
  if (path === 'amount') return DELIVERY_INPUTS.correctAmount;
  if (path === 'status') return DELIVERY_INPUTS.correctStatus;
  if (path === 'link') return DELIVERY_INPUTS.correctLink;
  if (path === 'corrects') return DELIVERY_INPUTS.corrects;
  return DELIVERY_INPUTS.correctNote;
};

/**
 * The delivery card: progress against each outcome, what was delivered in a period, and
 * corrections. Each change reads the record once and writes it once, conditionally on its
 * ETag; a period's entries for several outcomes are one write.
 */
export class DeliveryDesk {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
  ) {}

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    return ok(this.card(found.record, isoDateInLondon(this.clock())));
  }

  /** "Record delivery": one entry for each outcome filled in, for the period typed. */
  async record(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const opened = await this.open(actor, action, values, (pack, record) => [
      DELIVERY_INPUTS.from,
      DELIVERY_INPUTS.to,
      ...outcomeTargets(record, pack).flatMap((o) => measureInputs(o.measure.id)),
    ]);
    if ('reply' in opened) return opened.reply;
    const { found, pack, typed } = opened;
    const act = actBy(actor, this.clock());
    const from = given(values[DELIVERY_INPUTS.from]);
    const to = given(values[DELIVERY_INPUTS.to]);
    const outcomes = outcomeTargets(found.record, pack);
    const filled = outcomes.filter(({ measure }) =>
      measureInputs(measure.id).some((id) => !isBlank(values[id])),
    );
    const context = (measure?: Measure): DeliveryErrorContext => ({
      today: act.today,
      awardDate: found.record.contract?.awardDate ?? act.today,
      ...(typeof from === 'string' ? { from } : {}),
      ...(measure ? { measure } : {}),
    });
    const first = outcomes[0]?.measure;
    if (filled.length === 0 || !first) {
      const input = entryInputFor(first?.id ?? '')(
        first?.unit.kind === 'commitment' ? 'status' : 'amount',
      );
      return ok(
        this.card(found.record, act.today, {
          values: typed,
          errors: { [input]: deliveryFieldError('nothing', undefined, context(first)) },
        }),
      );
    }
    let current = found.record;
    const ids: string[] = [];
    let errors: Record<string, string> = {};
    for (const { measure } of filled) {
      const result = recordDelivery(
        current,
        pack,
        {
          measureId: measure.id,
          from,
          to,
          note: given(values[DELIVERY_INPUTS.note(measure.id)]) ?? '',
          link: optional(values[DELIVERY_INPUTS.link(measure.id)]),
          amount: amountOf(values[DELIVERY_INPUTS.amount(measure.id)]),
          status: optional(values[DELIVERY_INPUTS.status(measure.id)]),
        },
        act,
      );
      if (result.ok) {
        current = result.value;
        const entry = current.delivery?.at(-1);
        if (entry) ids.push(entry.id);
      } else {
        errors = {
          ...errors,
          ...this.errors(result.problems, entryInputFor(measure.id), values, context(measure)),
        };
      }
    }
    if (Object.keys(errors).length > 0) {
      return ok(this.card(found.record, act.today, { values: typed, errors }));
    }
    return this.save(found, current, typed, DELIVERY_NOTICES.recorded(ids), act.today);
  }

  /** "Save the correction": a new entry naming the one it corrects, which stays. */
  async correct(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const opened = await this.open(actor, action, values, () => [
      DELIVERY_INPUTS.corrects,
      DELIVERY_INPUTS.correctAmount,
      DELIVERY_INPUTS.correctStatus,
      DELIVERY_INPUTS.correctNote,
      DELIVERY_INPUTS.correctLink,
    ]);
    if ('reply' in opened) return opened.reply;
    const { found, pack, typed } = opened;
    const act = actBy(actor, this.clock());
    const corrects = given(values[DELIVERY_INPUTS.corrects]);
    const result = correctDelivery(
      found.record,
      pack,
      {
        corrects: corrects ?? '',
        note: given(values[DELIVERY_INPUTS.correctNote]) ?? '',
        link: optional(values[DELIVERY_INPUTS.correctLink]),
        amount: amountOf(values[DELIVERY_INPUTS.correctAmount]),
        status: optional(values[DELIVERY_INPUTS.correctStatus]),
      },
      act,
    );
    if (!result.ok) {
      const named = (found.record.delivery ?? []).find(
        (e) => typeof corrects === 'string' && e.id === corrects.toUpperCase(),
      );
      const measure = pack.framework.measures.find((m) => m.id === named?.measureId);
      const context: DeliveryErrorContext = {
        today: act.today,
        awardDate: found.record.contract?.awardDate ?? act.today,
        ...(measure ? { measure } : {}),
        ...(named?.supersededBy ? { correctedBy: named.supersededBy } : {}),
      };
      const errors = this.errors(result.problems, correctionInputFor, values, context);
      return ok(this.card(found.record, act.today, { values: typed, errors }));
    }
    const entry = result.value.delivery?.at(-1);
    const notice = DELIVERY_NOTICES.corrected(entry?.corrects ?? '', entry?.id ?? '');
    return this.save(found, result.value, typed, notice, act.today);
  }

  /**
   * The record a button is for, if the actor may see it, it is awarded, and the card pressed
   * shows it as it stands; otherwise the card to answer with instead.
   */
  private async open(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
    inputs: (pack: PolicyPack, record: CommissioningRecord) => string[],
  ): Promise<
    { found: Versioned; pack: PolicyPack; typed: Record<string, string> } | { reply: DeskReply }
  > {
    const found = await this.records.get(actor, action.reference);
    if (!found) return { reply: RECORD_NOT_FOUND };
    const pack = this.packOf(found.record);
    const today = isoDateInLondon(this.clock());
    if (notAwardedProblem(found.record)) return { reply: ok(this.card(found.record, today)) };
    const typed = typedValues(values, inputs(pack, found.record));
    // A button pressed twice, or on a card older than the record, must not record twice.
    if (action.revision !== undefined && action.revision !== found.record.revision) {
      return {
        reply: ok(
          this.card(found.record, today, {
            values: typed,
            notice: { text: DELIVERY_NOTICES.staleCard, style: 'warning' },
          }),
        ),
      };
    }
    return { found, pack, typed };
  }

  private errors(
    problems: Problem[],
    inputFor: (path: string) => string,
    values: Record<string, unknown>,
    context: DeliveryErrorContext,
  ): Record<string, string> {
    return errorsOn(problems, inputFor, values, (path, _reason, typed) =>
      deliveryFieldError(path, typed, context),
    );
  }

  private async save(
    found: Versioned,
    changed: CommissioningRecord,
    typed: Record<string, string>,
    done: string,
    today: string,
  ): Promise<DeskReply> {
    const saved = await writeRecord(this.records, found, changed);
    if (saved === undefined) {
      return ok(
        this.card(found.record, today, {
          values: typed,
          notice: { text: DELIVERY_NOTICES.changedMeanwhile, style: 'warning' },
        }),
      );
    }
    return ok(this.card(saved, today, { notice: { text: done, style: 'good' } }));
  }

  /** The delivery card; for a record not awarded, the stages card saying what to do first. */
  private card(record: CommissioningRecord, today: string, state: FormState = {}): AdaptiveCard {
    const pack = this.packOf(record);
    const found = notAwardedProblem(record) ? undefined : progress(record, pack, today);
    if (!found?.ok) {
      return stagesCard(pack, record, today, {
        notice: { text: deliveryRefusalText(record.status, record.id), style: 'attention' },
      });
    }
    return deliveryCard(pack, record, found.value, state);
  }
}
