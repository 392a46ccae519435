import { z } from 'zod';
import { addMonths, daysBetween, isoDateSchema } from '../common/dates.js';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import type { Answers } from '../flow/draft.js';
import { boundedText } from '../flow/limits.js';
import type { Measure, PolicyPack } from '../policy/schema.js';
import { derivedReason, type Reason } from '../rules/reason.js';
import { awardedContract, dateText, filled, withChange } from './contract-inputs.js';
import { CONTRACT_LIST_LIMITS, CONTRACT_TEXT_LIMITS } from './contract-limits.js';
import {
  type CommitmentStatus,
  commitmentStatusSchema,
  type DeliveryEntry,
} from './delivery-entry.js';
import { amountText, outcomeTargets } from './outcome-targets.js';
import { contractEnd } from './performance.js';
import type { CommissioningRecord } from './record.js';
import type { Act } from './stage-changes.js';
import { FUTURE } from './stages.js';

/** No outcome is counted in amounts near this: a larger one is a typing slip. */
const MAX_AMOUNT = 1_000_000_000;
const WHOLE_UNITS = new Set(['count', 'people', 'students']);

/** An https address with a host name: parsed, not matched, so that no pattern can be made slow. */
function isHttpsLink(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const link = boundedText(CONTRACT_TEXT_LIMITS.evidenceLink)
  .refine((text) => text === '' || isHttpsLink(text), {
    message: 'The link must be a web address starting https://.',
  })
  .optional();

const evidenceShape = {
  note: filled(CONTRACT_TEXT_LIMITS.evidenceNote, 'Describe the evidence in a short note.'),
  link,
  amount: z.number({ error: 'Enter the amount delivered as a number.' }).optional(),
  status: z
    .enum(commitmentStatusSchema.options, { error: 'Choose met, partly met or not met.' })
    .optional(),
};

const entryInputSchema = z.object({
  measureId: z.string({ error: 'Choose the outcome the delivery is for.' }),
  from: dateText('Enter the first day of the period as a date, YYYY-MM-DD.'),
  to: dateText('Enter the last day of the period as a date, YYYY-MM-DD.'),
  ...evidenceShape,
});

const correctionInputSchema = z.object({
  corrects: z.string({ error: 'Say which entry this corrects.' }),
  ...evidenceShape,
});

/** Checks the amount or status against the measure's unit. */
function valueProblems(
  measure: Measure,
  given: { amount?: number | undefined; status?: CommitmentStatus | undefined },
): Problem[] {
  if (measure.unit.kind === 'commitment') {
    if (given.amount !== undefined) {
      return [
        {
          path: 'amount',
          message: `“${measure.text}” is a commitment: say whether it was met, not an amount.`,
        },
      ];
    }
    return given.status === undefined
      ? [
          {
            path: 'status',
            message: `Say whether “${measure.text}” was met, partly met or not met.`,
          },
        ]
      : [];
  }
  // A count's unit label ("number") reads badly after "in"; the other units read well.
  const inUnit = measure.unit.kind === 'count' ? '' : ` in ${measure.unit.label}`;
  if (given.status !== undefined) {
    return [
      {
        path: 'status',
        message: `“${measure.text}” is counted${inUnit}: enter the amount delivered.`,
      },
    ];
  }
  const { amount } = given;
  if (amount === undefined) {
    return [{ path: 'amount', message: `Enter the amount delivered${inUnit}.` }];
  }
  if (!Number.isFinite(amount) || amount < 0) {
    return [{ path: 'amount', message: 'Enter the amount delivered as a number of 0 or more.' }];
  }
  if (measure.unit.kind === 'percent' && amount > 100) {
    return [{ path: 'amount', message: 'Enter a percentage from 0 to 100.' }];
  }
  if (amount > MAX_AMOUNT) {
    return [{ path: 'amount', message: 'That amount is too large; check it.' }];
  }
  if (WHOLE_UNITS.has(measure.unit.kind) && !Number.isInteger(amount)) {
    return [
      {
        path: 'amount',
        message: `Enter a whole number${measure.unit.kind === 'count' ? '' : ` of ${measure.unit.label}`}.`,
      },
    ];
  }
  return [];
}

const nextId = (entries: DeliveryEntry[]): string => `D${entries.length + 1}`;

/**
 * An input read field by field, so that one field of the wrong kind does not hide what is
 * wrong with the others: the fields that parse, and the problems of those that do not.
 */
function readFields<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
  input: unknown,
): { fields: Partial<z.infer<z.ZodObject<S>>>; problems: Problem[] } {
  const whole = schema.safeParse(input);
  if (whole.success) return { fields: whole.data, problems: [] };
  const given =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const read = (field as z.ZodType).safeParse(given[key]);
    if (read.success) fields[key] = read.data;
  }
  return {
    fields: fields as Partial<z.infer<z.ZodObject<S>>>,
    problems: problemsFromIssues(whole.error.issues),
  };
}

function entryText(entry: DeliveryEntry, measure: Measure): string {
  const value =
    entry.status ?? (entry.amount === undefined ? '' : amountText(entry.amount, measure.unit));
  return `${measure.id}, ${entry.period.from} to ${entry.period.to}: ${value}`;
}

function capacityProblem(entries: DeliveryEntry[]): Problem[] {
  return entries.length >= CONTRACT_LIST_LIMITS.deliveryEntries
    ? [
        {
          path: 'record',
          message: `This record holds ${CONTRACT_LIST_LIMITS.deliveryEntries} delivery entries, as many as it can keep; ask the team that runs the bot.`,
        },
      ]
    : [];
}

/**
 * Records what the supplier delivered for one outcome over one period: an amount in the
 * measure's unit, or for a commitment whether it was met, with a short evidence note and an
 * optional link. The entry and a history entry are appended; nothing is replaced.
 */
export function recordDelivery(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const awarded = awardedContract(record);
  if (!awarded.ok) return awarded;
  const contract = awarded.value;
  // Every field is checked, so that all of an entry's problems are told at once.
  const read = readFields(entryInputSchema, input);
  const { measureId, from, to, note, amount, status, link } = read.fields;
  const unread = new Set(read.problems.map((p) => p.path));
  const entries = record.delivery ?? [];
  const outcome = outcomeTargets(record, pack).find((o) => o.measure.id === measureId);
  const problems: Problem[] = [...read.problems, ...capacityProblem(entries)];
  if (!outcome) {
    if (!unread.has('measureId')) {
      problems.push({
        path: 'measureId',
        message: 'Choose one of the outcomes this record commits to.',
      });
    }
  } else if (!unread.has('amount') && !unread.has('status')) {
    problems.push(...valueProblems(outcome.measure, { amount, status }));
  }
  if (from !== undefined && to !== undefined) {
    if (to < from)
      problems.push({ path: 'to', message: 'The period must not end before it starts.' });
    if (to > act.today)
      problems.push({ path: 'to', message: `The period ${FUTURE}: it ends after today.` });
    if (from < contract.awardDate) {
      problems.push({
        path: 'from',
        message: `The period must not start before the award date, ${contract.awardDate}.`,
      });
    }
  }
  if (
    problems.length > 0 ||
    !outcome ||
    measureId === undefined ||
    from === undefined ||
    to === undefined ||
    note === undefined
  ) {
    return fail(problems);
  }
  const entry: DeliveryEntry = {
    id: nextId(entries),
    measureId,
    period: { from, to },
    ...(amount === undefined ? {} : { amount }),
    ...(status === undefined ? {} : { status }),
    evidence: { note, ...(link ? { link } : {}) },
    by: act.by,
    at: act.at,
  };
  return ok(
    withChange(
      record,
      act,
      'delivery-recorded',
      [{ field: `delivery ${entry.id}`, to: entryText(entry, outcome.measure) }],
      { delivery: [...entries, entry] },
    ),
  );
}

/**
 * Corrects an entry by a new one for the same outcome and period. The old entry stays as it
 * was, marked as superseded by the new one, and the history says what changed and why.
 */
export function correctDelivery(
  record: CommissioningRecord,
  pack: PolicyPack,
  input: unknown,
  act: Act,
): Result<CommissioningRecord> {
  const awarded = awardedContract(record);
  if (!awarded.ok) return awarded;
  // Every field is checked, so that all of a correction's problems are told at once.
  const read = readFields(correctionInputSchema, input);
  const { corrects, note, amount, status, link } = read.fields;
  const unread = new Set(read.problems.map((p) => p.path));
  const entries = record.delivery ?? [];
  const problems: Problem[] = [...read.problems, ...capacityProblem(entries)];
  const old =
    corrects === undefined
      ? undefined
      : entries.find((e) => e.id === corrects.trim().toUpperCase());
  const measure = pack.framework.measures.find((m) => m.id === old?.measureId);
  if (corrects !== undefined && !old) {
    problems.push({
      path: 'corrects',
      message: `There is no delivery entry ${corrects} on this record.`,
    });
  } else if (old?.supersededBy) {
    problems.push({
      path: 'corrects',
      message: `${old.id} was already corrected by ${old.supersededBy}: correct ${old.supersededBy} instead.`,
    });
  } else if (old && !measure) {
    problems.push({
      path: 'corrects',
      message: `${old.id} is for an outcome the policy pack no longer has.`,
    });
  }
  if (measure && !unread.has('amount') && !unread.has('status')) {
    problems.push(...valueProblems(measure, { amount, status }));
  }
  if (problems.length > 0 || !old || !measure || note === undefined) return fail(problems);
  const entry: DeliveryEntry = {
    id: nextId(entries),
    measureId: old.measureId,
    period: old.period,
    ...(amount === undefined ? {} : { amount }),
    ...(status === undefined ? {} : { status }),
    evidence: { note, ...(link ? { link } : {}) },
    corrects: old.id,
    by: act.by,
    at: act.at,
  };
  const marked = entries.map((e) => (e.id === old.id ? { ...e, supersededBy: entry.id } : e));
  return ok(
    withChange(
      record,
      act,
      'delivery-corrected',
      [
        {
          field: `delivery ${entry.id} corrects ${old.id}`,
          from: entryText(old, measure),
          to: entryText(entry, measure),
        },
      ],
      { delivery: [...marked, entry] },
    ),
  );
}

/** Where an outcome stands: see `progress`. */
export type ProgressStatus =
  | 'no-target'
  | 'not-started'
  | 'not-recorded'
  | 'on-track'
  | 'behind'
  | 'met'
  | 'missed';

export interface OutcomeProgress {
  measureId: string;
  label: string;
  unit: Measure['unit'];
  target?: number;
  /** Summed over the entries that count; for a rate, the latest figure; none for a commitment. */
  delivered?: number;
  /** For a commitment: the latest period's standing. */
  latest?: CommitmentStatus;
  /** Delivered as a share of the target (1 is the whole target); only where there is a target. */
  share?: number;
  /** The entries that count (superseded ones do not). */
  entries: number;
  status: ProgressStatus;
}

export interface Progress {
  on: string;
  awardDate: string;
  endDate: string;
  /** The share of the contract's life passed on `on`: 0 up to the award, 1 from the end. */
  elapsed: number;
  outcomes: OutcomeProgress[];
  /** The pack's reading of "on track", shown with the figures. */
  reasons: Reason[];
}

/**
 * For each outcome the record commits to: its target, what has been delivered to date (the
 * entries not superseded whose period has begun by `on`), the share of the target, and whether
 * that is on track for the point reached in the contract's life, by the pack's reading:
 * - no numeric target (or a target of 0): "no-target", never a share;
 * - the target reached: "met", whenever that is;
 * - before the award date: "not-started";
 * - after the end date (or the day it was terminated), short of the target: "missed";
 * - a rate (percent): the latest figure against the target, "behind" below it;
 * - otherwise "on-track" when the share delivered is at least the share of the contract's life
 *   elapsed, less the pack's tolerance (at the award date nothing is yet expected), else "behind";
 * - a commitment: by its latest period, met is "met", partly or not met "behind" ("missed" after
 *   the end); with no entry yet, "not-recorded".
 */
export function progress(
  record: Pick<CommissioningRecord, 'contract' | 'delivery' | 'performance'> & {
    draft: { answers: Answers };
  },
  pack: PolicyPack,
  on: string,
): Result<Progress> {
  if (!record.contract) {
    return fail([{ path: 'record', message: 'Record the award date and contract length first.' }]);
  }
  if (!isoDateSchema.safeParse(on).success) {
    return fail([{ path: 'on', message: 'must be a real date written YYYY-MM-DD' }]);
  }
  const { awardDate, months } = record.contract;
  // Delivery is expected over the planned life; a contract terminated early ends on that day.
  const planned = addMonths(awardDate, months);
  const endDate = contractEnd(record) ?? planned;
  const elapsed = Math.min(
    1,
    Math.max(0, daysBetween(awardDate, on) / daysBetween(awardDate, planned)),
  );
  const stage = on < awardDate ? 'before' : on > endDate ? 'after' : 'during';
  const { tolerance } = pack.delivery.onTrack;
  const counting = (record.delivery ?? []).filter((e) => !e.supersededBy && e.period.from <= on);

  const outcomes = outcomeTargets(record, pack).map(({ measure, target }): OutcomeProgress => {
    const mine = counting.filter((e) => e.measureId === measure.id);
    const latest = [...mine]
      .sort((a, b) => (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : 0))
      .at(-1);
    const base = {
      measureId: measure.id,
      label: measure.text,
      unit: measure.unit,
      entries: mine.length,
    };
    if (measure.unit.kind === 'commitment') {
      const status: ProgressStatus =
        latest?.status === undefined
          ? stage === 'before'
            ? 'not-started'
            : 'not-recorded'
          : latest.status === 'met'
            ? 'met'
            : stage === 'after'
              ? 'missed'
              : 'behind';
      return { ...base, ...(latest?.status ? { latest: latest.status } : {}), status };
    }
    const rate = measure.unit.kind === 'percent';
    const delivered = rate
      ? (latest?.amount ?? 0)
      : mine.reduce((sum, e) => sum + (e.amount ?? 0), 0);
    if (target === undefined || target <= 0) return { ...base, delivered, status: 'no-target' };
    const share = delivered / target;
    const withShare = { ...base, target, delivered, share };
    if (share >= 1) return { ...withShare, status: 'met' };
    if (stage === 'before') return { ...withShare, status: 'not-started' };
    if (stage === 'after') return { ...withShare, status: 'missed' };
    if (rate) return { ...withShare, status: latest ? 'behind' : 'not-recorded' };
    return { ...withShare, status: share >= elapsed - tolerance ? 'on-track' : 'behind' };
  });

  const { onTrack } = pack.delivery;
  const grounds = onTrack.citation;
  return ok({
    on,
    awardDate,
    endDate,
    elapsed,
    outcomes,
    reasons: [
      derivedReason('on-track', grounds, onTrack.text, onTrack.derived),
      ...(outcomes.some((o) => o.unit.kind === 'percent')
        ? [derivedReason('on-track-rate', grounds, onTrack.rate, onTrack.derived)]
        : []),
      ...(outcomes.some((o) => o.unit.kind === 'commitment')
        ? [derivedReason('on-track-commitment', grounds, onTrack.commitment, onTrack.derived)]
        : []),
    ],
  });
}
