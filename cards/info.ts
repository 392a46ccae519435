import type { button } from './actions.js';
import { type AdaptiveCard, expand } from './render.js';
import template from './templates/info.json' with { type: 'json' };

/** A line of guidance and the paragraph or source it comes from. */
export interface Line {
  text: string;
  citation?: string;
}

export interface Section {
  heading: string;
  lines: Line[];
}

export interface InfoView {
  title: string;
  intro?: string;
  /** A short message above everything else, such as a warning. */
  notice?: string;
  noticeStyle?: 'default' | 'warning' | 'attention' | 'good';
  facts?: { title: string; value: string }[];
  sections?: Section[];
  /** Elements shown after the facts, such as a verdict or a toggled block. */
  lead?: Record<string, unknown>[];
  actions?: ReturnType<typeof button>[];
}

/** One template serves every card that informs: welcome, help, themes, policy, thresholds, lists. */
export function infoCard(view: InfoView): AdaptiveCard {
  return expand(template, {
    intro: '',
    notice: '',
    noticeStyle: 'default',
    facts: [],
    lead: [],
    actions: [],
    ...view,
    sections: (view.sections ?? []).map((section) => ({
      heading: section.heading,
      lines: section.lines.map((line) => ({ text: line.text, citation: line.citation ?? '' })),
    })),
  });
}
