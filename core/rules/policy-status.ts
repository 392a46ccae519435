import { formatDate } from '../common/dates.js';
import type { PolicyPack } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';
import type { Warning } from './warning.js';

export interface PolicyStatus {
  id: string;
  name: string;
  /** The pack's own release. */
  version: string;
  /** The policy document carries no date of its own. */
  documentDated: boolean;
  /** The review date the force set, or null while it has set none. */
  reviewDue: string | null;
  reviewOverdue: boolean;
  reasons: Reason[];
  warnings: Warning[];
}

/**
 * The review date the force set: a setting (POLICY_REVIEW_DUE, `--review-due`) gives it to
 * the pack, or the force's own pack file carries it. The seed document has none.
 */
export function withReviewDue(pack: PolicyPack, reviewDue: string | undefined): PolicyPack {
  return reviewDue === undefined ? pack : { ...pack, reviewDue };
}

/** The pack in force and whether its review is past due, or not recorded, on the given date. */
export function policyStatus(pack: PolicyPack, on: string): PolicyStatus {
  const reviewDue = pack.reviewDue ?? null;
  const reviewOverdue = reviewDue !== null && on > reviewDue;
  const { reviewUnknown, reviewOverdue: overdue } = pack.notices;
  const warnings: Warning[] =
    reviewDue === null
      ? [
          {
            code: 'review-date-unknown',
            citation: reviewUnknown.citation,
            text: reviewUnknown.text,
          },
        ]
      : reviewOverdue
        ? [
            {
              code: 'review-overdue',
              citation: overdue.citation,
              text: `${overdue.text} The review was due on ${formatDate(reviewDue)}.`,
            },
          ]
        : [];
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    documentDated: pack.document.dated,
    reviewDue,
    reviewOverdue,
    reasons: warnings.map((w) => reason('policy-review', w.citation, w.text)),
    warnings,
  };
}
