import type { PolicyPack } from '../core/policy/index.js';
import {
  type ActionPlan,
  type MissingData,
  type Share,
  type SpendBaseline,
  type SpendTargetMeasure,
  targetFor,
  type YearFigures,
} from '../core/spend/index.js';
import { linkButton } from './actions.js';
import { percentText, poundsText } from './dashboard/spend-words.js';
import { countInWords, formatDate } from './format.js';
import { infoCard } from './info.js';
import type { AdaptiveCard } from './render.js';
import { type DashboardPlace, dashboardViewLink } from './report-card.js';

/** The dashboard view the card's button opens. */
export const SPEND_VIEW = 'spend';

/** Suppliers named on the card: the rest are on the dashboard, largest first. */
const NAMED_MISSING = 3;

export interface SpendSummary {
  years: SpendBaseline;
  missing: readonly MissingData[];
  plan: ActionPlan;
  /** The latest payment date in the imports, for a year not yet complete. */
  lastPaymentOn?: string;
}

const yearWords = (year: YearFigures): string =>
  year.complete ? year.year.label : `${year.year.label} so far (not a complete year)`;

/** "41% (baseline 35%; target 40%)": the latest figure against what it is measured by. */
function against(
  latest: Share,
  baseline: Share | undefined,
  target: number | undefined,
  latestIsBaseline: boolean,
): string {
  const beside = [
    ...(baseline === undefined || latestIsBaseline
      ? []
      : [`baseline ${percentText(baseline.share)}`]),
    ...(target === undefined ? [] : [`target ${percentText(target)}`]),
  ];
  return beside.length === 0
    ? percentText(latest.share)
    : `${percentText(latest.share)} (${beside.join('; ')})`;
}

/** `spend`, for procurement leads: the latest year against the baseline, and what to fill in. */
export function spendCard(
  pack: PolicyPack,
  summary: SpendSummary,
  place: DashboardPlace,
): AdaptiveCard {
  const link = dashboardViewLink(place, SPEND_VIEW);
  const actions = link === undefined ? [] : [linkButton('Open the spend view', link)];
  const latest = summary.years.years.at(-1);
  if (latest === undefined) {
    return infoCard({
      title: 'Spend baseline',
      notice:
        'No payment data has been imported yet. Import the payment files on the dashboard’s Spend tab: the figures by business size and locality follow.',
      actions,
    });
  }
  const baseline = summary.years.baseline;
  const isBaseline = baseline !== undefined && baseline.year.start === latest.year.start;
  const target = (measure: SpendTargetMeasure) =>
    targetFor(summary.plan, latest.year.start, measure)?.share;
  const now = latest.figures;
  const then = baseline?.figures;
  const unknown = now.bands.find((band) => band.band === 'unknown');
  const intro =
    baseline === undefined
      ? `${yearWords(latest)}. No complete financial year has been imported yet, so there is no baseline to compare with.`
      : isBaseline
        ? `${latest.year.label}, the baseline year: the first complete financial year imported.`
        : `${yearWords(latest)}, against the baseline ${baseline.year.label} (the first complete financial year imported).`;
  const noSize = summary.missing.filter((m) => m.missing.includes('size'));
  const noPostcode = summary.missing.filter((m) => m.missing.includes('postcode'));
  const toDo =
    noSize.length === 0 && noPostcode.length === 0
      ? [{ text: 'Every supplier paid has a size and a postcode.' }]
      : [
          ...missingLine(noSize, 'no size recorded', 'counts as unknown, not as SME'),
          ...missingLine(noPostcode, 'no postcode', 'is not counted as local'),
          { text: 'Fill them in on the dashboard, largest spend first.' },
        ];
  const smeLimit = pack.sizeBands.smeBelow;
  return infoCard({
    title: 'Spend baseline',
    intro,
    facts: [
      {
        title: 'Total spend',
        value:
          then === undefined || isBaseline
            ? poundsText(now.totalPence)
            : `${poundsText(now.totalPence)} (baseline ${poundsText(then.totalPence)})`,
      },
      {
        title: `With SMEs (under ${smeLimit} staff)`,
        value: against(now.sme, then?.sme, target('sme'), isBaseline),
      },
      { title: 'Local', value: against(now.local, then?.local, target('local'), isBaseline) },
      { title: 'Local SMEs', value: against(now.localSme, then?.localSme, undefined, isBaseline) },
      {
        title: 'Voluntary, community and social enterprises',
        value: against(now.vcse, then?.vcse, undefined, isBaseline),
      },
      { title: 'Size not known', value: percentText(unknown?.share) },
      {
        title: 'Suppliers paid',
        value:
          then === undefined || isBaseline
            ? now.supplierCount.toLocaleString('en-GB')
            : `${now.supplierCount.toLocaleString('en-GB')} (baseline ${then.supplierCount.toLocaleString('en-GB')})`,
      },
    ],
    sections: [
      { heading: 'To fill in', lines: toDo },
      ...(latest.complete || summary.lastPaymentOn === undefined
        ? []
        : [
            {
              heading: 'Note',
              lines: [
                {
                  text: `The payments imported for ${latest.year.label} run to ${formatDate(summary.lastPaymentOn)}.`,
                },
              ],
            },
          ]),
    ],
    actions,
  });
}

/** "Lancaster Print (£800) has no postcode, …" or "Two suppliers paid have …; the largest: …". */
function missingLine(
  suppliers: readonly MissingData[],
  lacking: string,
  soTheirSpend: string,
): { text: string }[] {
  const named = suppliers.slice(0, NAMED_MISSING).map((m) => `${m.name} (${poundsText(m.pence)})`);
  if (suppliers.length === 0) return [];
  if (suppliers.length === 1)
    return [{ text: `${named[0]} has ${lacking}, so its spend ${soTheirSpend}.` }];
  return [
    {
      text: `${suppliersWord(suppliers.length)} paid have ${lacking}, so their spend ${soTheirSpend}. The largest: ${named.join(', ')}.`,
    },
  ];
}

const suppliersWord = (count: number): string => {
  const words = countInWords(count);
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)} ${count === 1 ? 'supplier' : 'suppliers'}`;
};

/** For anyone who is not a procurement lead. */
export function spendForLeadsCard(): AdaptiveCard {
  return infoCard({
    title: 'Spend baseline',
    notice:
      'The spend figures are for procurement leads. Ask your procurement lead for the latest figures.',
  });
}
