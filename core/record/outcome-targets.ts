import { type Answers, measureTargetSchema } from '../flow/draft.js';
import type { Measure, PolicyPack } from '../policy/schema.js';

/** A social value outcome the record commits to: the pack's measure and the target agreed. */
export interface OutcomeTarget {
  measure: Measure;
  /** In the measure's unit; absent for a commitment, or where no target was set. */
  target?: number;
}

const isTargets = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => measureTargetSchema.safeParse(item).success);

/**
 * The outcomes a record chose, with their targets, in the pack's order. They are read from the
 * answer that holds measure targets, whatever its question is called, so that a pack's own
 * questionnaire needs no change here.
 */
export function outcomeTargets(
  record: { draft: { answers: Answers } },
  pack: PolicyPack,
): OutcomeTarget[] {
  const answer = Object.values(record.draft.answers).find(isTargets);
  const targets = answer ? measureTargetSchema.array().parse(answer) : [];
  return pack.framework.measures.flatMap((measure) => {
    const chosen = targets.find((t) => t.measureId === measure.id);
    if (!chosen) return [];
    return [{ measure, ...(chosen.target === undefined ? {} : { target: chosen.target }) }];
  });
}

/** An amount with its unit as the notices and KPIs write it: 25%, 40 days, 3 (a count has none). */
export function amountText(amount: number, unit: Measure['unit']): string {
  if (unit.kind === 'count') return String(amount);
  return unit.kind === 'percent' ? `${amount}%` : `${amount} ${unit.label}`;
}
