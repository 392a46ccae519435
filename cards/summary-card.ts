import {
  type Answers,
  type AnswerValue,
  activeSteps,
  CARD_LIMITS,
  excerpt,
  type Questionnaire,
  riskInputFrom,
  type ShownQuestion,
  targetsAnswer,
  visibleQuestions,
} from '../core/flow/index.js';
import type { CommissioningRecord } from '../core/record/index.js';
import { rateModernSlaveryRisk } from '../core/rules/index.js';
import { button } from './actions.js';
import { formatDate, formatDay, formatMoney } from './format.js';
import { guidanceSections } from './guidance.js';
import { infoCard, type Line, type Section } from './info.js';
import { RATING_VERBS } from './rating-card.js';
import type { AdaptiveCard } from './render.js';
import { STAGE_VERBS } from './stage-inputs.js';
import { stageStatusLines } from './stages-card.js';

/** A target with its unit: 25%, 40 days, 3 (a count needs no unit). */
function targetText(target: number, unit: { kind: string; label: string } | undefined): string {
  if (!unit || unit.kind === 'count') return String(target);
  return unit.kind === 'percent' ? `${target}%` : `${target} ${unit.label}`;
}

/** An answer as an officer reads it. */
export function answerText(
  question: ShownQuestion,
  value: AnswerValue | undefined,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  switch (question.kind) {
    case 'yesNo':
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
    default:
      return String(value);
  }
}

function outcomeLines(
  question: Extract<ShownQuestion, { kind: 'measureTargets' }>,
  answers: Answers,
): Line[] {
  return targetsAnswer(answers, question.id).map((target) => {
    const measure = question.measures.find((m) => m.id === target.measureId);
    const goal =
      target.target === undefined
        ? 'commitment'
        : `target ${targetText(target.target, measure?.unit)}`;
    const tests = Object.values(target.tests).every(Boolean)
      ? '; the three tests of §2.1 confirmed'
      : '';
    return {
      text: `${measure?.label ?? target.measureId}: ${goal}${tests}`,
      ...(measure ? { citation: measure.citation } : {}),
    };
  });
}

function answerSections(flow: Questionnaire, record: CommissioningRecord): Section[] {
  const { answers } = record.draft;
  return activeSteps(flow, answers).flatMap((step) => {
    const lines = visibleQuestions(flow, record.draft, step.id).flatMap((question): Line[] => {
      if (question.kind === 'measureTargets') return outcomeLines(question, answers);
      const text = answerText(question, answers[question.id]);
      return text === undefined
        ? []
        : [
            {
              text: `**${question.label}** ${text}`,
              ...(question.citation ? { citation: question.citation } : {}),
            },
          ];
    });
    return lines.length === 0 ? [] : [{ heading: step.title, lines }];
  });
}

function riskSection(flow: Questionnaire, answers: Answers): Section[] {
  const rating = rateModernSlaveryRisk(flow.pack, riskInputFrom(answers));
  if (!rating.ok) return [];
  return [
    {
      heading: `Modern slavery risk: ${rating.value.level} (by the pack's own rule, derived)`,
      lines: rating.value.reasons.map((reason) => ({
        text: reason.text,
        citation: reason.citation,
      })),
    },
  ];
}

function stageSection(flow: Questionnaire, record: CommissioningRecord): Section {
  if (record.stages) {
    return { heading: 'Where the stages stand', lines: stageStatusLines(flow.pack, record) };
  }
  return {
    heading: 'The procurement stages and their social value actions',
    lines: flow.pack.stages.map((stage) => ({
      text: `${stage.number}. ${stage.name}${stage.action ? `: ${stage.action}` : ''}${stage.review ? ' (review stage: reminders once due dates are set)' : ''}`,
      citation: stage.citation,
    })),
  };
}

/** The end of the wizard: the assessment, every answer, the outcomes and targets, the stages. */
export function summaryCard(
  flow: Questionnaire,
  record: CommissioningRecord,
  notice?: string,
): AdaptiveCard {
  const { answers } = record.draft;
  const value = answers.value;
  return infoCard({
    title: `${record.id}: ${record.title}`,
    ...(notice ? { notice, noticeStyle: 'good' as const } : {}),
    intro:
      record.status === 'complete'
        ? 'Pre-commissioning is complete. This is the record as saved; every line cites the paragraph it comes from.'
        : 'Pre-commissioning is not finished yet.',
    facts: [
      { title: 'Reference', value: record.id },
      { title: 'Owner', value: record.owner.name },
      { title: 'Status', value: record.status === 'complete' ? 'Complete' : 'In progress' },
      ...(typeof value === 'number'
        ? [{ title: 'Estimated value', value: formatMoney(value) }]
        : []),
      { title: 'Policy version', value: `${record.policy.version} (${record.policy.id})` },
      { title: 'Last changed', value: formatDay(record.updatedAt) },
    ],
    sections: [
      ...(record.assessment ? guidanceSections(record.assessment, flow.pack) : []),
      ...answerSections(flow, record),
      ...riskSection(flow, answers),
      stageSection(flow, record),
    ],
    actions: [
      ...(record.status === 'complete'
        ? [
            button('Stages and reminders', { verb: STAGE_VERBS.show, reference: record.id }),
            button('Rate the supplier', { verb: RATING_VERBS.show, reference: record.id }),
          ]
        : []),
      button('My records', { verb: 'command', text: 'list' }),
    ],
  });
}
