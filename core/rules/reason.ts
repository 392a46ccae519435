/** Why a rule reached its answer, and where an officer or auditor can check it. */
export interface Reason {
  /** The rule that gave this reason, as the pack names it (for example `1.1.3(iii)` or `weighting`). */
  rule: string;
  citation: string;
  text: string;
  /**
   * Present where the reason states the pack's own reading rather than the policy or the law:
   * the grounds it rests on, so that it is shown as derived.
   */
  derived?: { from: string[]; note: string };
}

export const reason = (rule: string, citation: string, text: string): Reason => ({
  rule,
  citation,
  text,
});

/** A reason resting on a derived rule of the pack: it carries the rule's grounds. */
export const derivedReason = (
  rule: string,
  citation: string,
  text: string,
  derived: { from: string[]; note: string },
): Reason => ({ rule, citation, text, derived });
