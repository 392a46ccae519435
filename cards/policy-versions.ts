import { addDays } from '../core/common/dates.js';
import type { PolicyPack } from '../core/policy/index.js';
import type { ItemGroup, PolicyDifference } from '../core/record/index.js';
import type { PolicyStatus } from '../core/rules/index.js';
import { button } from './actions.js';
import { formatDate, formatMoney } from './format.js';
import { infoCard, type Line } from './info.js';
import type { AdaptiveCard } from './render.js';

/** The verbs of the buttons these cards carry; the bot routes them. */
export const POLICY_VERBS = { reassess: 'reassess' } as const;

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const range = (r: { min: number; max: number }): string =>
  r.min === r.max ? `${r.max}%` : `${r.min}% to ${r.max}%`;
const money = (value: number | undefined): string =>
  value === undefined ? 'none' : formatMoney(value);
const GROUP: Record<ItemGroup, string> = {
  'smaller-providers': 'smaller providers',
  'modern-slavery': 'modern slavery',
};

/** One change, as the officer reads it: what it was, and what it is now. */
export function differenceLine(difference: PolicyDifference): Line {
  switch (difference.kind) {
    case 'scope-threshold':
      return {
        text: `The policy's own threshold for this contract: ${money(difference.from)} before, ${money(difference.to)} now.`,
      };
    case 'regulated-threshold':
      return {
        text: `The regulated threshold for this contract: ${formatMoney(difference.from)} before, ${formatMoney(difference.to)} now.`,
      };
    case 'in-scope':
      return {
        text: `In the policy's scope: ${yesNo(difference.from)} before, ${yesNo(difference.to)} now.`,
      };
    case 'regulated':
      return {
        text: `A regulated procurement: ${yesNo(difference.from)} before, ${yesNo(difference.to)} now.`,
      };
    case 'act-applies':
      return {
        text: `The Social Value Act applies: ${yesNo(difference.from)} before, ${yesNo(difference.to)} now.`,
      };
    case 'weighting':
      return {
        text: `The weighting allowed on social value: ${range(difference.from)} before, ${range(difference.to)} now.`,
      };
    case 'item-added':
      return {
        text: `New ${GROUP[difference.group]} item to plan: ${difference.text}`,
        citation: difference.citation,
      };
    case 'item-removed':
      return {
        text: `No longer asked (${GROUP[difference.group]}): ${difference.text}`,
        citation: difference.citation,
      };
    case 'item-changed':
      return {
        text: `Reworded ${GROUP[difference.group]} item: ${difference.text} (before: ${difference.before})`,
        citation: difference.citation,
      };
    case 'measure-removed':
      return {
        text: `Your outcome "${difference.text}" is no longer a measure of the policy: choose another (type **open**, then Change the outcomes).`,
      };
    case 'measure-changed':
      return {
        text: `Your outcome's measure now reads "${difference.text}" (before: "${difference.before}").`,
      };
  }
}

/** Shown to a record's owner once a newer version of the policy is in force than the one it was assessed under. */
export function policyUpdateCard(input: {
  reference: string;
  revision: number;
  assessedUnder: string;
  inForce: PolicyPack;
}): AdaptiveCard {
  const { inForce } = input;
  return infoCard({
    title: `${input.reference}: a newer policy is in force`,
    notice: `Assessed under ${input.assessedUnder}; ${inForce.version} is now in force${inForce.inForceFrom ? ` (since ${formatDate(inForce.inForceFrom)})` : ''}.`,
    noticeStyle: 'warning',
    intro: `Reassess to see what ${inForce.version} changes for this record: its thresholds, the items to plan and your outcomes' measures. Nothing you answered is lost, and the history keeps both.`,
    actions: [
      button(`Reassess under ${inForce.version}`, {
        verb: POLICY_VERBS.reassess,
        reference: input.reference,
        revision: input.revision,
      }),
    ],
  });
}

/** What a reassessment changed for the record, kept in its history too. */
export function reassessedCard(input: {
  reference: string;
  from: string;
  to: PolicyPack;
  differences: readonly PolicyDifference[];
}): AdaptiveCard {
  const { differences } = input;
  return infoCard({
    title: `${input.reference} reassessed under ${input.to.version}`,
    notice:
      differences.length === 0
        ? `Nothing that applies to this record changed between ${input.from} and ${input.to.version}. It now names ${input.to.version}.`
        : `What changed for this record between ${input.from} and ${input.to.version}, now kept in its history:`,
    noticeStyle: 'good',
    ...(differences.length === 0
      ? {}
      : { sections: [{ heading: 'What changed', lines: differences.map(differenceLine) }] }),
    actions: [button('Open the record', { verb: 'command', text: `open ${input.reference}` })],
  });
}

/** Why a record cannot be reassessed now, in words that say what to do. */
export type ReassessRefusal =
  | { kind: 'not-owner' }
  | { kind: 'up-to-date'; version: string }
  | { kind: 'cannot-assess'; version: string };

export function reassessRefusalCard(reference: string, refusal: ReassessRefusal): AdaptiveCard {
  switch (refusal.kind) {
    case 'not-owner':
      return infoCard({
        title: `${reference} was not reassessed`,
        notice: 'Only the record’s owner can reassess it under a newer policy.',
        noticeStyle: 'warning',
      });
    case 'up-to-date':
      return infoCard({
        title: `${reference} is up to date`,
        notice: `It is already assessed under ${refusal.version}, the version in force.`,
        noticeStyle: 'good',
      });
    case 'cannot-assess':
      return infoCard({
        title: `${reference} was not reassessed`,
        notice: `Its answers cannot be assessed under ${refusal.version}: the thresholds it lists do not cover the procurement's start date. Check the start date (type **open ${reference}**), then reassess.`,
        noticeStyle: 'attention',
      });
  }
}

/** The `policy` command: the version in force, the others the deployment holds, and the review. */
export function policyCard(input: {
  pack: PolicyPack;
  status: PolicyStatus;
  versions: readonly PolicyPack[];
}): AdaptiveCard {
  const { pack, status, versions } = input;
  const warning = status.warnings[0];
  // Versions are earliest first: each earlier one was in force until the day before the next.
  const until = (v: PolicyPack): string | undefined => {
    const next = versions[versions.indexOf(v) + 1]?.inForceFrom;
    return next === undefined ? undefined : formatDate(addDays(next, -1));
  };
  const review = (v: PolicyPack) => (v.reviewDue ? `; review due ${formatDate(v.reviewDue)}` : '');
  const earlier = versions.slice(0, Math.max(0, versions.indexOf(pack)));
  const later = versions.slice(versions.indexOf(pack) + 1);
  const earlierLine = (v: PolicyPack): Line => ({
    text: `**${v.version}**: in force ${v.inForceFrom ? `from ${formatDate(v.inForceFrom)} ` : ''}until ${until(v) ?? 'it was replaced'}`,
  });
  const laterLine = (v: PolicyPack): Line => ({
    text: `**${v.version}**: takes effect on ${v.inForceFrom ? formatDate(v.inForceFrom) : 'a day not set'}${review(v)}`,
  });
  return infoCard({
    title: 'The policy in force',
    ...(warning ? { notice: warning.text, noticeStyle: 'attention' as const } : {}),
    facts: [
      { title: 'Policy', value: status.name },
      { title: 'Version in force', value: status.version },
      ...(pack.inForceFrom
        ? [{ title: 'In force since', value: formatDate(pack.inForceFrom) }]
        : []),
      {
        title: 'Document date',
        value: pack.document.adopted
          ? `Adopted ${formatDate(pack.document.adopted)}`
          : 'The policy document carries no date',
      },
      {
        title: 'Review due',
        value: status.reviewDue === null ? 'Not recorded' : formatDate(status.reviewDue),
      },
    ],
    sections: [
      ...(earlier.length > 0
        ? [{ heading: 'Earlier versions', lines: earlier.map(earlierLine) }]
        : []),
      ...(later.length > 0 ? [{ heading: 'Coming into force', lines: later.map(laterLine) }] : []),
      {
        heading: 'Review',
        lines: [
          {
            text: `${pack.reviewCycle} Each record keeps the version it was assessed under, and its owner can reassess it once a newer one is in force.`,
            citation: pack.reviewCitation,
          },
        ],
      },
    ],
  });
}
