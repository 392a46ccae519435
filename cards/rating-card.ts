import { RECORD_TEXT_LIMITS } from '../core/flow/index.js';
import type { PolicyPack, TierId } from '../core/policy/index.js';
import {
  type CommissioningRecord,
  ratingStages,
  type SupplierRating,
} from '../core/record/index.js';
import { button, recordCardData } from './actions.js';
import { type FormState, formCard } from './form.js';
import { formatDate } from './format.js';
import { ourReading } from './guidance.js';
import { infoCard } from './info.js';
import { type Element, errorBlock } from './inputs.js';
import { errorSummary } from './post-award-words.js';
import type { AdaptiveCard } from './render.js';

export const RATING_VERBS = { show: 'rating.show', submit: 'supplier.rate' } as const;

export const RATING_INPUTS = {
  stage: 'ratingStage',
  supplier: 'ratingSupplier',
  evidence: 'ratingEvidence',
  decision: 'ratingDecision',
  justification: 'ratingJustification',
  row: (id: string) => `rating_${id}`,
} as const;

/** The level the delivery record suggests for the rubric row the pack marks, and why. */
export interface RowSuggestion {
  rowId: string;
  level?: TierId;
  text: string;
}

/**
 * The pack's supplier status rubric as a form: one choice per row, and the evidence. The row
 * suggested from delivery starts at the suggested level; the rater confirms or changes it.
 */
export function ratingCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  state: FormState = {},
  suggestion?: RowSuggestion,
): AdaptiveCard {
  const values = state.values ?? {};
  const shown = { errors: state.errors ?? {}, values };
  const { rows, tiers, basis, combining, citation } = pack.supplierStatus;
  const tierLabel = (id: TierId) => tiers.find((t) => t.id === id)?.label ?? id;
  const byRank = [...tiers].sort((a, b) => b.rank - a.rank).map((t) => t.id);
  const value = (key: string, fallback?: string) => {
    const typed = values[key] ?? fallback;
    return typed === undefined ? {} : { value: typed };
  };
  // The review stages at which the pack has suppliers rated.
  const stages = ratingStages(pack);
  const body: Element[] = [
    {
      type: 'Input.ChoiceSet',
      id: RATING_INPUTS.stage,
      label: 'Review stage',
      style: 'expanded',
      choices: stages.map((n) => ({
        title: `${n}. ${pack.stages.find((s) => s.number === n)?.name ?? ''}`,
        value: String(n),
      })),
      ...value(RATING_INPUTS.stage, stages[0] === undefined ? undefined : String(stages[0])),
    },
    ...errorBlock(RATING_INPUTS.stage, shown),
    {
      type: 'Input.Text',
      id: RATING_INPUTS.supplier,
      label: 'Supplier',
      maxLength: RECORD_TEXT_LIMITS.supplier,
      ...value(RATING_INPUTS.supplier, record.contract?.supplier),
    },
    ...errorBlock(RATING_INPUTS.supplier, shown),
    ...rows.flatMap((row): Element[] => [
      {
        type: 'Input.ChoiceSet',
        id: RATING_INPUTS.row(row.id),
        label: row.label,
        style: 'expanded',
        choices: byRank.map((tier) => ({
          title: `${tierLabel(tier)}: ${row.levels[tier]}`,
          value: tier,
        })),
        ...value(
          RATING_INPUTS.row(row.id),
          suggestion?.rowId === row.id ? suggestion.level : undefined,
        ),
      },
      ...(suggestion?.rowId === row.id
        ? [
            {
              type: 'TextBlock',
              text: suggestion.text,
              wrap: true,
              size: 'Small',
              spacing: 'None',
            },
          ]
        : []),
      ...(row.derived
        ? [
            {
              type: 'TextBlock',
              text: `Derived: ${row.derived.note}`,
              wrap: true,
              isSubtle: true,
              size: 'Small',
              spacing: 'None',
            },
          ]
        : []),
      ...errorBlock(RATING_INPUTS.row(row.id), shown),
    ]),
    {
      type: 'Input.Text',
      id: RATING_INPUTS.evidence,
      label: 'Evidence the rating rests on (see above)',
      isMultiline: true,
      maxLength: RECORD_TEXT_LIMITS.ratingEvidence,
      ...value(RATING_INPUTS.evidence),
    },
    ...errorBlock(RATING_INPUTS.evidence, shown),
    {
      type: 'Input.ChoiceSet',
      id: RATING_INPUTS.decision,
      label: 'Tier awarded: the rubric only suggests a tier, and the decision is yours',
      choices: [
        { title: 'The tier the rubric suggests (the lowest row)', value: 'suggested' },
        ...byRank.map((tier) => ({ title: `${tierLabel(tier)} instead`, value: tier })),
      ],
      ...value(RATING_INPUTS.decision, 'suggested'),
    },
    ...errorBlock(RATING_INPUTS.decision, shown),
    {
      type: 'Input.Text',
      id: RATING_INPUTS.justification,
      label: 'Why another tier than the one suggested, if you chose one',
      isMultiline: true,
      ...value(RATING_INPUTS.justification),
    },
    ...errorBlock(RATING_INPUTS.justification, shown),
  ];
  const errorCount = Object.keys(state.errors ?? {}).length;
  return formCard({
    subtitle: `${record.id}: ${record.title}`,
    title: 'Rate the supplier',
    help: `${basis} ${combining.text}`,
    citation,
    ...(state.notice ? { notice: state.notice } : {}),
    ...(errorCount > 0 ? { errorSummary: errorSummary(errorCount) } : {}),
    body,
    actions: [
      button(
        'Rate the supplier',
        { verb: RATING_VERBS.submit, ...recordCardData(record) },
        'positive',
      ),
    ],
  });
}

/** The tier, the evidence given, and the incentives the supplier may now use. */
export function ratingResultCard(
  pack: PolicyPack,
  record: CommissioningRecord,
  rating: SupplierRating,
): AdaptiveCard {
  const tier = pack.supplierStatus.tiers.find((t) => t.id === rating.tier);
  const rows = pack.supplierStatus.rows;
  const tierLabel = (id: TierId) => pack.supplierStatus.tiers.find((t) => t.id === id)?.label ?? id;
  return infoCard({
    title: `${rating.supplier}: ${tier?.label ?? rating.tier}`,
    notice: `Rated at stage ${rating.stage} on ${formatDate(rating.on)} and saved in ${record.id}'s history.`,
    noticeStyle: 'good',
    intro: tier?.summary ?? '',
    facts: [
      { title: 'Record', value: `${record.id}: ${record.title}` },
      { title: 'Rated by', value: rating.by.name },
      ...(rating.suggested
        ? [{ title: 'Suggested by the rubric', value: tierLabel(rating.suggested) }]
        : []),
      { title: 'Decided', value: tier?.label ?? rating.tier },
    ],
    sections: [
      {
        heading: 'The rubric',
        lines: rating.rows.map((given) => {
          const row = rows.find((r) => r.id === given.id);
          return {
            text: `**${row?.label ?? given.id}**: ${tierLabel(given.level)}, ${row?.levels[given.level] ?? ''}`,
            citation: row?.citation ?? pack.supplierStatus.citation,
          };
        }),
      },
      {
        heading: 'How the tier is worked out',
        lines: [
          {
            text: `${pack.supplierStatus.combining.text} ${ourReading(pack.supplierStatus.combining.derived)}`,
            citation: pack.supplierStatus.citation,
          },
          ...(rating.justification
            ? [{ text: `Another tier than suggested, because: ${rating.justification}` }]
            : []),
        ],
      },
      { heading: 'Evidence', lines: [{ text: rating.evidence }] },
      {
        heading: 'Incentives the supplier may now use',
        lines:
          tier && tier.incentives.length > 0
            ? tier.incentives.map((incentive) => ({
                text: `• ${incentive}`,
                citation: tier.citation,
              }))
            : [
                {
                  text: `None: ${tier?.label ?? 'this tier'} carries no incentives.`,
                  citation: tier?.citation ?? pack.supplierStatus.citation,
                },
              ],
      },
    ],
    actions: [button('Open the record', { verb: 'command', text: `open ${record.id}` })],
  });
}
