import type { PolicyPack } from '../core/policy/index.js';
import {
  type AssessmentDue,
  CONTRACT_TEXT_LIMITS,
  type CommissioningRecord,
  nextAssessmentDue,
  nextAssessmentPeriod,
  type PerformanceAssessment,
} from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { type FormState, formCard } from './form.js';
import { formatDate } from './format.js';
import { type Element, errorBlock } from './inputs.js';
import { errorSummary } from './post-award-words.js';
import type { AdaptiveCard } from './render.js';

export const PERFORMANCE_VERBS = {
  show: 'performance.show',
  assess: 'performance.assess',
  terminate: 'performance.terminate',
  event: 'performance.event',
  notice: 'performance.notice',
} as const;

export const PERFORMANCE_INPUTS = {
  rating: (kpiId: string) => `perfRating_${kpiId}`,
  note: (kpiId: string) => `perfNote_${kpiId}`,
  overallRating: 'perfOverallRating',
  overallNote: 'perfOverallNote',
  terminatedOn: 'perfTerminatedOn',
  eventKind: 'perfEventKind',
  eventOn: 'perfEventOn',
  eventNote: 'perfEventNote',
} as const;

/** Every input of the assessment form, for a record's KPIs. */
export const assessmentInputs = (record: CommissioningRecord): string[] => [
  ...(record.kpis?.kpis ?? []).flatMap((k) => [
    PERFORMANCE_INPUTS.rating(k.id),
    PERFORMANCE_INPUTS.note(k.id),
  ]),
  PERFORMANCE_INPUTS.overallRating,
  PERFORMANCE_INPUTS.overallNote,
];

const small = (text: string): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  isSubtle: true,
  size: 'Small',
  spacing: 'None',
});

const heading = (text: string): Element => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
  spacing: 'Medium',
});

/** "yearly assessment due on 1 April 2027" or "assessment on termination, due on …". */
export const assessmentDueText = (due: Pick<AssessmentDue, 'on' | 'kind'>, today: string) =>
  `${due.kind === 'termination' ? 'the assessment on termination' : 'the yearly assessment'}, ${
    due.on < today ? 'overdue since' : 'due on'
  } ${formatDate(due.on)}`;

const ratingLabel = (pack: PolicyPack, id: string): string =>
  pack.procurementAct.assessments.ratings.find((r) => r.id === id)?.label ?? id;

/** One line per assessment made: its period and overall rating. */
export const assessmentLine = (pack: PolicyPack, a: PerformanceAssessment): string =>
  `**${a.id}** ${formatDate(a.period.from)} to ${formatDate(a.period.to)}${
    a.kind === 'termination' ? ' (on termination)' : ''
  }: overall ${ratingLabel(pack, a.overall.rating)}; assessed ${formatDate(a.on)} by ${a.by.name}`;

/** The assessments made, each with the button for its contract performance notice. */
function madeElements(pack: PolicyPack, record: CommissioningRecord): Element[] {
  const { assessments, events, termination } = record.performance ?? {
    assessments: [],
    events: [],
  };
  const noticeName = pack.procurementAct.notices.performance;
  return [
    heading('Assessments made'),
    ...(assessments.length === 0 ? [small('None yet.')] : []),
    ...assessments.map(
      (a): Element => ({
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [{ type: 'TextBlock', text: assessmentLine(pack, a), wrap: true }],
          },
          {
            type: 'Column',
            width: 'auto',
            items: [
              {
                type: 'ActionSet',
                actions: [
                  button(`${noticeName.id} notice`, {
                    verb: PERFORMANCE_VERBS.notice,
                    reference: record.id,
                    assessment: a.id,
                  }),
                ],
              },
            ],
          },
        ],
      }),
    ),
    ...(termination
      ? [small(`Terminated on ${formatDate(termination.on)}, before its planned end.`)]
      : []),
    ...events.map((e) =>
      small(
        `**${e.id}** ${pack.procurementAct.assessments.events.find((x) => x.id === e.kind)?.label ?? e.kind} on ${formatDate(e.on)}: ${e.note}`,
      ),
    ),
  ];
}

/** The form of the assessment due: a rating and a note for each KPI and overall. */
function assessElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  due: AssessmentDue,
  today: string,
  state: FormState,
): Element[] {
  const values = state.values ?? {};
  const shown = { errors: state.errors ?? {}, values };
  const { ratings, ratingsCitation } = pack.procurementAct.assessments;
  const period = nextAssessmentPeriod(record, due, today);
  const choices = ratings.map((r) => ({ title: r.label, value: r.id }));
  const value = (key: string) => (values[key] === undefined ? {} : { value: values[key] });
  const rated = (
    ratingId: string,
    noteId: string,
    label: string,
    max: number,
    multiline: boolean,
  ): Element[] => [
    {
      type: 'Input.ChoiceSet',
      id: ratingId,
      label,
      placeholder: 'Choose a rating',
      choices,
      ...value(ratingId),
    },
    ...errorBlock(ratingId, shown),
    {
      type: 'Input.Text',
      id: noteId,
      label: 'Note: what the rating rests on',
      isMultiline: multiline,
      maxLength: max,
      spacing: 'Small',
      ...value(noteId),
    },
    ...errorBlock(noteId, shown),
  ];
  return [
    heading(`Assess: ${assessmentDueText(due, today)}`),
    small(
      period
        ? `Period assessed: ${formatDate(period.from)} to ${formatDate(period.to)}.`
        : 'The last assessment already covers today: the next can be made from tomorrow.',
    ),
    {
      type: 'TextBlock',
      text: `The ratings _(${ratingsCitation})_`,
      weight: 'Bolder',
      wrap: true,
    },
    ...ratings.map((r) => small(`**${r.label}**: ${r.meaning}`)),
    ...(record.kpis?.kpis ?? []).flatMap((kpi) =>
      rated(
        PERFORMANCE_INPUTS.rating(kpi.id),
        PERFORMANCE_INPUTS.note(kpi.id),
        `${kpi.id} ${kpi.name} (target: ${kpi.target})`,
        CONTRACT_TEXT_LIMITS.ratingNote,
        false,
      ),
    ),
    ...rated(
      PERFORMANCE_INPUTS.overallRating,
      PERFORMANCE_INPUTS.overallNote,
      'Overall performance',
      CONTRACT_TEXT_LIMITS.overallNote,
      true,
    ),
    // Its own button right under the ratings: the toggles below are other changes.
    {
      type: 'ActionSet',
      actions: [
        button(
          'Save the assessment',
          { verb: PERFORMANCE_VERBS.assess, ...recordCardData(record) },
          'positive',
        ),
      ],
    },
  ];
}

/**
 * The assessment form, open once the assessment has fallen due (or when its answers were
 * refused); before then behind a toggle, so that none is made early by mistake.
 */
function dueElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  due: AssessmentDue,
  today: string,
  state: FormState,
): Element[] {
  const form = assessElements(pack, record, due, today, state);
  if (due.on <= today || Object.keys(state.errors ?? {}).length > 0) return form;
  return [
    heading(`Next: ${assessmentDueText(due, today)}`),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: `Assess early, before ${formatDate(due.on)}`,
          card: { type: 'AdaptiveCard', body: form },
        },
      ],
    },
  ];
}

/** Behind a toggle: recording an early termination, and a breach or failure to improve. */
function eventElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
  state: FormState,
): Element[] {
  const values = state.values ?? {};
  const shown = { errors: state.errors ?? {}, values };
  const typed = (key: string, fallback?: string) => {
    const v = values[key] ?? fallback;
    return v === undefined ? {} : { value: v };
  };
  const { events } = pack.procurementAct.assessments;
  const ids = recordCardData(record);
  const opened = (keys: string[]) => keys.some((k) => state.errors?.[k]);
  return [
    ...(opened([PERFORMANCE_INPUTS.terminatedOn])
      ? [small('Check the date under "Record a termination".')]
      : []),
    ...(opened([
      PERFORMANCE_INPUTS.eventKind,
      PERFORMANCE_INPUTS.eventOn,
      PERFORMANCE_INPUTS.eventNote,
    ])
      ? [small('Check the answers under "Record a breach or failure to improve".')]
      : []),
    {
      type: 'ActionSet',
      actions: [
        ...(record.performance?.termination
          ? []
          : [
              {
                type: 'Action.ShowCard',
                title: 'Record a termination',
                card: {
                  type: 'AdaptiveCard',
                  body: [
                    small(
                      'Only when the contract ends before its planned end: the assessment on termination then falls due that day.',
                    ),
                    {
                      type: 'Input.Date',
                      id: PERFORMANCE_INPUTS.terminatedOn,
                      label: 'Terminated on',
                      ...typed(PERFORMANCE_INPUTS.terminatedOn, today),
                    },
                    ...errorBlock(PERFORMANCE_INPUTS.terminatedOn, shown),
                  ],
                  actions: [
                    button(
                      'Record the termination',
                      { verb: PERFORMANCE_VERBS.terminate, ...ids },
                      'destructive',
                    ),
                  ],
                },
              },
            ]),
        {
          type: 'Action.ShowCard',
          title: 'Record a breach or failure to improve',
          card: {
            type: 'AdaptiveCard',
            body: [
              {
                type: 'Input.ChoiceSet',
                id: PERFORMANCE_INPUTS.eventKind,
                label: 'What happened',
                placeholder: 'Choose one',
                choices: events.map((e) => ({ title: e.label, value: e.id })),
                ...typed(PERFORMANCE_INPUTS.eventKind),
              },
              ...errorBlock(PERFORMANCE_INPUTS.eventKind, shown),
              {
                type: 'Input.Date',
                id: PERFORMANCE_INPUTS.eventOn,
                label: 'On',
                ...typed(PERFORMANCE_INPUTS.eventOn, today),
              },
              ...errorBlock(PERFORMANCE_INPUTS.eventOn, shown),
              {
                type: 'Input.Text',
                id: PERFORMANCE_INPUTS.eventNote,
                label: 'Note',
                isMultiline: true,
                maxLength: CONTRACT_TEXT_LIMITS.eventNote,
                ...typed(PERFORMANCE_INPUTS.eventNote),
              },
              ...errorBlock(PERFORMANCE_INPUTS.eventNote, shown),
            ],
            actions: [button('Record it', { verb: PERFORMANCE_VERBS.event, ...ids })],
          },
        },
      ],
    },
  ];
}

/**
 * A contract's performance assessments (PA 2023 s.71, as the pack cites it): the next one due
 * with a rating and note for each KPI and overall, the ones made with their notices, and the
 * termination and breach events.
 */
export function performanceCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  today: string,
  state: FormState = {},
): AdaptiveCard {
  const { assessments } = pack.procurementAct;
  const due = record.contract ? nextAssessmentDue(record, pack) : undefined;
  const errorCount = Object.keys(state.errors ?? {}).length;
  const awarded = record.status === 'complete' && record.contract !== undefined;
  const supplier = record.contract?.supplier;
  return formCard({
    subtitle: `${record.id}: ${record.title}`,
    title: 'Performance assessments',
    progress: due
      ? `Next: ${assessmentDueText(due, today)}${supplier ? `. Supplier: ${supplier}` : ''}`
      : 'No assessment is due',
    help: assessments.text,
    citation: assessments.citation,
    ...(state.notice ? { notice: state.notice } : {}),
    ...(errorCount > 0 ? { errorSummary: errorSummary(errorCount) } : {}),
    body: [
      ...(due ? dueElements(pack, record, due, today, state) : []),
      ...madeElements(pack, record),
      ...(awarded ? eventElements(pack, record, today, state) : []),
    ],
    actions: [button('Stages', { verb: 'command', text: `stages ${record.id}` })],
  });
}
