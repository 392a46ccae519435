import type { PolicyPack } from '../core/policy/index.js';
import type { Assessment, Reason } from '../core/rules/index.js';
import { formatDate, formatMoney } from './format.js';
import type { Line, Section } from './info.js';

/** A derived reason says so, with its grounds: it is the pack's reading, not the policy's words. */
const lineOf = (reason: Reason): Line => ({
  text: reason.derived ? `${reason.text} [derived: ${reason.derived.note}]` : reason.text,
  citation: reason.citation,
});

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
 * A record keeps its assessment as it was made: one made before warnings and set-aside items
 * existed has neither, and is shown without them.
 */
const storedList = <K extends 'warnings' | 'setAside'>(
  assessment: Assessment,
  key: K,
): Assessment[K] => (assessment as Partial<Assessment>)[key] ?? [];

/** Dates missing or possibly out of date come first, where an officer cannot miss them. */
function warningSection(assessment: Assessment): Section[] {
  const warnings = storedList(assessment, 'warnings');
  return warnings.length > 0
    ? [
        {
          heading: 'Check before relying on this',
          lines: warnings.map((w) => ({ text: w.text, citation: w.citation })),
        },
      ]
    : [];
}

/**
 * Threshold guidance: scope, the local and regulated thresholds and the Act, each line
 * with its citation. The `thresholds` command shows this alone.
 */
export function thresholdSections(assessment: Assessment, pack: PolicyPack): Section[] {
  return [
    ...warningSection(assessment),
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
  // Only a contract in scope and awarded competitively gets a weighting line (§2.2).
  const weightingSection: Section[] = weighting.applies
    ? [
        {
          heading: 'Award weighting',
          lines: [
            {
              text: `Up to ${weighting.max}${weighting.unit} of the award criteria must be on social value where there is a justification: from ${weighting.min}${weighting.unit} to ${weighting.max}${weighting.unit}, with the justification recorded above ${weighting.min}${weighting.unit}.`,
              citation: weighting.citation,
            },
            ...assessment.advice
              .filter((a) => a.rule === 'weighting')
              .slice(1)
              .map(lineOf),
          ],
        },
      ]
    : [];
  const setAside = (ids: string[]): Line[] =>
    storedList(assessment, 'setAside')
      .filter((item) => ids.includes(item.id))
      .map((item) => ({
        text: `Not for a direct award: ${item.text} ${item.why} [derived: ${item.derived.note}]`,
        citation: item.citation,
      }));
  const checkIds = pack.smallerProviders.checks.map((c) => c.id);
  const itemIds = pack.modernSlavery.items.map((i) => i.id);
  return [
    ...thresholdSections(assessment, pack),
    ...weightingSection,
    {
      heading: 'Smaller providers',
      lines: [
        ...assessment.smallerProviderChecks.flatMap((check) => [
          {
            text: check.directAward ? `${check.text} ${check.directAward}` : check.text,
            citation: check.citation,
          },
          ...(check.statutory
            ? [{ text: check.statutory.text, citation: check.statutory.citation }]
            : []),
        ]),
        ...setAside(checkIds),
      ],
    },
    {
      heading: 'Modern slavery',
      lines: [
        ...assessment.modernSlaveryItems.map((item) => ({
          text: item.directAward ? `${item.text} ${item.directAward}` : item.text,
          citation: item.citation,
        })),
        ...setAside(itemIds),
      ],
    },
    {
      heading: 'Also consider',
      lines: assessment.advice.filter((a) => a.rule !== 'weighting').map(lineOf),
    },
  ];
}
