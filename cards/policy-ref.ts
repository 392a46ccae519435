import type { PolicyPack } from '../core/policy/index.js';

/**
 * A citation as an officer reads it, by the pack's own readings: a bare paragraph number
 * means nothing to someone who has not the document open, so it is named with its document.
 * A citation no reading fits (a public source) is shown as written.
 */
export function policyRef(pack: Pick<PolicyPack, 'citationReadings'>, citation: string): string {
  const reading = pack.citationReadings.find((r) => citation.startsWith(r.startsWith));
  if (!reading) return citation;
  const rest = citation.slice(reading.startsWith.length);
  return reading.reads.replace(/\{(ref|rest)\}/g, (_, part) => (part === 'ref' ? citation : rest));
}
