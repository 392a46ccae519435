import type { FormState } from '../../cards/form.js';
import { messageCard } from '../../cards/info-cards.js';
import { contractDetailsNoticeCard, kpiFormCard, kpiFormQuestions } from '../../cards/kpi-card.js';
import { STAGE_NOTICES } from '../../cards/post-award-words.js';
import { ok } from '../../core/common/result.js';
import {
  kpiCardValues,
  kpisFromAnswers,
  type RawValues,
  readKpiForm,
  withOutcomeKpis,
} from '../../core/flow/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type CommissioningRecord,
  contractDetailsNotice,
  outcomeTargets,
  recordKpiDuty,
  setKpis,
  suggestedKpis,
} from '../../core/record/index.js';
import type { RecordStore } from '../store/records.js';
import type { Actor } from '../wizard/wizard.js';
import { RECORD_NOT_FOUND } from '../wizard/wizard.js';
import { typedValues } from './form-values.js';
import { writeRecord } from './record-write.js';
import { type DeskReply, type PackOf, pressButton, type StageAction } from './stage-button.js';

/** Why the KPI form cannot be shown yet, in plain words. */
const notYet = (record: CommissioningRecord) =>
  messageCard(
    'Key performance indicators',
    record.status === 'discarded'
      ? `${record.id} was discarded: it has no KPIs.`
      : `Finish the pre-commissioning questions of ${record.id} first (type **open ${record.id}**); its KPIs are set here after that.`,
  );

/**
 * The KPIs after award (or before, once the wizard is finished): the form to set or change
 * them, and the contract details notice they go into. Each save reads the record once and
 * writes it once, conditionally on its ETag.
 */
export class KpiDesk {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
  ) {}

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    const { record } = found;
    const pack = this.packOf(record);
    const set = record.kpis;
    return ok(
      this.form(pack, record, set ? { values: kpiCardValues(set.kpis, set.notAppropriate) } : {}),
    );
  }

  /** "Save the KPIs": read as the wizard's step reads them, kept through setKpis. */
  async save(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values);
    if ('reply' in pressed) return pressed.reply;
    const { found, pack, act, typed } = pressed;
    const { record } = found;
    const duty = recordKpiDuty(record, pack);
    if (!duty || record.status !== 'complete') return ok(notYet(record));
    const read = readKpiForm(pack, record.draft.answers, values as RawValues, duty);
    if (Object.keys(read.errors).length > 0) {
      // The after-award cards end each error with a full stop; the step's words may not.
      const errors = Object.fromEntries(
        Object.entries(read.errors).map(([id, text]) => [
          id,
          /[.?!]$/.test(text) ? text : `${text}.`,
        ]),
      );
      return ok(this.form(pack, record, { values: typed, errors }));
    }
    const { kpis, notAppropriate } = kpisFromAnswers(pack, read.answers);
    const result = setKpis(
      record,
      pack,
      duty,
      { kpis: kpis.map((k) => k.kpi), ...(notAppropriate ? { notAppropriate } : {}) },
      act,
    );
    if (!result.ok) {
      // The form's own reading refuses the same; the words of setKpis are plain too.
      const message = result.problems.map((p) => p.message).join(' ');
      return ok(
        this.form(pack, record, { values: typed, notice: { text: message, style: 'attention' } }),
      );
    }
    const saved = await writeRecord(this.records, found, result.value);
    if (!saved) {
      const fresh = await this.records.get(actor, record.id);
      if (!fresh) return RECORD_NOT_FOUND;
      return ok(
        this.form(this.packOf(fresh.record), fresh.record, {
          values: typed,
          notice: { text: STAGE_NOTICES.changedMeanwhile, style: 'warning' },
        }),
      );
    }
    return ok(
      this.form(pack, saved, {
        values: kpiCardValues(saved.kpis?.kpis ?? [], saved.kpis?.notAppropriate),
        notice: { text: `The KPIs of ${saved.id} are saved.`, style: 'good' },
      }),
    );
  }

  /** Fills the empty slots with the record's social value outcomes; nothing is saved. */
  async fill(
    actor: Actor,
    action: StageAction,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const found = await this.records.get(actor, action.reference);
    if (!found) return RECORD_NOT_FOUND;
    const { record } = found;
    const pack = this.packOf(record);
    const duty = recordKpiDuty(record, pack)?.duty ?? 'optional';
    const typed = typedValues(
      values,
      kpiFormQuestions(pack, record, duty).map((q) => q.id),
    );
    return ok(
      this.form(pack, record, {
        values: withOutcomeKpis(pack, typed, suggestedKpis(record, pack)),
      }),
    );
  }

  /** The contract details notice (UK7): the KPIs to paste, as text and as JSON. */
  async notice(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    const { record } = found;
    const pack = this.packOf(record);
    const data = contractDetailsNotice(record, pack);
    if (!data.ok) {
      return ok(
        this.form(pack, record, {
          notice: {
            text: 'Set the contract’s KPIs first: the notice lists them.',
            style: 'warning',
          },
        }),
      );
    }
    return ok(contractDetailsNoticeCard(data.value));
  }

  private form(pack: PolicyPack, record: CommissioningRecord, state: FormState) {
    const duty = recordKpiDuty(record, pack);
    if (!duty || record.status !== 'complete') return notYet(record);
    return kpiFormCard({
      pack,
      record,
      duty,
      hasOutcomes: outcomeTargets(record, pack).length > 0,
      state,
    });
  }

  private press(actor: Actor, action: StageAction, values: Record<string, unknown>) {
    const { packOf, records } = this;
    return pressButton({
      packOf,
      records,
      now: this.clock(),
      actor,
      action,
      values,
      inputs: [],
    });
  }
}
