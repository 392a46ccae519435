import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { comparePounds, formatMoney, moneySchema } from '../common/money.js';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { derivedReason, type Reason, reason } from './reason.js';
import { regimeOn } from './thresholds.js';

export const turnoverInputSchema = z.strictObject({
  /** The minimum yearly turnover asked of bidders. */
  requiredTurnover: moneySchema,
  /** The contract's estimated value. */
  contractValue: moneySchema,
  /** The day the procurement begins: it decides which law the check rests on. */
  procurementStart: isoDateSchema,
  justification: z.string().trim().optional(),
});

export interface TurnoverDecision {
  limit: number;
  withinLimit: boolean;
  /** The law the check rests on for this procurement. */
  citation: string;
  /** True where the twice-the-value figure is the pack's rule of thumb, not the law's. */
  ruleOfThumb: boolean;
  justification?: string;
  reasons: Reason[];
}

/**
 * A minimum turnover requirement must not shut out smaller providers: above the
 * pack's multiple of the contract value it needs a justification. Under the 2015
 * Regulations that multiple was the law (reg 58(9)); under the Procurement Act 2023 the law
 * asks only for proportionality (s.22), and the multiple is the pack's rule of thumb.
 */
export function checkTurnover(pack: PolicyPack, input: unknown): Result<TurnoverDecision> {
  const parsed = turnoverInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { requiredTurnover, contractValue, procurementStart, justification } = parsed.data;
  const rule = pack.smallerProviders.turnover;
  const regime = regimeOn(pack, procurementStart);
  const law =
    rule.byRegime.find((r) => r.regime === regime?.id) ?? rule.byRegime[rule.byRegime.length - 1];
  if (!law)
    return fail([{ path: 'procurementStart', message: 'has no turnover rule in the pack' }]);
  // The figure is the law's own only where the law states the multiple (the 2015 Regulations).
  const ruleOfThumb = !law.statesMultiple;
  const limit = Math.round(contractValue * rule.maxMultipleOfValue * 100) / 100;
  const withinLimit = comparePounds(requiredTurnover, limit) <= 0;
  const basis = ruleOfThumb ? `the pack's rule of thumb, under ${law.citation}` : law.citation;
  if (!withinLimit && !justification) {
    return fail([
      {
        path: 'justification',
        message: `is required: a minimum turnover of ${formatMoney(requiredTurnover)} is more than ${rule.maxMultipleOfValue} times the contract value (${formatMoney(limit)}); lower it or say why it is needed (${basis})`,
      },
    ]);
  }
  const fact = withinLimit
    ? `A minimum turnover of ${formatMoney(requiredTurnover)} is within ${formatMoney(limit)}, ${rule.maxMultipleOfValue} times the contract value.`
    : `A minimum turnover of ${formatMoney(requiredTurnover)} is above ${formatMoney(limit)}, ${rule.maxMultipleOfValue} times the contract value; the justification is recorded.`;
  const policy = pack.smallerProviders.checks.find((check) => check.id === 'thresholds');
  return ok({
    limit,
    withinLimit,
    citation: law.citation,
    ruleOfThumb,
    ...(justification ? { justification } : {}),
    reasons: [
      reason('turnover', law.citation, `${fact} ${law.text}`),
      ...(ruleOfThumb
        ? [derivedReason('turnover', law.citation, rule.ruleOfThumb.text, rule.ruleOfThumb.derived)]
        : []),
      ...(policy ? [reason('turnover', policy.citation, policy.text)] : []),
    ],
  });
}
