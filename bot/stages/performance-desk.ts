import type { RecordCardData } from '../../cards/actions.js';
import type { Notice } from '../../cards/form.js';
import {
  assessmentInputs,
  PERFORMANCE_INPUTS,
  performanceCard,
} from '../../cards/performance-card.js';
import { performanceNoticeCard } from '../../cards/performance-notice-card.js';
import {
  assessmentFieldError,
  eventFieldError,
  PERFORMANCE_NOTICES,
  terminationError,
} from '../../cards/performance-words.js';
import { addDays } from '../../core/common/dates.js';
import { ok, type Result } from '../../core/common/result.js';
import type { PolicyPack } from '../../core/policy/index.js';
import {
  type Act,
  assessPerformance,
  type CommissioningRecord,
  canAssess,
  type DueAssessment,
  dueAssessments,
  nextAssessmentDue,
  performanceNotice,
  recordPerformanceEvent,
  recordTermination,
} from '../../core/record/index.js';
import type { Logger } from '../log.js';
import type { RecordStore, Versioned } from '../store/records.js';
import { type Actor, RECORD_NOT_FOUND } from '../wizard/wizard.js';
import { errorsOn, text, typedValues } from './form-values.js';
import { actBy, writeRecord } from './record-write.js';
import type { DeskReply, PackOf } from './stage-button.js';

/** A change on the assessment card: the record read once, who acts, what was typed. */
interface Pressed {
  found: Versioned;
  pack: PolicyPack;
  act: Act;
  typed: Record<string, string>;
}

/**
 * Performance assessments after award (PA 2023 s.71, as the pack cites it): the card, an
 * assessment saved, a termination or a breach recorded, and each assessment's notice. Anyone
 * who may see the record sees them; its owner or a procurement lead changes them. Each change
 * reads the record once and writes it once, conditionally on its ETag.
 */
export class PerformanceDesk {
  constructor(
    private readonly packOf: PackOf,
    private readonly records: RecordStore,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  /** The next assessment of each record due by `until`, by the record's own pack. */
  dueBy(records: readonly CommissioningRecord[], until: string): DueAssessment[] {
    return dueAssessments(records, this.packOf, until);
  }

  async show(actor: Actor, reference: string): Promise<DeskReply> {
    const found = await this.records.get(actor, reference);
    if (!found) return RECORD_NOT_FOUND;
    return ok(this.card(found.record, actBy(actor, this.clock()).today));
  }

  /** "Save the assessment": a rating and a note for each KPI and overall. */
  async assess(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values, (record) => assessmentInputs(record));
    if (!('found' in pressed)) return pressed.reply;
    const { found, pack, act } = pressed;
    const kpis = found.record.kpis?.kpis ?? [];
    const result = assessPerformance(
      found.record,
      pack,
      {
        kpis: kpis.map((kpi) => ({
          kpiId: kpi.id,
          rating: text(values[PERFORMANCE_INPUTS.rating(kpi.id)]),
          note: text(values[PERFORMANCE_INPUTS.note(kpi.id)]) ?? '',
        })),
        overall: {
          rating: text(values[PERFORMANCE_INPUTS.overallRating]),
          note: text(values[PERFORMANCE_INPUTS.overallNote]) ?? '',
        },
      },
      act,
    );
    // A problem on a field reads: "kpis.0.rating", "kpis.K1" (unrated), "overall.note".
    const kpiAt = (path: string) => {
      const [, key] = path.split('.');
      return kpis.find((k) => k.id === key) ?? kpis[Number(key)];
    };
    const inputFor = (path: string): string => {
      const note = path.endsWith('.note');
      if (path.startsWith('overall')) {
        return note ? PERFORMANCE_INPUTS.overallNote : PERFORMANCE_INPUTS.overallRating;
      }
      const kpi = kpiAt(path);
      if (!kpi) return PERFORMANCE_INPUTS.overallRating;
      return note ? PERFORMANCE_INPUTS.note(kpi.id) : PERFORMANCE_INPUTS.rating(kpi.id);
    };
    return this.save(pressed, result, {
      inputFor,
      word: (path, typed) =>
        assessmentFieldError(
          pack,
          path.endsWith('.note') ? 'note' : 'rating',
          path.startsWith('overall') ? undefined : kpiAt(path)?.name,
          typed,
        ),
      saved: (record) => {
        const made = record.performance?.assessments.at(-1);
        this.logger.info('performance.assessed', {
          reference: record.id,
          assessment: made?.id,
          overall: made?.overall.rating,
        });
        return made
          ? PERFORMANCE_NOTICES.assessed(
              made.id,
              made.period.from,
              made.period.to,
              pack.procurementAct.notices.performance.id,
            )
          : '';
      },
    });
  }

  /** "Record the termination": the contract ended early, on a day. */
  async terminate(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const pressed = await this.press(actor, action, values, () => [
      PERFORMANCE_INPUTS.terminatedOn,
    ]);
    if (!('found' in pressed)) return pressed.reply;
    const { found, pack, act } = pressed;
    const on = text(values[PERFORMANCE_INPUTS.terminatedOn]);
    const result = recordTermination(found.record, pack, { on }, act);
    return this.save(pressed, result, {
      inputFor: () => PERFORMANCE_INPUTS.terminatedOn,
      word: (_path, typed) => terminationError(found.record, typed, act.today),
      saved: (record) => PERFORMANCE_NOTICES.terminated(record.performance?.termination?.on ?? ''),
    });
  }

  /** "Record it": a breach or a failure to improve, with its day and a note. */
  async recordEvent(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
  ): Promise<DeskReply> {
    const inputs = [
      PERFORMANCE_INPUTS.eventKind,
      PERFORMANCE_INPUTS.eventOn,
      PERFORMANCE_INPUTS.eventNote,
    ];
    const pressed = await this.press(actor, action, values, () => inputs);
    if (!('found' in pressed)) return pressed.reply;
    const { found, pack, act } = pressed;
    const result = recordPerformanceEvent(
      found.record,
      pack,
      {
        kind: text(values[PERFORMANCE_INPUTS.eventKind]),
        on: text(values[PERFORMANCE_INPUTS.eventOn]),
        note: text(values[PERFORMANCE_INPUTS.eventNote]) ?? '',
      },
      act,
    );
    const inputOf: Record<string, string> = {
      kind: PERFORMANCE_INPUTS.eventKind,
      on: PERFORMANCE_INPUTS.eventOn,
      note: PERFORMANCE_INPUTS.eventNote,
    };
    return this.save(pressed, result, {
      inputFor: (path) => inputOf[path] ?? PERFORMANCE_INPUTS.eventNote,
      word: (path, typed) =>
        eventFieldError(pack, found.record, inputOf[path] ? path : 'note', typed, act.today),
      refused: () => PERFORMANCE_NOTICES.eventsFull,
      saved: (record) => {
        const event = record.performance?.events.at(-1);
        const label =
          pack.procurementAct.assessments.events.find((e) => e.id === event?.kind)?.label ?? '';
        return PERFORMANCE_NOTICES.eventRecorded(label, event?.on ?? '');
      },
    });
  }

  /** An assessment's notice button: the contract performance notice, as text and as JSON. */
  async notice(actor: Actor, action: RecordCardData): Promise<DeskReply> {
    const found = await this.records.get(actor, action.reference);
    if (!found) return RECORD_NOT_FOUND;
    const pack = this.packOf(found.record);
    const notice = action.assessment
      ? performanceNotice(found.record, pack, action.assessment)
      : undefined;
    if (!notice?.ok) {
      return ok(
        this.card(found.record, actBy(actor, this.clock()).today, {
          notice: { text: PERFORMANCE_NOTICES.noNotice, style: 'warning' },
        }),
      );
    }
    return ok(performanceNoticeCard(pack, found.record, notice.value));
  }

  private card(
    record: CommissioningRecord,
    today: string,
    state: Parameters<typeof performanceCard>[3] = {},
  ) {
    return performanceCard(this.packOf(record), record, today, state);
  }

  /**
   * Reads the record a button is for, once; answers instead when it must not act: not the
   * actor's to see or change, or the card older than the record.
   */
  private async press(
    actor: Actor,
    action: RecordCardData,
    values: Record<string, unknown>,
    inputsOf: (record: CommissioningRecord) => string[],
  ): Promise<Pressed | { reply: DeskReply }> {
    const found = await this.records.get(actor, action.reference);
    if (!found) return { reply: RECORD_NOT_FOUND };
    const act = actBy(actor, this.clock());
    const typed = typedValues(values, inputsOf(found.record));
    const refuse = (notice: Notice, keep = true) => ({
      reply: ok(this.card(found.record, act.today, { ...(keep ? { values: typed } : {}), notice })),
    });
    if (!canAssess(found.record, actor)) {
      return refuse({ text: PERFORMANCE_NOTICES.onlyOwner, style: 'attention' }, false);
    }
    if (found.record.status !== 'complete' || !found.record.contract) {
      return refuse({ text: PERFORMANCE_NOTICES.notAwarded(found.record.id), style: 'attention' });
    }
    if (action.revision !== undefined && action.revision !== found.record.revision) {
      return refuse({ text: PERFORMANCE_NOTICES.changedMeanwhile, style: 'warning' });
    }
    return { found, pack: this.packOf(found.record), act, typed };
  }

  /** Shows a refused change's errors beside its fields, or writes the change once. */
  private async save(
    pressed: Pressed,
    result: Result<CommissioningRecord>,
    how: {
      inputFor: (path: string) => string;
      word: (path: string, typed: string | undefined) => string;
      saved: (record: CommissioningRecord) => string;
      /** Why the record as a whole refused the change; an assessment's reason by default. */
      refused?: () => string;
    },
  ): Promise<DeskReply> {
    const { found, act, typed } = pressed;
    if (!result.ok) {
      const onFields = result.problems.filter((p) => p.path !== 'record');
      if (onFields.length === 0) {
        return ok(
          this.card(found.record, act.today, {
            values: typed,
            notice: {
              text: how.refused?.() ?? this.recordProblem(found.record),
              style: 'attention',
            },
          }),
        );
      }
      const errors = errorsOn(onFields, how.inputFor, typed, (path, _reason, given) =>
        how.word(path, given),
      );
      return ok(this.card(found.record, act.today, { values: typed, errors }));
    }
    const saved = await writeRecord(this.records, found, result.value);
    if (saved === undefined) {
      return ok(
        this.card(found.record, act.today, {
          values: typed,
          notice: { text: PERFORMANCE_NOTICES.changedMeanwhile, style: 'warning' },
        }),
      );
    }
    return ok(this.card(saved, act.today, { notice: { text: how.saved(saved), style: 'good' } }));
  }

  /** Why a change cannot be made to the record as a whole, in the card's words. */
  private recordProblem(record: CommissioningRecord): string {
    const pack = this.packOf(record);
    const last = record.performance?.assessments.at(-1);
    if (nextAssessmentDue(record, pack) && last) {
      return PERFORMANCE_NOTICES.tooEarly(addDays(last.period.to, 1));
    }
    return PERFORMANCE_NOTICES.noneDue;
  }
}
