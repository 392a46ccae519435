import type { PolicyPack } from '../core/policy/index.js';
import type { Assessment, Reason, Warning } from '../core/rules/index.js';
import { formatDate, formatMoney } from './format.js';
import type { Line, Section } from './info.js';
import type { Element } from './inputs.js';
import { policyRef } from './policy-ref.js';

/**
 * A line with its paragraph. A derived one is the pack's reading, not the policy's words: it
 * says so in plain words, with its grounds ("Our reading of PCR 2015 reg 58(9): ...").
 */
const lineOf = (reason: {
  text: string;
  citation?: string;
  derived?: { from: string[]; note: string };
}): Line => ({
  text: reason.derived ? `${reason.text} ${ourReading(reason.derived)}` : reason.text,
  ...(reason.citation ? { citation: reason.citation } : {}),
});

/** A derived rule in plain words, with what it is read from. */
export const ourReading = (derived: { from: string[]; note: string }): string =>
  `(Our reading of ${derived.from.join(', ')}: ${derived.note})`;

/**
 * A record keeps its assessment as it was made: one made before warnings and set-aside items
 * existed has neither, and is shown without them.
 */
const storedList = <K extends 'warnings' | 'setAside'>(
  assessment: Assessment,
  key: K,
): Assessment[K] => (assessment as Partial<Assessment>)[key] ?? [];

/** The element a card toggles to show the policy lines; one per card. */
export const POLICY_LINES_ID = 'policyLines';

/**
 * The lines behind the verdict, each with its paragraph: only those that apply to this
 * contract, each once (a line two rules share is shown under the first).
 */
export function policySections(
  assessment: Assessment,
  pack: PolicyPack,
  options: { thresholdsOnly?: boolean } = {},
): Section[] {
  const { weighting } = assessment;
  // The key-provider rule is shown to a key provider only: to anyone else it says nothing.
  const keyRules = new Set(
    pack.scope.rules.filter((rule) => rule.kind === 'keyProvider').map((rule) => rule.id),
  );
  const scopeLines = assessment.scopeReasons.filter(
    (reason) => assessment.input.keyProvider || !keyRules.has(reason.rule),
  );
  const weightingLines = assessment.advice.filter((a) => a.rule === 'weighting');
  const warnings = storedList(assessment, 'warnings');
  const sections: Section[] = [
    { heading: 'Check before relying on this', lines: warnings.map(lineOf) },
    { heading: 'Scope', lines: scopeLines.map(lineOf) },
    { heading: 'Regulated threshold', lines: assessment.thresholdReasons.map(lineOf) },
    { heading: 'Social Value Act', lines: assessment.actReasons.map(lineOf) },
  ];
  if (!options.thresholdsOnly) {
    const setAside = (ids: string[]): Line[] =>
      storedList(assessment, 'setAside')
        .filter((item) => ids.includes(item.id))
        .map((item) =>
          lineOf({
            text: `Not for a direct award: ${item.text} ${item.why}`,
            citation: item.citation,
            derived: item.derived,
          }),
        );
    const withDirect = (item: { text: string; citation: string; directAward?: string }): Line =>
      lineOf({
        text: item.directAward ? `${item.text} ${item.directAward}` : item.text,
        citation: item.citation,
      });
    sections.push(
      // Only a contract in scope and awarded competitively has a weighting (the pack's rule).
      { heading: 'Award weighting', lines: weighting.applies ? weightingLines.map(lineOf) : [] },
      {
        heading: 'Smaller providers',
        lines: [
          ...assessment.smallerProviderChecks.flatMap((check) => [
            withDirect(check),
            ...(check.statutory ? [lineOf(check.statutory)] : []),
          ]),
          ...setAside(pack.smallerProviders.checks.map((c) => c.id)),
        ],
      },
      {
        heading: 'Modern slavery',
        lines: [
          ...assessment.modernSlaveryItems.map(withDirect),
          ...setAside(pack.modernSlavery.items.map((i) => i.id)),
          lineOf(pack.modernSlavery.statementTurnover),
        ],
      },
      {
        heading: 'Also consider',
        lines: assessment.advice.filter((a: Reason) => a.rule !== 'weighting').map(lineOf),
      },
    );
  }
  const seen = new Set<string>();
  return sections
    .map((section) => ({
      heading: section.heading,
      lines: section.lines.filter((line) => {
        if (seen.has(line.text)) return false;
        seen.add(line.text);
        return true;
      }),
    }))
    .filter((section) => section.lines.length > 0);
}

/**
 * A warning on the verdict, where it cannot be missed: a threshold that may be out of date in
 * full (it is about this contract), the policy's own review date in brief (it is about every
 * contract; the whole of it is in the policy lines).
 */
function warningInBrief(pack: PolicyPack, warning: Warning): string {
  switch (warning.code) {
    case 'review-date-unknown':
      return 'the policy’s review date is not recorded; ask procurement if it is current.';
    case 'review-overdue':
      return 'the policy’s review date has passed; ask procurement if it is current.';
    default:
      return `${warning.text} _(${policyRef(pack, warning.citation)})_`;
  }
}

/** The verdict in a few facts: scope, regulated, the Act, the weighting. */
function verdictFacts(assessment: Assessment, months?: number): { title: string; value: string }[] {
  const { input, regulatedThreshold: threshold, weighting } = assessment;
  const kind = input.lightTouch ? 'light-touch services' : assessment.element;
  const length = months === undefined ? '' : `, ${months} months`;
  const act = assessment.actApplies
    ? 'Applies'
    : assessment.element === 'services'
      ? 'Does not apply: below the regulated threshold'
      : `Does not apply: ${assessment.element}, not services`;
  const range =
    weighting.min > 0 ? `${weighting.min}% to ${weighting.max}%` : `Up to ${weighting.max}%`;
  return [
    {
      title: 'Your contract',
      value: `${formatMoney(input.value)} of ${kind}, starting ${formatDate(input.procurementStart)}${length}`,
    },
    {
      title: 'Policy scope',
      value: assessment.inScope
        ? 'In scope: seek social value outcomes'
        : 'Not in scope by value: outcomes are welcome, not required',
    },
    {
      title: 'Regulated',
      value: `${assessment.aboveRegulatedThreshold ? 'Yes: at or above' : 'No: below'} ${formatMoney(threshold.value)} (${threshold.basis})`,
    },
    { title: 'Social Value Act', value: act },
    {
      title: 'Award weighting',
      value: weighting.applies
        ? `${range}, with a justification`
        : assessment.input.competitive
          ? 'None: the contract is not in the policy’s scope'
          : 'None: the award is not competitive',
    },
  ];
}

export interface VerdictOptions {
  title: string;
  /** What to do next, in two or three short points. */
  next: string[];
  months?: number;
  thresholdsOnly?: boolean;
  /** Leave the policy lines off (the summary shows them behind its own toggle, with the answers). */
  hideLines?: boolean;
}

/**
 * The verdict first: a few facts and what to do next, with the lines behind them (each
 * with its paragraph) behind "Show the policy lines".
 */
export function verdictElements(
  assessment: Assessment,
  pack: PolicyPack,
  options: VerdictOptions,
): Element[] {
  const sections = policySections(assessment, pack, options);
  // A date missing or possibly out of date is shown first and in words, never behind a toggle.
  const warnings = storedList(assessment, 'warnings');
  return [
    {
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: options.title, weight: 'Bolder', wrap: true, style: 'heading' },
        ...(warnings.length > 0
          ? [
              {
                type: 'Container',
                style: 'warning',
                items: warnings.map((warning) => ({
                  type: 'TextBlock',
                  text: `**Check before relying on this:** ${warningInBrief(pack, warning)}`,
                  wrap: true,
                })),
              },
            ]
          : []),
        { type: 'FactSet', facts: verdictFacts(assessment, options.months) },
        ...(options.next.length > 0
          ? [
              {
                type: 'TextBlock',
                text: `**Next:** ${options.next.join(' ')}`,
                wrap: true,
              },
            ]
          : []),
        ...(options.hideLines ? [] : policyLinesToggle(pack, sections)),
      ],
    },
  ];
}

/** "Show the policy lines", and the lines it shows. */
function policyLinesToggle(pack: PolicyPack, sections: Section[]): Element[] {
  return [
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: 'Show the policy lines',
          targetElements: [POLICY_LINES_ID],
        },
      ],
    },
    hiddenSections(pack, POLICY_LINES_ID, sections),
  ];
}

/** What a wizard's officer does next, after the basics. */
export function wizardNext(assessment: Assessment): string[] {
  return [
    'why and who to consult, outcomes and targets,',
    assessment.weighting.applies ? 'smaller providers, modern slavery.' : 'modern slavery.',
  ];
}

/**
 * Sections of cited lines in a container hidden until a toggle shows it: the policy lines
 * behind the verdict, every answer behind the summary.
 */
export function hiddenSections(
  pack: Pick<PolicyPack, 'citationReadings'>,
  id: string,
  sections: Section[],
): Element {
  return {
    type: 'Container',
    id,
    isVisible: false,
    items: sections.flatMap((section) => [
      {
        type: 'TextBlock',
        text: section.heading,
        weight: 'Bolder',
        wrap: true,
        style: 'heading',
      },
      ...section.lines.map((line) => ({
        type: 'TextBlock',
        text: line.citation ? `${line.text} _(${policyRef(pack, line.citation)})_` : line.text,
        wrap: true,
        spacing: 'Small',
      })),
    ]),
  };
}
