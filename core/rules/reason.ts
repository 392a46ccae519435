/** Why a rule reached its answer, and where an officer or auditor can check it. */
export interface Reason {
  /** The rule that gave this reason, as the pack names it (for example `1.1.3(iii)` or `weighting`). */
  rule: string;
  citation: string;
  text: string;
}

export const reason = (rule: string, citation: string, text: string): Reason => ({
  rule,
  citation,
  text,
});
