import { z } from 'zod';
import { comparePounds, formatMoney, moneySchema } from '../common/money.js';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export const turnoverInputSchema = z.strictObject({
  /** The minimum yearly turnover asked of bidders. */
  requiredTurnover: moneySchema,
  /** The contract's estimated value. */
  contractValue: moneySchema,
  justification: z.string().trim().optional(),
});

export interface TurnoverDecision {
  limit: number;
  withinLimit: boolean;
  justification?: string;
  reasons: Reason[];
}

/**
 * A minimum turnover requirement must not shut out smaller providers (§4.4(c)): above the
 * pack's multiple of the contract value it needs a justification.
 */
export function checkTurnover(pack: PolicyPack, input: unknown): Result<TurnoverDecision> {
  const parsed = turnoverInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { requiredTurnover, contractValue, justification } = parsed.data;
  const rule = pack.smallerProviders.turnover;
  const limit = Math.round(contractValue * rule.maxMultipleOfValue * 100) / 100;
  const withinLimit = comparePounds(requiredTurnover, limit) <= 0;
  if (!withinLimit && !justification) {
    return fail([
      {
        path: 'justification',
        message: `is required: a minimum turnover of ${formatMoney(requiredTurnover)} is more than ${rule.maxMultipleOfValue} times the contract value (${formatMoney(limit)}); lower it or say why it is needed (${rule.citation})`,
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
    ...(justification ? { justification } : {}),
    reasons: [
      reason('turnover', rule.citation, `${fact} ${rule.text}`),
      ...(policy ? [reason('turnover', policy.citation, policy.text)] : []),
    ],
  });
}
