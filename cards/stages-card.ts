import { addMonths } from '../core/common/dates.js';
import { RECORD_TEXT_LIMITS } from '../core/flow/index.js';
import type { PolicyPack } from '../core/policy/index.js';
import {
  assessmentDueDates,
  type CommissioningRecord,
  nextAssessmentDue,
  notAwardedProblem,
  ratingRefusal,
  SNOOZE_DAYS,
  stagesOf,
} from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { DELIVERY_VERBS } from './delivery-card.js';
import { type FormState, formCard } from './form.js';
import { formatDate } from './format.js';
import type { Line } from './info.js';
import { type Element, errorBlock } from './inputs.js';
import { KPI_VERBS } from './kpi-card.js';
import { assessmentDueText, assessmentLine, PERFORMANCE_VERBS } from './performance-card.js';
import { errorSummary } from './post-award-words.js';
import type { AdaptiveCard } from './render.js';
import { CONTRACT_INPUTS, STAGE_VERBS, stageInputIds } from './stage-inputs.js';

/** Where each stage stands, in words: done, due, or not planned yet. */
export function stageStatusLines(
  pack: PolicyPack,
  record: CommissioningRecord,
  today?: string,
): Line[] {
  return stagesOf(record, pack).map((progress) => {
    const stage = pack.stages.find((s) => s.number === progress.number);
    const last = progress.completions.at(-1);
    const status = progress.done
      ? `done ${formatDate(last?.on ?? '')}`
      : progress.due
        ? `${today !== undefined && progress.due < today ? 'overdue since' : 'due'} ${formatDate(progress.due)}${last ? `; last done ${formatDate(last.on)}` : ''}`
        : 'no due date';
    return {
      text: `**${progress.number}. ${stage?.name ?? ''}**${stage?.review ? ' (review stage)' : ''}: ${status}`,
      ...(stage ? { citation: stage.citation } : {}),
    };
  });
}

/** The contract length: as awarded, else as the wizard's first card gave it. */
function monthsOf(record: CommissioningRecord): string | undefined {
  if (record.contract) return String(record.contract.months);
  const answered = record.draft.answers.contractMonths;
  return typeof answered === 'number' || typeof answered === 'string'
    ? String(answered)
    : undefined;
}

/** "11 to 13", "11 and 12" or "13": the pack's review stages, in words. */
function stageRange(numbers: number[]): string {
  const first = numbers[0];
  const last = numbers.at(-1);
  if (first === undefined || last === undefined) return '';
  if (numbers.length === 1) return String(first);
  if (numbers.length === 2) return `${first} and ${last}`;
  return last - first === numbers.length - 1 ? `${first} to ${last}` : numbers.join(', ');
}

function contractElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  state: FormState,
): Element[] {
  const reviews = pack.stages.filter((s) => s.review).map((s) => s.number);
  const values = state.values ?? {};
  const errors = { errors: state.errors ?? {}, values };
  const value = (key: string, fallback: string | undefined) => {
    const typed = values[key] ?? fallback;
    return typed === undefined ? {} : { value: typed };
  };
  return [
    { type: 'TextBlock', text: 'The award', weight: 'Bolder', wrap: true, style: 'heading' },
    {
      type: 'TextBlock',
      text: `The award date and contract length give the review stages (${stageRange(reviews)}) their default due dates.`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
    },
    {
      type: 'Input.Date',
      id: CONTRACT_INPUTS.awardDate,
      label: 'Award date',
      ...value(CONTRACT_INPUTS.awardDate, record.contract?.awardDate),
    },
    ...errorBlock(CONTRACT_INPUTS.awardDate, errors),
    {
      type: 'Input.Number',
      id: CONTRACT_INPUTS.months,
      label: 'Contract length in months',
      // No `min`: a client that enforces it would refuse or change 0 without a word; the bot
      // says what to type instead.
      ...value(CONTRACT_INPUTS.months, monthsOf(record)),
    },
    ...errorBlock(CONTRACT_INPUTS.months, errors),
    {
      type: 'Input.Text',
      id: CONTRACT_INPUTS.supplier,
      label: 'Supplier (optional)',
      maxLength: RECORD_TEXT_LIMITS.supplier,
      ...value(CONTRACT_INPUTS.supplier, record.contract?.supplier),
    },
    ...errorBlock(CONTRACT_INPUTS.supplier, errors),
    {
      type: 'ActionSet',
      actions: [
        button('Set the award', { verb: STAGE_VERBS.setContract, ...recordCardData(record) }),
      ],
    },
  ];
}

function stageElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
  state: FormState,
): Element[] {
  const values = state.values ?? {};
  const errors = { errors: state.errors ?? {}, values };
  const lines = stageStatusLines(pack, record, today);
  return stagesOf(record, pack).flatMap((progress, index) => {
    const stage = pack.stages.find((s) => s.number === progress.number);
    const input = stageInputIds(progress.number);
    const line = lines[index];
    const typed = (key: string, fallback?: string) => {
      const shown = values[key] ?? fallback;
      return shown === undefined ? {} : { value: shown };
    };
    return [
      {
        type: 'Container',
        separator: true,
        items: [
          {
            type: 'TextBlock',
            text: line ? `${line.text} _(${line.citation ?? ''})_` : '',
            wrap: true,
          },
          ...(stage?.action
            ? [
                {
                  type: 'TextBlock',
                  text: stage.action,
                  wrap: true,
                  isSubtle: true,
                  spacing: 'None',
                },
              ]
            : []),
          // The error itself is shown beside its field, inside "Update stage N", which the
          // card shows closed: this line says which stage to open.
          ...(state.errors?.[input.due] ||
          state.errors?.[input.doneOn] ||
          state.errors?.[input.note]
            ? [
                {
                  type: 'TextBlock',
                  text: `Check the ${state.errors?.[input.note] ? 'note' : 'date'} under "Update stage ${progress.number}".`,
                  color: 'Attention',
                  weight: 'Bolder',
                  wrap: true,
                  spacing: 'None',
                },
              ]
            : []),
          {
            type: 'ActionSet',
            actions: [
              {
                type: 'Action.ShowCard',
                title: `Update stage ${progress.number}`,
                card: {
                  type: 'AdaptiveCard',
                  body: [
                    {
                      type: 'Input.Date',
                      id: input.due,
                      label: 'Due date',
                      ...typed(input.due, progress.due),
                    },
                    ...errorBlock(input.due, errors),
                    {
                      type: 'Input.Date',
                      id: input.doneOn,
                      label: 'Done on (for Mark done)',
                      ...typed(input.doneOn, today),
                    },
                    ...errorBlock(input.doneOn, errors),
                    {
                      type: 'Input.Text',
                      id: input.note,
                      label: 'Note (optional)',
                      isMultiline: true,
                      maxLength: RECORD_TEXT_LIMITS.stageNote,
                      ...typed(input.note),
                    },
                    ...errorBlock(input.note, errors),
                  ],
                  actions: [
                    button('Set due date', {
                      verb: STAGE_VERBS.setDue,
                      ...recordCardData(record, progress.number),
                    }),
                    button(
                      'Mark done',
                      { verb: STAGE_VERBS.done, ...recordCardData(record, progress.number) },
                      'positive',
                    ),
                  ],
                },
              },
            ],
          },
        ],
      },
    ];
  });
}

/** Where the performance assessments stand, for a contract whose KPIs the Act required. */
function assessmentElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
): Element[] {
  const made = record.performance?.assessments ?? [];
  if (assessmentDueDates(record, pack).length === 0 && made.length === 0) return [];
  const next = nextAssessmentDue(record, pack);
  return [
    {
      type: 'TextBlock',
      text: `**Performance assessments** _(${pack.procurementAct.assessments.citation})_: ${
        next ? `next, ${assessmentDueText(next, today)}` : 'none due'
      }`,
      wrap: true,
      separator: true,
    },
    ...made.map((a) => ({
      type: 'TextBlock',
      text: assessmentLine(pack, a),
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    })),
  ];
}

/** The record's stages, as many as the pack has: the award, each stage's status and action, and a way to update each. */
export function stagesCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
  state: FormState = {},
): AdaptiveCard {
  const end = record.contract
    ? addMonths(record.contract.awardDate, record.contract.months)
    : undefined;
  const errorCount = Object.keys(state.errors ?? {}).length;
  return formCard({
    subtitle: `${record.id}: ${record.title}`,
    title: 'Procurement stages',
    progress: record.contract
      ? `Awarded ${formatDate(record.contract.awardDate)}, ends ${formatDate(end ?? '')}${record.contract.supplier ? `, supplier ${record.contract.supplier}` : ''}`
      : 'Not awarded yet',
    help: `Each stage has the action that promotes social value. Reminders come when a review stage falls due; a reminder can be snoozed for ${SNOOZE_DAYS} days.`,
    citation: pack.stageModel.citation,
    ...(state.notice ? { notice: state.notice } : {}),
    ...(errorCount > 0 ? { errorSummary: errorSummary(errorCount) } : {}),
    body: [
      ...contractElements(pack, record, state),
      ...assessmentElements(pack, record, today),
      ...stageElements(pack, record, today, state),
    ],
    actions: [
      // Offered once the supplier can be rated: a finished, awarded record.
      ...(ratingRefusal(record, pack) === undefined
        ? [button('Rate the supplier', { verb: 'rating.show', ...recordCardData(record) })]
        : []),
      // KPIs once the record is finished: required above the Act's value, optional below it.
      ...(record.status === 'complete'
        ? [button('KPIs', { verb: KPI_VERBS.show, reference: record.id })]
        : []),
      // Delivery is recorded once the record is finished and awarded.
      ...(notAwardedProblem(record) === undefined
        ? [button('Record delivery', { verb: DELIVERY_VERBS.show, reference: record.id })]
        : []),
      ...(assessmentDueDates(record, pack).length > 0
        ? [button('Assess performance', { verb: PERFORMANCE_VERBS.show, reference: record.id })]
        : []),
      button('Open the record', { verb: 'command', text: `open ${record.id}` }),
    ],
  });
}
