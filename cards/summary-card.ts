import {
  type Answers,
  applicableSlaveryItems,
  excerpt,
  numberAnswer,
  plannedSlaveryItems,
  type Questionnaire,
  riskInputFrom,
  textAnswer,
} from '../core/flow/index.js';
import { type CommissioningRecord, ratingRefusal, stagesOf } from '../core/record/index.js';
import { rateModernSlaveryRisk } from '../core/rules/index.js';
import { button } from './actions.js';
import { answersByStep } from './answer-text.js';
import { formatDate, formatDay } from './format.js';
import { hiddenSections, ourReading, policySections, verdictElements } from './guidance.js';
import { infoCard, type Section } from './info.js';
import type { Element } from './inputs.js';
import { KPI_VERBS } from './kpi-card.js';
import { RATING_VERBS } from './rating-card.js';
import type { AdaptiveCard } from './render.js';
import { STAGE_VERBS } from './stage-inputs.js';
import { stageStatusLines } from './stages-card.js';

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The element the summary toggles to show every answer and every cited line; one per card. */
const FULL_RECORD_ID = 'fullRecord';

/** The stages with dates: the next three due, or where to set them before the award. */
function stagesText(flow: Questionnaire, record: CommissioningRecord): string {
  if (!record.stages) {
    return `${flow.pack.stages.length} stages. Record the award under Stages and reminders to date the reviews.`;
  }
  const due = stagesOf(record, flow.pack)
    .filter((stage) => !stage.done && stage.due !== undefined)
    .sort((a, b) => String(a.due).localeCompare(String(b.due)))
    .slice(0, 3)
    .map((stage) => {
      const name = flow.pack.stages.find((s) => s.number === stage.number)?.name ?? '';
      return `${stage.number}. ${name}, due ${formatDate(stage.due ?? '')}`;
    });
  return due.length > 0 ? due.join('; ') : 'No stage has a due date yet.';
}

/** The KPIs in brief: each name, the most material marked; or why there are none. */
function kpiFacts(record: CommissioningRecord): { title: string; value: string }[] {
  const set = record.kpis;
  if (!set) return [];
  const names = set.kpis.map((k) => `${k.name}${k.mostMaterial ? ' (most material)' : ''}`);
  return [
    {
      title: 'KPIs',
      value:
        names.length > 0 ? names.join('; ') : `None: ${excerpt(set.notAppropriate ?? '', 120)}`,
    },
  ];
}

/** The plan in a few facts: outcomes, weighting, stages, modern slavery. */
function planFacts(
  flow: Questionnaire,
  record: CommissioningRecord,
  answers: Answers,
): { title: string; value: string }[] {
  const outcomes = answersByStep(flow, record)
    .filter(({ step }) => step.id === 'targets')
    .flatMap((step) => step.answers.map((answer) => answer.text));
  const weighting = numberAnswer(answers, 'weighting');
  const risk = rateModernSlaveryRisk(flow.pack, riskInputFrom(answers));
  const planned = plannedSlaveryItems(flow.pack, answers).map((item) => item.id);
  const all = applicableSlaveryItems(flow.pack, answers).length;
  const reason = textAnswer(answers, 'mssNotPlannedReason');
  return [
    ...(outcomes.length > 0 ? [{ title: 'Outcomes and targets', value: outcomes.join('; ') }] : []),
    ...(weighting === undefined
      ? []
      : [
          {
            title: 'Weighting chosen',
            value: `${weighting}% of the award criteria on social value`,
          },
        ]),
    ...kpiFacts(record),
    { title: 'Stages', value: stagesText(flow, record) },
    // The rating is the pack's own rule, not the Statement's words: it says so.
    ...(risk.ok
      ? [{ title: 'Modern slavery risk', value: `${capitalised(risk.value.level)} (our reading)` }]
      : []),
    {
      title: 'Modern slavery items planned',
      value:
        planned.length === 0
          ? 'None'
          : `${planned.length === all ? 'All' : `${planned.length} of ${all}`}: ${planned.join(', ')}${reason ? `; why not the others: ${excerpt(reason, 120)}` : ''}`,
    },
  ];
}

/** Every answer and every cited line, behind the toggle. */
function fullRecord(flow: Questionnaire, record: CommissioningRecord): Element[] {
  const risk = rateModernSlaveryRisk(flow.pack, riskInputFrom(record.draft.answers));
  const sections: Section[] = [
    ...answersByStep(flow, record).map(({ step, answers }) => ({
      heading: step.title,
      lines: answers.map((answer) => ({ text: `**${answer.label}** ${answer.text}` })),
    })),
    ...(risk.ok
      ? [
          {
            heading: `Modern slavery risk: ${risk.value.level} (our reading of the guidance)`,
            lines: risk.value.reasons.map((r) => ({
              text: r.derived ? `${r.text} ${ourReading(r.derived)}` : r.text,
              citation: r.citation,
            })),
          },
        ]
      : []),
    ...(record.assessment ? policySections(record.assessment, flow.pack) : []),
    record.stages
      ? { heading: 'Where the stages stand', lines: stageStatusLines(flow.pack, record) }
      : {
          heading: 'The procurement stages and their social value actions',
          lines: flow.pack.stages.map((stage) => ({
            text: `${stage.number}. ${stage.name}${stage.action ? `: ${stage.action}` : ''}`,
            citation: stage.citation,
          })),
        },
  ];
  return [
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: 'Show every answer and the policy lines',
          targetElements: [FULL_RECORD_ID],
        },
      ],
    },
    hiddenSections(flow.pack, FULL_RECORD_ID, sections),
  ];
}

/**
 * The end of the wizard, on one screen: the verdict, then the plan (outcomes and targets,
 * weighting, stages, modern slavery). Every answer and the cited guidance sit behind a toggle.
 */
export function summaryCard(
  flow: Questionnaire,
  record: CommissioningRecord,
  notice?: string,
): AdaptiveCard {
  const { answers } = record.draft;
  const months = answers.contractMonths;
  const complete = record.status === 'complete';
  return infoCard({
    title: `${record.id}: ${record.title}`,
    ...(notice ? { notice, noticeStyle: 'good' as const } : {}),
    intro: complete
      ? `Pre-commissioning is complete (${record.owner.name}, ${formatDay(record.updatedAt)}; policy version ${record.policy.version}).`
      : 'Pre-commissioning is not finished yet.',
    lead: [
      ...(record.assessment
        ? verdictElements(record.assessment, flow.pack, {
            title: 'The verdict',
            next: [],
            hideLines: true,
            ...(typeof months === 'number' ? { months } : {}),
          })
        : []),
      { type: 'TextBlock', text: 'The plan', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'FactSet', facts: planFacts(flow, record, answers) },
      ...fullRecord(flow, record),
    ],
    actions: [
      ...(complete
        ? [
            button('Stages and reminders', { verb: STAGE_VERBS.show, reference: record.id }),
            ...(record.kpis && record.kpis.kpis.length > 0
              ? [
                  button('Contract details notice', {
                    verb: KPI_VERBS.notice,
                    reference: record.id,
                  }),
                ]
              : []),
            // Offered once the supplier can be rated, as on the stages card: after the award.
            ...(ratingRefusal(record, flow.pack) === undefined
              ? [button('Rate the supplier', { verb: RATING_VERBS.show, reference: record.id })]
              : []),
          ]
        : []),
      button('My records', { verb: 'command', text: 'list' }),
    ],
  });
}
