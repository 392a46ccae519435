/**
 * A citation as an officer reads it: "§5.0" alone means nothing to someone who has not the
 * policy open, so it is named: "§5.0 of the policy", "Modern Slavery Statement".
 */
export function policyRef(citation: string): string {
  if (citation.startsWith('§')) return `${citation} of the policy`;
  if (/^App(endix)? ?\d/.test(citation)) return citation.replace(/^App(endix)? ?/, 'Appendix ');
  if (citation === 'MSS') return 'Modern Slavery Statement';
  if (/^MSS-?\d/.test(citation)) return `Modern Slavery Statement, ${citation}`;
  return citation;
}
