import {
  type Answers,
  type AnswerValue,
  activeSteps,
  CARD_LIMITS,
  excerpt,
  type Questionnaire,
  type ShownQuestion,
  type Step,
  targetsAnswer,
  visibleQuestions,
} from '../core/flow/index.js';
import type { CommissioningRecord } from '../core/record/index.js';
import { formatDate, formatMoney } from './format.js';

/** A target with its unit: 25%, 40 days, 3 (a count needs no unit). */
export function targetText(
  target: number,
  unit: { kind: string; label: string } | undefined,
): string {
  if (!unit || unit.kind === 'count') return String(target);
  return unit.kind === 'percent' ? `${target}%` : `${target} ${unit.label}`;
}

/** An answer as an officer reads it: "1 April 2026", "£250,000", "Yes". */
export function answerText(
  question: ShownQuestion,
  value: AnswerValue | undefined,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  switch (question.kind) {
    case 'yesNo':
    case 'tick':
      return value === true ? 'Yes' : 'No';
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'number':
      // 10%, but 36 months.
      return `${value}${question.unit === '%' ? '%' : question.unit ? ` ${question.unit}` : ''}`;
    case 'choice':
      return question.choices.find((choice) => choice.id === value)?.label ?? String(value);
    case 'multiChoice': {
      const ids = Array.isArray(value) ? value.map(String) : [String(value)];
      const labels = ids.map(
        (id) => question.choices.find((choice) => choice.id === id)?.label ?? id,
      );
      // Labels that are sentences lose their full stop, so that the list reads "a; b".
      return labels.length === 0 ? undefined : labels.map((l) => l.replace(/\.$/, '')).join('; ');
    }
    case 'measureTargets':
      return undefined;
    case 'text':
    case 'longText':
      // The whole answer stays in the record; the card shows its start, or it outgrows Teams.
      return excerpt(String(value), CARD_LIMITS.summaryAnswer);
  }
}

/** Each chosen outcome with its target, as an officer reads it. */
export function outcomeTexts(
  question: Extract<ShownQuestion, { kind: 'measureTargets' }>,
  answers: Answers,
): string[] {
  return targetsAnswer(answers, question.id).map((target) => {
    const measure = question.measures.find((m) => m.id === target.measureId);
    const goal =
      target.target === undefined
        ? 'a commitment'
        : `target ${targetText(target.target, measure?.unit)}`;
    const tests = Object.values(target.tests).every(Boolean)
      ? ''
      : ' (the three tests not yet met)';
    return `${measure?.label ?? target.measureId}: ${goal}${tests}`;
  });
}

export interface StepAnswers {
  step: Step;
  answers: { label: string; text: string }[];
}

/** Every answer of the record, step by step, as the review and the summary show them. */
export function answersByStep(flow: Questionnaire, record: CommissioningRecord): StepAnswers[] {
  const { answers } = record.draft;
  return activeSteps(flow, answers).flatMap((step) => {
    const shown = visibleQuestions(flow, record.draft, step.id).flatMap((question) => {
      if (question.kind === 'measureTargets') {
        return outcomeTexts(question, answers).map((text, index) => ({
          label: index === 0 ? (question.short ?? 'Outcomes') : '',
          text,
        }));
      }
      if (question.listed === false) return [];
      const text = answerText(question, answers[question.id]);
      return text === undefined ? [] : [{ label: question.short ?? question.label, text }];
    });
    return shown.length === 0 ? [] : [{ step, answers: shown }];
  });
}
