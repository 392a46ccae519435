import { addDays } from '../core/common/dates.js';
import type { PolicyPack } from '../core/policy/index.js';
import {
  amountText,
  CONTRACT_TEXT_LIMITS,
  type CommissioningRecord,
  type DeliveryEntry,
  type OutcomeProgress,
  type Progress,
} from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { type FormState, formCard } from './form.js';
import { formatDate } from './format.js';
import { ourReading } from './guidance.js';
import { type Element, errorBlock } from './inputs.js';
import {
  COMMITMENT_WORDS,
  DELIVERY_NOTICES,
  errorSummary,
  PROGRESS_WORDS,
} from './post-award-words.js';
import type { AdaptiveCard } from './render.js';
import { STAGE_VERBS } from './stage-inputs.js';

export const DELIVERY_VERBS = {
  show: 'delivery.show',
  record: 'delivery.record',
  correct: 'delivery.correct',
} as const;

/** The ids of the delivery card's inputs, shared by the card and the bot. */
export const DELIVERY_INPUTS = {
  from: 'deliveryFrom',
  to: 'deliveryTo',
  amount: (measureId: string) => `deliveryAmount_${measureId}`,
  status: (measureId: string) => `deliveryStatus_${measureId}`,
  note: (measureId: string) => `deliveryNote_${measureId}`,
  link: (measureId: string) => `deliveryLink_${measureId}`,
  corrects: 'correctEntry',
  correctAmount: 'correctAmount',
  correctStatus: 'correctStatus',
  correctNote: 'correctNote',
  correctLink: 'correctLink',
} as const;

/** The correction form's inputs: an error on one of them is pointed at from outside its ShowCard. */
export const CORRECTION_INPUTS = [
  DELIVERY_INPUTS.corrects,
  DELIVERY_INPUTS.correctAmount,
  DELIVERY_INPUTS.correctStatus,
  DELIVERY_INPUTS.correctNote,
  DELIVERY_INPUTS.correctLink,
] as const;

/** Entries listed on the card, newest first; the history keeps them all. */
const ENTRIES_SHOWN = 5;
/** Entries offered for correction, newest first: a review's worth and more. */
const CORRECTABLE = 15;
/** The start of an evidence note shown in the list (the record keeps it whole). */
const NOTE_SHOWN = 100;
const BAR_CELLS = 10;

const COMMITMENT_CHOICES = (['met', 'partly-met', 'not-met'] as const).map((value) => ({
  title: COMMITMENT_WORDS[value].replace(/^./, (c) => c.toUpperCase()),
  value,
}));

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A plain text bar: Teams and the Agents Playground both show it as typed. */
function bar(share: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(share * BAR_CELLS)));
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
}

/** Colour beside the words, never instead of them; none for "behind", whose yellow reads poorly on white. */
const STATUS_COLOUR: Partial<Record<OutcomeProgress['status'], string>> = {
  met: 'Good',
  'on-track': 'Good',
  missed: 'Attention',
};

/** "2 of 3 delivered (67%)", "latest 35% against 40%", "met in the latest period". */
function figures(outcome: OutcomeProgress): string {
  const { unit } = outcome;
  if (unit.kind === 'commitment') {
    return outcome.latest
      ? `${COMMITMENT_WORDS[outcome.latest]} in the latest period recorded`
      : 'no period recorded';
  }
  const delivered = amountText(outcome.delivered ?? 0, unit);
  if (outcome.target === undefined) {
    return `${delivered} ${unit.kind === 'percent' ? 'latest figure' : 'delivered to date'}; no target was set`;
  }
  const target = amountText(outcome.target, unit);
  return unit.kind === 'percent'
    ? `latest figure ${delivered} against a target of ${target}`
    : `${delivered} of ${target} delivered to date (${percent(outcome.share ?? 0)})`;
}

function outcomeLines(outcome: OutcomeProgress, found: Progress): Element[] {
  return [
    {
      type: 'TextBlock',
      text: `**${outcome.label}**`,
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      text: `**${PROGRESS_WORDS[outcome.status]}**: ${figures(outcome)}`,
      wrap: true,
      spacing: 'None',
      ...(STATUS_COLOUR[outcome.status] ? { color: STATUS_COLOUR[outcome.status] } : {}),
    },
    ...(outcome.share === undefined || outcome.unit.kind === 'percent'
      ? []
      : [
          {
            type: 'TextBlock',
            text: `${bar(outcome.share)} ${percent(outcome.share)} of the target; ${percent(found.elapsed)} expected by now`,
            wrap: true,
            spacing: 'None',
            fontType: 'Monospace',
            size: 'Small',
          },
        ]),
  ];
}

function progressElements(found: Progress): Element[] {
  return [
    {
      type: 'TextBlock',
      text: 'Progress to date',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'TextBlock',
      text: `${percent(found.elapsed)} of the contract’s life has passed on ${formatDate(found.on)}: awarded ${formatDate(found.awardDate)}, ending ${formatDate(found.endDate)}.`,
      wrap: true,
      isSubtle: true,
      size: 'Small',
    },
    ...(found.outcomes.length === 0
      ? [
          {
            type: 'TextBlock',
            text: 'This record commits to no social value outcome, so there is no delivery to record.',
            wrap: true,
          },
        ]
      : found.outcomes.map((outcome) => ({
          type: 'Container',
          separator: true,
          items: outcomeLines(outcome, found),
        }))),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: 'How "on track" is judged',
          targetElements: ['delivery-reading'],
        },
      ],
    },
    {
      type: 'Container',
      id: 'delivery-reading',
      isVisible: false,
      items: found.reasons.map((reason) => ({
        type: 'TextBlock',
        text: `${reason.text}${reason.derived ? ` ${ourReading(reason.derived)}` : ''} _(${reason.citation})_`,
        wrap: true,
        size: 'Small',
      })),
    },
  ];
}

const entryValue = (entry: DeliveryEntry, pack: PolicyPack): string => {
  const measure = pack.framework.measures.find((m) => m.id === entry.measureId);
  if (entry.status) return COMMITMENT_WORDS[entry.status];
  return entry.amount === undefined || !measure
    ? String(entry.amount ?? '')
    : amountText(entry.amount, measure.unit);
};

const periodText = (entry: DeliveryEntry): string =>
  `${formatDate(entry.period.from)} to ${formatDate(entry.period.to)}`;

const labelOf = (pack: PolicyPack, measureId: string): string =>
  pack.framework.measures.find((m) => m.id === measureId)?.text ?? measureId;

/** One entry as listed: what, when, the evidence, who recorded it, and any correction. */
function entryLine(pack: PolicyPack, entry: DeliveryEntry): string {
  const link = entry.evidence.link ? ` ([document](${entry.evidence.link}))` : '';
  const correction = entry.supersededBy
    ? ` **Corrected by ${entry.supersededBy}**: no longer counted.`
    : entry.corrects
      ? ` Corrects ${entry.corrects}.`
      : '';
  const { note } = entry.evidence;
  const shown = note.length > NOTE_SHOWN ? `${note.slice(0, NOTE_SHOWN).trimEnd()}…` : note;
  return `**${entry.id}** ${labelOf(pack, entry.measureId)}, ${periodText(entry)}: **${entryValue(entry, pack)}**. Evidence: ${shown}${link}. ${entry.by.name}, ${formatDate(entry.at.slice(0, 10))}.${correction}`;
}

/** The day after the latest period recorded (or the award date), for the next period's start. */
function nextFrom(record: CommissioningRecord, today: string): string {
  const award = record.contract?.awardDate ?? today;
  const last = (record.delivery ?? [])
    .filter((e) => !e.supersededBy)
    .map((e) => e.period.to)
    .sort()
    .at(-1);
  const next = last === undefined ? award : addDays(last, 1);
  return next > today ? today : next;
}

function recordForm(record: CommissioningRecord, found: Progress, state: FormState): Element[] {
  const values = state.values ?? {};
  const shown = { errors: state.errors ?? {}, values };
  const value = (key: string, fallback?: string) => {
    const typed = values[key] ?? fallback;
    return typed === undefined ? {} : { value: typed };
  };
  if (found.outcomes.length === 0) return [];
  return [
    {
      type: 'TextBlock',
      text: 'Record delivery for a period',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
      separator: true,
    },
    {
      type: 'TextBlock',
      text: 'Fill in each outcome delivered in the period, with a short note of the evidence; leave an outcome empty to skip it.',
      wrap: true,
      isSubtle: true,
      size: 'Small',
    },
    {
      type: 'Input.Date',
      id: DELIVERY_INPUTS.from,
      label: 'First day of the period',
      ...value(DELIVERY_INPUTS.from, nextFrom(record, found.on)),
    },
    ...errorBlock(DELIVERY_INPUTS.from, shown),
    {
      type: 'Input.Date',
      id: DELIVERY_INPUTS.to,
      label: 'Last day of the period',
      ...value(DELIVERY_INPUTS.to, found.on),
    },
    ...errorBlock(DELIVERY_INPUTS.to, shown),
    ...found.outcomes.map(
      (outcome): Element => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `**${outcome.label}**`, wrap: true },
          outcome.unit.kind === 'commitment'
            ? {
                type: 'Input.ChoiceSet',
                id: DELIVERY_INPUTS.status(outcome.measureId),
                label: 'Kept in the period?',
                style: 'expanded',
                choices: COMMITMENT_CHOICES,
                ...value(DELIVERY_INPUTS.status(outcome.measureId)),
              }
            : {
                type: 'Input.Number',
                id: DELIVERY_INPUTS.amount(outcome.measureId),
                label:
                  outcome.unit.kind === 'percent'
                    ? 'Figure for the period (%)'
                    : `Delivered in the period (${outcome.unit.label})`,
                ...value(DELIVERY_INPUTS.amount(outcome.measureId)),
              },
          ...errorBlock(DELIVERY_INPUTS.status(outcome.measureId), shown),
          ...errorBlock(DELIVERY_INPUTS.amount(outcome.measureId), shown),
          {
            type: 'Input.Text',
            id: DELIVERY_INPUTS.note(outcome.measureId),
            label: 'Evidence: a short note of what shows it',
            maxLength: CONTRACT_TEXT_LIMITS.evidenceNote,
            ...value(DELIVERY_INPUTS.note(outcome.measureId)),
          },
          ...errorBlock(DELIVERY_INPUTS.note(outcome.measureId), shown),
          {
            type: 'Input.Text',
            id: DELIVERY_INPUTS.link(outcome.measureId),
            label: 'Link to the evidence, starting https:// (optional)',
            style: 'Url',
            maxLength: CONTRACT_TEXT_LIMITS.evidenceLink,
            ...value(DELIVERY_INPUTS.link(outcome.measureId)),
          },
          ...errorBlock(DELIVERY_INPUTS.link(outcome.measureId), shown),
        ],
      }),
    ),
    {
      type: 'ActionSet',
      actions: [
        button(
          'Record delivery',
          { verb: DELIVERY_VERBS.record, ...recordCardData(record) },
          'positive',
        ),
      ],
    },
  ];
}

function entriesElements(
  pack: PolicyPack,
  record: CommissioningRecord,
  state: FormState,
): Element[] {
  const entries = record.delivery ?? [];
  if (entries.length === 0) return [];
  const values = state.values ?? {};
  const shown = { errors: state.errors ?? {}, values };
  const value = (key: string) => (values[key] === undefined ? {} : { value: values[key] });
  const newest = [...entries].reverse();
  const correctable = newest.filter((e) => !e.supersededBy).slice(0, CORRECTABLE);
  const earlier = entries.length - ENTRIES_SHOWN;
  const correctionErrors = CORRECTION_INPUTS.some((id) => state.errors?.[id]);
  return [
    {
      type: 'TextBlock',
      text: 'Entries recorded, newest first',
      weight: 'Bolder',
      wrap: true,
      style: 'heading',
      separator: true,
    },
    ...newest.slice(0, ENTRIES_SHOWN).map((entry) => ({
      type: 'TextBlock',
      text: entryLine(pack, entry),
      wrap: true,
      size: 'Small',
      ...(entry.supersededBy ? { isSubtle: true } : {}),
    })),
    ...(earlier > 0
      ? [
          {
            type: 'TextBlock',
            text: `And ${earlier.toLocaleString('en-GB')} earlier ${earlier === 1 ? 'entry' : 'entries'}, kept in the record’s history.`,
            wrap: true,
            isSubtle: true,
            size: 'Small',
          },
        ]
      : []),
    // The errors themselves are beside their fields, inside "Correct an entry", which the card
    // shows closed: this line says to open it.
    ...(correctionErrors
      ? [
          {
            type: 'Container',
            items: [
              {
                type: 'TextBlock',
                text: DELIVERY_NOTICES.checkCorrection,
                color: 'Attention',
                weight: 'Bolder',
                wrap: true,
              },
            ],
          },
        ]
      : []),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'Correct an entry',
          card: {
            type: 'AdaptiveCard',
            body: [
              {
                type: 'TextBlock',
                text: 'A correction is a new entry for the same outcome and period. The entry it corrects stays, marked as corrected, and no longer counts.',
                wrap: true,
                isSubtle: true,
                size: 'Small',
              },
              {
                type: 'Input.ChoiceSet',
                id: DELIVERY_INPUTS.corrects,
                label: 'Entry to correct',
                style: 'compact',
                placeholder: 'Choose an entry',
                choices: correctable.map((entry) => ({
                  title: `${entry.id}: ${labelOf(pack, entry.measureId)}, ${periodText(entry)}: ${entryValue(entry, pack)}`,
                  value: entry.id,
                })),
                ...value(DELIVERY_INPUTS.corrects),
              },
              ...errorBlock(DELIVERY_INPUTS.corrects, shown),
              {
                type: 'Input.Number',
                id: DELIVERY_INPUTS.correctAmount,
                label: 'Corrected amount (for an outcome counted in numbers)',
                ...value(DELIVERY_INPUTS.correctAmount),
              },
              ...errorBlock(DELIVERY_INPUTS.correctAmount, shown),
              {
                type: 'Input.ChoiceSet',
                id: DELIVERY_INPUTS.correctStatus,
                label: 'Corrected standing (for a commitment)',
                style: 'expanded',
                choices: COMMITMENT_CHOICES,
                ...value(DELIVERY_INPUTS.correctStatus),
              },
              ...errorBlock(DELIVERY_INPUTS.correctStatus, shown),
              {
                type: 'Input.Text',
                id: DELIVERY_INPUTS.correctNote,
                label: 'Why, and the evidence: a short note',
                maxLength: CONTRACT_TEXT_LIMITS.evidenceNote,
                ...value(DELIVERY_INPUTS.correctNote),
              },
              ...errorBlock(DELIVERY_INPUTS.correctNote, shown),
              {
                type: 'Input.Text',
                id: DELIVERY_INPUTS.correctLink,
                label: 'Link to the evidence, starting https:// (optional)',
                style: 'Url',
                maxLength: CONTRACT_TEXT_LIMITS.evidenceLink,
                ...value(DELIVERY_INPUTS.correctLink),
              },
              ...errorBlock(DELIVERY_INPUTS.correctLink, shown),
            ],
            actions: [
              button('Save the correction', {
                verb: DELIVERY_VERBS.correct,
                ...recordCardData(record),
              }),
            ],
          },
        },
      ],
    },
  ];
}

/**
 * Social value delivered: for each outcome its target, what was delivered to date, the share
 * and whether that is on track for the point reached in the contract's life; a form to record a
 * period's delivery; and the entries, each of which can be corrected.
 */
export function deliveryCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  found: Progress,
  state: FormState = {},
): AdaptiveCard {
  const errorCount = Object.keys(state.errors ?? {}).length;
  return formCard({
    subtitle: `${record.id}: ${record.title}`,
    title: 'Social value delivered',
    progress: record.contract?.supplier
      ? `Supplier ${record.contract.supplier}`
      : 'Delivery against the targets agreed',
    ...(state.notice ? { notice: state.notice } : {}),
    ...(errorCount > 0 ? { errorSummary: errorSummary(errorCount) } : {}),
    lead: progressElements(found),
    body: [...recordForm(record, found, state), ...entriesElements(pack, record, state)],
    actions: [
      button('Procurement stages', { verb: STAGE_VERBS.show, reference: record.id }),
      button('Open the record', { verb: 'command', text: `open ${record.id}` }),
    ],
  });
}
