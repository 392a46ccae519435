import { z } from 'zod';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export const weightingInputSchema = z.strictObject({
  weighting: z
    .number({ error: 'must be a percentage' })
    .refine(Number.isFinite, 'must be a finite percentage'),
  justification: z.string().trim().optional(),
});

export type WeightingInput = z.input<typeof weightingInputSchema>;

export interface WeightingDecision {
  weighting: number;
  justification?: string;
  reasons: Reason[];
}

/**
 * The share of the award criteria on social value: within the pack's range, and
 * with a justification recorded whenever it is above the minimum.
 */
export function checkWeighting(pack: PolicyPack, input: unknown): Result<WeightingDecision> {
  const parsed = weightingInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { weighting, justification } = parsed.data;
  const { min, max, unit, citation } = pack.weighting;
  const problems: Problem[] = [];
  if (weighting < min) {
    problems.push({ path: 'weighting', message: `must be at least ${min}${unit} (${citation})` });
  }
  if (weighting > max) {
    problems.push({
      path: 'weighting',
      message: `${weighting}${unit} is refused: the policy allows at most ${max}${unit} of the award criteria on social value (${citation})`,
    });
  }
  const needsJustification = weighting > min;
  if (needsJustification && !justification) {
    problems.push({
      path: 'justification',
      message: `is required for a weighting above ${min}${unit}: say why social value carries this weight (${citation})`,
    });
  }
  if (problems.length > 0) return fail(problems);
  return ok({
    weighting,
    ...(justification ? { justification } : {}),
    reasons: [
      reason(
        'weighting',
        citation,
        `${weighting}${unit} of the award criteria on social value is within the ${min}-${max}${unit} the policy allows${needsJustification ? ', with a justification recorded' : ''}.`,
      ),
      reason('weighting', pack.weighting.context.citation, pack.weighting.context.text),
    ],
  });
}
