import type { Element } from './inputs.js';
import { type AdaptiveCard, expand } from './render.js';
import template from './templates/form.json' with { type: 'json' };

export type Notice = { text: string; style: 'good' | 'warning' | 'attention' };

/**
 * What a record's form shows besides the record itself, on the stages card, a reminder and
 * the rating card alike: the values as typed on a refused submit, their errors, a notice.
 */
export interface FormState {
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
  notice?: Notice;
}

export interface FormView {
  /** The record the form is about, above the title. */
  subtitle: string;
  title: string;
  progress?: string;
  help?: string;
  citation?: string;
  notice?: Notice;
  errorSummary?: string;
  /** `emphasis` when the summary only asks follow-up questions: nothing was a mistake. */
  errorSummaryStyle?: 'attention' | 'emphasis';
  /** Elements shown first, above the questions: the verdict after the basics, the answers on the review. */
  lead?: Element[];
  /** The form's elements: inputs with their labels, help and errors. */
  body: Element[];
  actions: Record<string, unknown>[];
}

/** One template serves every card that asks: the wizard's steps, the stages, a supplier rating. */
export function formCard(view: FormView): AdaptiveCard {
  return expand(template, {
    subtitle: view.subtitle,
    title: view.title,
    progress: view.progress ?? '',
    help: view.help ?? '',
    citation: view.citation ?? '',
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'default',
    errorSummary: view.errorSummary ?? '',
    errorSummaryStyle: view.errorSummaryStyle ?? 'attention',
    lead: view.lead ?? [],
    inputs: view.body,
    actions: view.actions,
  });
}
