import { z } from 'zod';
import { addDays, addMonths } from '../common/dates.js';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import {
  type PolicyPack,
  performanceEventIdSchema,
  performanceRatingIdSchema,
} from '../policy/schema.js';
import { awardedContract, dateText, filled, withChange } from './contract-inputs.js';
import { CONTRACT_LIST_LIMITS, CONTRACT_TEXT_LIMITS } from './contract-limits.js';
import type { PerformanceAssessment, PerformanceRecord } from './performance-record.js';
import type { CommissioningRecord } from './record.js';
import type { Act } from './stage-changes.js';
import { FUTURE, nextDueOn, nextDueStages, nextReminderOn, stagesOf } from './stages.js';

/** A date an assessment of performance falls due (PA 2023 s.71). */
export interface AssessmentDue {
  on: string;
  kind: 'yearly' | 'termination';
}

const emptyPerformance = (): PerformanceRecord => ({ assessments: [], events: [], reminder: {} });
const performanceOf = (record: Pick<CommissioningRecord, 'performance'>): PerformanceRecord =>
  record.performance ?? emptyPerformance();

/** The day the contract ends: its recorded termination, or the award date plus its length. */
export function contractEnd(
  record: Pick<CommissioningRecord, 'contract' | 'performance'>,
): string | undefined {
  if (!record.contract) return undefined;
  return (
    record.performance?.termination?.on ??
    addMonths(record.contract.awardDate, record.contract.months)
  );
}

/**
 * Every date an assessment is due: each `everyMonths` from the award date while the contract
 * runs, and one on its termination (its end date, or the earlier day it was terminated). None
 * is due unless the contract has KPIs set because s.52 required them.
 */
export function assessmentDueDates(
  record: Pick<CommissioningRecord, 'contract' | 'performance' | 'kpis'>,
  pack: PolicyPack,
): AssessmentDue[] {
  const end = contractEnd(record);
  const kpis = record.kpis;
  if (!record.contract || !end || kpis?.duty !== 'required' || kpis.kpis.length === 0) return [];
  const { everyMonths, onTermination } = pack.procurementAct.assessments;
  const dates: AssessmentDue[] = [];
  for (let n = 1; ; n += 1) {
    const on = addMonths(record.contract.awardDate, n * everyMonths);
    if (on >= end) break;
    dates.push({ on, kind: 'yearly' });
  }
  // Without an assessment on termination, the last period still needs one: it ends the contract.
  dates.push({ on: end, kind: onTermination ? 'termination' : 'yearly' });
  return dates;
}

/** The first due date no assessment has answered yet, or undefined when none is owed. */
export function nextAssessmentDue(
  record: Pick<CommissioningRecord, 'contract' | 'performance' | 'kpis'>,
  pack: PolicyPack,
): AssessmentDue | undefined {
  const done = new Set(performanceOf(record).assessments.map((a) => a.due));
  return assessmentDueDates(record, pack).find((due) => !done.has(due.on));
}

/** The date a reminder for the next assessment is owed, as for a stage: never twice for a date. */
export function assessmentReminderOn(
  record: CommissioningRecord,
  pack: PolicyPack,
): string | undefined {
  const due = nextAssessmentDue(record, pack);
  const { reminder } = performanceOf(record);
  if (!due || reminder.sentFor === due.on) return undefined;
  const snoozed = reminder.snoozedUntil;
  return snoozed !== undefined && snoozed > due.on ? snoozed : due.on;
}

/**
 * The assessment whose reminder is owed on `today`, if any, with the due date it is for. Given
 * `now`, one another sweep holds a live claim on is not owed to this one.
 */
export function owedAssessmentReminder(
  record: CommissioningRecord,
  pack: PolicyPack,
  today: string,
  now?: string,
): { due: string } | undefined {
  const on = assessmentReminderOn(record, pack);
  const due = nextAssessmentDue(record, pack);
  if (on === undefined || due === undefined || on > today) return undefined;
  const claim = performanceOf(record).reminder.claim;
  if (now !== undefined && claim && claim.until > now) return undefined;
  return { due: due.on };
}

const earliest = (...dates: (string | undefined)[]): string | undefined =>
  dates.filter((d): d is string => d !== undefined).sort()[0];

/**
 * The record with `nextDueOn`, `nextDueStages` and `nextReminderOn` counting the next
 * assessment as well as the stages, so that the reminder sweep and "due soon" lists, which
 * query those fields alone, find it. The stages due are listed only when a stage is what falls
 * due first. Computed from the stages afresh, so applying it twice changes nothing.
 */
export function withAssessmentDates(
  record: CommissioningRecord,
  pack: PolicyPack,
): CommissioningRecord {
  const stages = stagesOf(record, pack);
  const stageDue = nextDueOn(stages);
  const due = earliest(stageDue, nextAssessmentDue(record, pack)?.on);
  const remind = earliest(nextReminderOn(stages), assessmentReminderOn(record, pack));
  const { nextDueOn: _due, nextReminderOn: _remind, nextDueStages: _stages, ...rest } = record;
  return {
    ...rest,
    ...(due ? { nextDueOn: due } : {}),
    ...(due && due === stageDue ? { nextDueStages: nextDueStages(stages) } : {}),
    ...(remind ? { nextReminderOn: remind } : {}),
  };
}

/**
 * Claims the assessment reminder for one sweep until the lease ends, as a stage's is claimed:
 * written with If-Match, so that of several bot instances only one sends it. It changes no
 * answer and no revision.
 */
export function claimAssessmentReminder(
  record: CommissioningRecord,
  pack: PolicyPack,
  due: string,
  claim: { by: string; until: string },
): CommissioningRecord {
  const performance = performanceOf(record);
  return withAssessmentDates(
    {
      ...record,
      performance: {
        ...performance,
        reminder: { ...performance.reminder, claim: { ...claim, due } },
      },
    },
    pack,
  );
}

/**
 * The reminder could not be delivered: the claim is dropped and it stays owed for the next
 * sweep. A claim on another due date (an assessment was made meanwhile) is not this one's.
 */
export function releaseAssessmentReminder(
  record: CommissioningRecord,
  pack: PolicyPack,
  due: string,
): CommissioningRecord {
  const performance = performanceOf(record);
  if (performance.reminder.claim?.due !== due) return record;
  const { claim: _claim, ...reminder } = performance.reminder;
  return withAssessmentDates({ ...record, performance: { ...performance, reminder } }, pack);
}

/**
 * The reminder for the assessment due on `due` was delivered: it is not sent again for it.
 * When that assessment was made meanwhile, the next one's reminder is left alone; the
 * delivery still goes into the history.
 */
export function markAssessmentReminderSent(
  record: CommissioningRecord,
  pack: PolicyPack,
  due: string,
  at: string,
): CommissioningRecord {
  const performance = performanceOf(record);
  const current = nextAssessmentDue(record, pack)?.on === due;
  const sent: CommissioningRecord = {
    ...record,
    ...(current ? { performance: { ...performance, reminder: { sentFor: due } } } : {}),
    history: [
      ...record.history,
      {
        at,
        by: { id: 'reminders', name: 'Reminder service' },
        action: 'reminder-sent',
        changes: [{ field: 'performance assessment reminder', to: `sent for ${due}` }],
      },
    ],
  };
  return withAssessmentDates(sent, pack);
}

function ratingSchema(pack: PolicyPack) {
  const labels = pack.procurementAct.assessments.ratings.map((r) => r.label).join(', ');
  return z.enum(performanceRatingIdSchema.options, {
    error: `Choose one of the ratings: ${labels}.`,
  });
}

function assessmentInputSchema(pack: PolicyPack) {
  const rating = ratingSchema(pack);
  return z.object({
    kpis: z
      .array(
        z.object({
          kpiId: z.string({ error: 'Say which KPI the rating is for.' }),
          rating,
          note: filled(CONTRACT_TEXT_LIMITS.ratingNote, 'Add a note on the rating.'),
        }),
        { error: 'Rate each KPI.' },
      )
      .default([]),
    overall: z.object(
      {
        rating,
        note: filled(CONTRACT_TEXT_LIMITS.overallNote, 'Add a note on the overall rating.'),
      },
      { error: 'Give an overall rating with a note.' },
    ),
  });
}

/**
 * The period the assessment answering `due` covers when made on `today`: from the award (or the
 * day after the last period assessed) to the due date, or to today when made early. Undefined
 * when today is before that period starts (the last assessment already covered today).
 */
export function nextAssessmentPeriod(
  record: CommissioningRecord,
  due: AssessmentDue,
  today: string,
): { from: string; to: string } | undefined {
  if (!record.contract) return undefined;
  const last = performanceOf(record).assessments.at(-1);
  const from = last ? addDays(last.period.to, 1) : record.contract.awardDate;
  if (today < from) return undefined;
  return { from, to: earliest(today, due.on) ?? due.on };
}

/**
 * Records an assessment of the supplier's performance (PA 2023 s.71): a rating from the pack's
 * five and a note for each KPI, and overall. It answers the next assessment due; the period it
 * covers runs from the award (or the day after the last period assessed) to the due date, or to
 * today when made early. Every assessment is kept.
 */
export function assessPerformance(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const awarded = awardedContract(record);
  if (!awarded.ok) return awarded;
  const due = nextAssessmentDue(record, pack);
  if (!due) {
    return fail([
      {
        path: 'record',
        message:
          record.kpis?.duty === 'required' && record.kpis.kpis.length > 0
            ? 'No assessment is due: every one has been made.'
            : 'No assessment is due: the contract has no KPIs the Procurement Act required.',
      },
    ]);
  }
  const parsed = assessmentInputSchema(pack).safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const kpis = record.kpis?.kpis ?? [];
  const given = parsed.data.kpis;
  const problems: Problem[] = [];
  for (const kpi of kpis) {
    const count = given.filter((g) => g.kpiId === kpi.id).length;
    if (count !== 1) {
      problems.push({
        path: `kpis.${kpi.id}`,
        message: count === 0 ? `Rate “${kpi.name}”.` : `Rate “${kpi.name}” once.`,
      });
    }
  }
  given.forEach((g, index) => {
    if (!kpis.some((k) => k.id === g.kpiId)) {
      problems.push({
        path: `kpis.${index}.kpiId`,
        message: `${g.kpiId} is not one of this contract’s KPIs.`,
      });
    }
  });
  if (problems.length > 0) return fail(problems);
  const performance = performanceOf(record);
  const last = performance.assessments.at(-1);
  const period = nextAssessmentPeriod(record, due, act.today);
  if (!period) {
    return fail([
      {
        path: 'record',
        message: `The last assessment covered the period to ${last?.period.to}; the next can be made from ${last ? addDays(last.period.to, 1) : ''}.`,
      },
    ]);
  }
  const assessment: PerformanceAssessment = {
    id: `A${performance.assessments.length + 1}`,
    due: due.on,
    kind: due.kind,
    period,
    kpis: kpis.flatMap((kpi) => given.filter((g) => g.kpiId === kpi.id)),
    overall: parsed.data.overall,
    on: act.today,
    by: act.by,
    at: act.at,
  };
  const labelOf = (id: string): string =>
    pack.procurementAct.assessments.ratings.find((r) => r.id === id)?.label ?? id;
  const changed = withChange(
    record,
    act,
    'performance-assessed',
    [
      {
        field: `performance assessment ${assessment.id} (${assessment.period.from} to ${assessment.period.to})`,
        to: [
          ...assessment.kpis.map((k) => `${k.kpiId} ${labelOf(k.rating)}`),
          `overall ${labelOf(assessment.overall.rating)}`,
        ].join('; '),
      },
    ],
    {
      performance: {
        ...performance,
        assessments: [...performance.assessments, assessment],
        reminder: {},
      },
    },
  );
  return ok(withAssessmentDates(changed, pack));
}

/**
 * Records that the contract was terminated on a day before its planned end: the assessment on
 * termination falls due that day, and no yearly one after it. Recorded once.
 */
export function recordTermination(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const awarded = awardedContract(record);
  if (!awarded.ok) return awarded;
  const contract = awarded.value;
  const parsed = z
    .object({ on: dateText('Enter the day the contract was terminated, as YYYY-MM-DD.') })
    .safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { on } = parsed.data;
  const performance = performanceOf(record);
  const planned = addMonths(contract.awardDate, contract.months);
  const problems: Problem[] = [];
  if (performance.termination) {
    problems.push({
      path: 'on',
      message: `The termination is already recorded, on ${performance.termination.on}.`,
    });
  }
  if (on < contract.awardDate) {
    problems.push({
      path: 'on',
      message: `The contract cannot end before its award, on ${contract.awardDate}.`,
    });
  }
  if (on > act.today) problems.push({ path: 'on', message: `The termination date ${FUTURE}.` });
  if (on >= planned) {
    problems.push({
      path: 'on',
      message: `The contract’s planned end, ${planned}, already counts as its termination; record an earlier date, or none.`,
    });
  }
  if (problems.length > 0) return fail(problems);
  const changed = withChange(
    record,
    act,
    'contract-terminated',
    [{ field: 'contract termination', to: on }],
    { performance: { ...performance, termination: { on, by: act.by, at: act.at } } },
  );
  return ok(withAssessmentDates(changed, pack));
}

/**
 * Records a breach or a failure to improve that s.71 asks to be published in a contract
 * performance notice, with the day it happened and a note.
 */
export function recordPerformanceEvent(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const awarded = awardedContract(record);
  if (!awarded.ok) return awarded;
  const contract = awarded.value;
  const events = pack.procurementAct.assessments.events;
  const parsed = z
    .object({
      kind: z
        .enum(performanceEventIdSchema.options, {
          error: `Choose what happened: ${events.map((e) => e.label).join('; ')}.`,
        })
        .refine((kind) => events.some((e) => e.id === kind), {
          message: 'The policy pack does not list that event.',
        }),
      on: dateText('Enter the day it happened, as YYYY-MM-DD.'),
      note: filled(CONTRACT_TEXT_LIMITS.eventNote, 'Describe what happened in a note.'),
    })
    .safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const performance = performanceOf(record);
  const problems: Problem[] = [];
  if (parsed.data.on > act.today) problems.push({ path: 'on', message: `The date ${FUTURE}.` });
  if (parsed.data.on < contract.awardDate) {
    problems.push({
      path: 'on',
      message: `The date must not be before the award, on ${contract.awardDate}.`,
    });
  }
  if (performance.events.length >= CONTRACT_LIST_LIMITS.events) {
    problems.push({
      path: 'record',
      message: `This record holds ${CONTRACT_LIST_LIMITS.events} events, as many as it can keep.`,
    });
  }
  if (problems.length > 0) return fail(problems);
  const event = { id: `E${performance.events.length + 1}`, ...parsed.data, by: act.by, at: act.at };
  const label = events.find((e) => e.id === event.kind)?.label ?? event.kind;
  return ok(
    withChange(
      record,
      act,
      'performance-event-recorded',
      [{ field: `performance event ${event.id}`, to: `${label} on ${event.on}` }],
      { performance: { ...performance, events: [...performance.events, event] } },
    ),
  );
}
