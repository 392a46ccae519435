import { formatDate } from '../common/dates.js';
import type { PolicyPack } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export interface PolicyStatus {
  id: string;
  name: string;
  version: string;
  effectiveFrom: string;
  reviewDue: string;
  reviewOverdue: boolean;
  reasons: Reason[];
}

/** The pack in force and whether its annual review (§1.1.1) is past due on the given date. */
export function policyStatus(pack: PolicyPack, on: string): PolicyStatus {
  const reviewOverdue = on > pack.reviewDue;
  const reasons = reviewOverdue
    ? [
        reason(
          'policy-review',
          pack.reviewCitation,
          `The policy is reviewed annually and this version's review was due on ${formatDate(pack.reviewDue)}; check that it is still current.`,
        ),
      ]
    : [];
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    effectiveFrom: pack.effectiveFrom,
    reviewDue: pack.reviewDue,
    reviewOverdue,
    reasons,
  };
}
