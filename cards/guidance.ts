import type { PolicyPack } from '../core/policy/index.js';
import type { Assessment, Reason } from '../core/rules/index.js';
import { formatDate, formatMoney } from './format.js';
import type { Line, Section } from './info.js';

const lineOf = (reason: Reason): Line => ({ text: reason.text, citation: reason.citation });

/** The local value thresholds of §1.1.3 that apply to the contract's category. */
function localThresholdLines(assessment: Assessment, pack: PolicyPack): Line[] {
  return pack.scope.rules.flatMap((rule) =>
    rule.kind === 'valueGreaterThan' && rule.appliesTo.includes(assessment.element)
      ? [
          {
            text: `${rule.text} (${formatMoney(rule.threshold)}, strictly greater than)`,
            citation: rule.citation,
          },
        ]
      : rule.kind === 'keyProvider'
        ? [{ text: rule.text, citation: rule.citation }]
        : [],
  );
}

function regulatedLines(assessment: Assessment): Line[] {
  const { regulatedThreshold: threshold } = assessment;
  const period = threshold.effectiveTo
    ? `${formatDate(threshold.effectiveFrom)} to ${formatDate(threshold.effectiveTo)}`
    : `from ${formatDate(threshold.effectiveFrom)}`;
  return [
    {
      text: `${formatMoney(threshold.value)} for ${threshold.basis} (in force ${period}, including VAT).`,
      citation: threshold.source,
    },
    ...assessment.thresholdReasons.slice(1).map(lineOf),
  ];
}

/**
 * Threshold guidance: scope, the local and regulated thresholds and the Act, each line
 * with its citation. The `thresholds` command shows this alone.
 */
export function thresholdSections(assessment: Assessment, pack: PolicyPack): Section[] {
  return [
    {
      heading: assessment.inScope
        ? 'In scope of the policy'
        : 'Not in scope of the policy by value',
      lines: assessment.scopeReasons.map(lineOf),
    },
    { heading: 'Local thresholds', lines: localThresholdLines(assessment, pack) },
    { heading: 'Regulated threshold', lines: regulatedLines(assessment) },
    {
      heading: assessment.actApplies
        ? 'The Social Value Act applies'
        : 'The Social Value Act does not apply',
      lines: assessment.actReasons.map(lineOf),
    },
  ];
}

/**
 * The full guidance shown after the basics step: thresholds, then the weighting range and
 * the smaller-provider and modern slavery checks that apply.
 */
export function guidanceSections(assessment: Assessment, pack: PolicyPack): Section[] {
  const { weighting } = assessment;
  return [
    ...thresholdSections(assessment, pack),
    {
      heading: 'Award weighting',
      lines: weighting.applies
        ? [
            {
              text: `${weighting.min}${weighting.unit} to ${weighting.max}${weighting.unit} of the award criteria may be on social value; above ${weighting.min}${weighting.unit} record a justification.`,
              citation: weighting.citation,
            },
            ...assessment.advice
              .filter((a) => a.rule === 'weighting')
              .slice(1)
              .map(lineOf),
          ]
        : [
            {
              text: `${weighting.text} This award is not competitive.`,
              citation: weighting.citation,
            },
          ],
    },
    {
      heading: 'Smaller providers',
      lines:
        assessment.smallerProviderChecks.length > 0
          ? assessment.smallerProviderChecks.flatMap((check) => [
              { text: check.text, citation: check.citation },
              ...(check.statutory
                ? [{ text: check.statutory.text, citation: check.statutory.citation }]
                : []),
            ])
          : [{ text: 'No smaller-provider checks apply to an award that is not competitive.' }],
    },
    {
      heading: 'Modern slavery',
      lines: assessment.modernSlaveryItems.map((item) => ({
        text: item.text,
        citation: item.citation,
      })),
    },
    {
      heading: 'Also consider',
      lines: assessment.advice.filter((a) => a.rule !== 'weighting').map(lineOf),
    },
  ];
}
