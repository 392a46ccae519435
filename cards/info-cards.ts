import type { PolicyPack } from '../core/policy/index.js';
import type { Assessment } from '../core/rules/index.js';
import { button } from './actions.js';
import { COMMANDS } from './commands.js';
import { countInWords, formatDate, formatMoney } from './format.js';
import { ourReading, verdictElements } from './guidance.js';
import { infoCard, type Section } from './info.js';
import { policyRef } from './policy-ref.js';
import type { AdaptiveCard } from './render.js';

const commandSection: Section = {
  heading: 'Commands',
  lines: COMMANDS.map((command) => ({ text: `**${command.usage}**: ${command.description}` })),
};

const startButton = button(
  'Start a commissioning exercise',
  { verb: 'command', text: 'new' },
  'positive',
);

export function welcomeCard(pack: PolicyPack): AdaptiveCard {
  return infoCard({
    title: 'Social value commissioning assistant',
    intro: `I help you apply the ${pack.name} at the start of every commissioning exercise: I ask the pre-commissioning questions, show the thresholds, weighting and themes that apply with the paragraph each comes from, and keep each exercise as a record you can come back to.`,
    sections: [commandSection],
    actions: [startButton, button('My records', { verb: 'command', text: 'list' })],
  });
}

/** Help; with the text the bot did not understand, a short version that says so. */
export function helpCard(unknownText?: string): AdaptiveCard {
  return infoCard({
    title: unknownText === undefined ? 'What I can do' : 'I did not understand that',
    ...(unknownText === undefined
      ? {}
      : {
          notice: `"${unknownText.slice(0, 80)}" is not a command. Type one of the commands below.`,
          noticeStyle: 'warning' as const,
        }),
    sections: [commandSection],
    actions: [startButton],
  });
}

export function themesCard(pack: PolicyPack): AdaptiveCard {
  return infoCard({
    // The count is the pack's: another force's policy may have four themes, or six.
    title: `The ${countInWords(pack.themes.length)} social value themes`,
    intro:
      'Outcomes may come from any of these themes. Each measure is something a supplier can commit to, with a target you set.',
    sections: pack.themes.map((theme) => ({
      heading: `${theme.id}. ${theme.name}`,
      lines: [
        { text: theme.aim, citation: theme.citation },
        ...pack.framework.measures
          .filter((measure) => measure.theme === theme.id)
          .map((measure) => ({
            text: `• ${measure.text} (${measure.unit.label})${measure.derived ? ` (our reading of the policy: not listed in ${policyRef(pack, pack.framework.citation)})` : ''}`,
            citation: measure.citation,
          })),
      ],
    })),
    // Which theme each example and measure serves is the pack's reading, and says so.
    notice: `${pack.themeLinks.text} ${ourReading(pack.themeLinks.derived)}`,
    noticeStyle: 'default',
  });
}

/** The `thresholds` command answers in the verdict's shape: the facts first, the lines behind a toggle. */
export function thresholdsCard(
  pack: PolicyPack,
  assessment: Assessment,
  today: string,
): AdaptiveCard {
  const { input } = assessment;
  const kind = input.lightTouch ? 'light-touch services' : assessment.element;
  return infoCard({
    title: `Thresholds: ${kind}, ${formatMoney(input.value)}`,
    intro: `For a procurement starting today, ${formatDate(today)}, not with a key provider and awarded competitively.`,
    lead: verdictElements(assessment, pack, {
      title: 'What the policy says',
      next: ['Type **new** (or press the button) for guidance on your own contract.'],
      thresholdsOnly: true,
    }),
    actions: [startButton],
  });
}

/** A short message card: something went wrong, or something was not found. */
export function messageCard(
  title: string,
  text: string,
  style: 'warning' | 'attention' | 'good' = 'warning',
): AdaptiveCard {
  return infoCard({ title, notice: text, noticeStyle: style });
}
