import { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../common/result.js';
import type { PolicyPack, TierId } from '../policy/schema.js';
import { derivedReason, type Reason, reason } from './reason.js';

const TIER_IDS = ['gold', 'silver', 'bronze', 'none'] as const;

/** Rubric answers: for each row id, the tier whose behaviour the evidence shows. */
export const rubricAnswersSchema = z.record(
  z.string(),
  z.enum(TIER_IDS, { error: `must be one of ${TIER_IDS.join(', ')}` }),
  { error: 'must be an object giving a tier for each rubric row' },
);

export interface TierResult {
  /** The tier the rubric suggests; the rater decides (see `rateSupplier`). */
  tier: TierId;
  label: string;
  incentives: string[];
  /** Each row with the level chosen and its wording, for the evidence shown on the card. */
  rows: { id: string; label: string; level: TierId; text: string }[];
  reasons: Reason[];
}

/**
 * The tier the rubric answers suggest, by the pack's stated rule: the tier of the
 * lowest row. It is a suggestion (derived): a tier describes overall behaviours, and the rater
 * confirms it or chooses another tier with a justification.
 */
export function supplierTier(pack: PolicyPack, answers: unknown): Result<TierResult> {
  const parsed = rubricAnswersSchema.safeParse(answers);
  const { rows, tiers, combining } = pack.supplierStatus;
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(input)',
        message: issue.message,
      })),
    );
  }
  const given = parsed.data;
  const problems: Problem[] = [
    ...rows
      .filter((row) => given[row.id] === undefined)
      .map((row) => ({ path: row.id, message: `needs a rating: ${row.label}` })),
    ...Object.keys(given)
      .filter((id) => !rows.some((row) => row.id === id))
      .map((id) => ({ path: id, message: 'is not a row of the supplier status rubric' })),
  ];
  if (problems.length > 0) return fail(problems);

  const rankOf = (id: TierId): number => tiers.find((t) => t.id === id)?.rank ?? 0;
  const rated = rows.map((row) => {
    const level = given[row.id] ?? 'none';
    return { id: row.id, label: row.label, level, text: row.levels[level] };
  });
  const lowest = rated.reduce((low, row) => (rankOf(row.level) < rankOf(low.level) ? row : low));
  const tier = tiers.find((t) => t.id === lowest.level);
  if (!tier) return fail([{ path: lowest.id, message: 'names a tier the pack does not have' }]);
  const limiting = rated
    .filter((row) => row.level === tier.id)
    .map((row) => row.label.toLowerCase());
  return ok({
    tier: tier.id,
    label: tier.label,
    incentives: tier.incentives,
    rows: rated,
    reasons: [
      reason('supplier-tier', tier.citation, `${tier.label}: ${tier.summary}`),
      derivedReason(
        'supplier-tier',
        combining.derived.from[0] ?? pack.supplierStatus.citation,
        `Suggested: ${tier.label}. ${combining.text} Lowest row${limiting.length > 1 ? 's' : ''}: ${limiting.join('; ')}.`,
        combining.derived,
      ),
    ],
  });
}
