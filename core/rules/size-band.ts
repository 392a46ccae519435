import { z } from 'zod';
import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack, SizeBandId } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export const headcountSchema = z
  .number({ error: 'must be a whole number of employees' })
  .int('must be a whole number of employees')
  .min(0, 'must not be negative');

export interface SizeBandResult {
  band: SizeBandId;
  label: string;
  sme: boolean;
  reasons: Reason[];
}

/** The business size band for an employee head count (the pack's size bands). */
export function sizeBand(pack: PolicyPack, headcount: unknown): Result<SizeBandResult> {
  const parsed = headcountSchema.safeParse(headcount);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues, 'headcount'));
  const count = parsed.data;
  const { bands, citation, smeBelow } = pack.sizeBands;
  const band = bands.find((b) => count >= b.min && (b.max === undefined || count <= b.max));
  if (!band)
    return fail([{ path: 'headcount', message: 'falls in no size band of the policy pack' }]);
  const range = band.max === undefined ? `${band.min} or more` : `${band.min} to ${band.max}`;
  const sme = count < smeBelow;
  return ok({
    band: band.id,
    label: band.label,
    sme,
    reasons: [
      reason(
        'size-band',
        citation,
        `${count} employees is ${band.label.toLowerCase()} (${range}); ${sme ? 'an SME' : 'not an SME'}, as SMEs have fewer than ${smeBelow}.`,
      ),
    ],
  });
}
