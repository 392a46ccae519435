import { z } from 'zod';
import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
import type { PolicyPack, RiskLevel } from '../policy/schema.js';
import { derivedReason, type Reason, reason } from './reason.js';

export const riskInputSchema = z.strictObject({
  /** Ids of the risk indicators present. */
  indicators: z.array(z.string(), { error: 'must be a list of indicator ids' }).default([]),
  /** The supplier's sector, if it is one of the pack's high-risk sectors or another. */
  sector: z.string().optional(),
});

export interface RiskRating {
  level: RiskLevel;
  /** The indicators counted, including the industry indicator a high-risk sector sets. */
  indicators: string[];
  assessmentToolAdvised: boolean;
  reasons: Reason[];
}

/**
 * Rates modern slavery risk low, medium or high from the indicators present and the sector
 * by the pack's own count-to-level rule (derived: PPN 009 names the indicators, not the levels).
 */
export function rateModernSlaveryRisk(pack: PolicyPack, input: unknown): Result<RiskRating> {
  const parsed = riskInputSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  const { indicators, highRiskSectors, rating, assessmentTool } = pack.modernSlavery;
  const known = new Set(indicators.map((i) => i.id));
  const problems: Problem[] = parsed.data.indicators
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !known.has(id))
    .map(({ id, index }) => ({
      path: `indicators.${index}`,
      message: `"${id}" is not a risk indicator; use one of ${[...known].join(', ')}`,
    }));
  if (problems.length > 0) return fail(problems);

  const sector = highRiskSectors.find((s) => s.id === parsed.data.sector);
  const present = new Set(parsed.data.indicators);
  if (sector) present.add(rating.sectorIndicator);
  const counted = indicators.map((i) => i.id).filter((id) => present.has(id));
  const band = [...rating.bands].reverse().find((b) => counted.length >= b.minIndicators);
  const level = band?.level ?? 'low';
  const rank = (l: RiskLevel): number => rating.bands.findIndex((b) => b.level === l);
  const assessmentToolAdvised = rank(level) >= rank(assessmentTool.from);
  const labels = indicators.filter((i) => present.has(i.id)).map((i) => i.label.toLowerCase());
  const reasons = [
    // The level is the pack's own reading of the guidance, and says so.
    derivedReason(
      'modern-slavery-risk',
      rating.guidance.citation,
      `${counted.length} of ${indicators.length} risk indicators present${labels.length ? ` (${labels.join('; ')})` : ''}: ${level} risk by the pack's own rule (derived). ${band?.text ?? ''} ${rating.rule.text}`.trim(),
      rating.rule.derived,
    ),
    reason('modern-slavery-risk', rating.guidance.citation, rating.guidance.text),
  ];
  if (sector) {
    reasons.push(
      sector.derived
        ? derivedReason(
            'modern-slavery-risk',
            sector.citation,
            `${sector.label} is often named as higher risk, so the pack counts the industry-type indicator (derived).`,
            sector.derived,
          )
        : reason(
            'modern-slavery-risk',
            sector.citation,
            `${sector.label} is a category central guidance names as higher risk, so the industry-type indicator is counted.`,
          ),
    );
  }
  if (assessmentToolAdvised) {
    reasons.push(reason('modern-slavery-risk', assessmentTool.citation, assessmentTool.text));
  }
  if (level !== 'low') {
    for (const monitor of pack.modernSlavery.items.filter((item) => item.monitorsRisk)) {
      reasons.push(reason('modern-slavery-risk', monitor.citation, monitor.text));
    }
  }
  return ok({ level, indicators: counted, assessmentToolAdvised, reasons });
}
