import type {
  SpendData,
  SpendView,
  SpendViewContext,
  SpendViewResult,
} from '../../core/dashboard/spend-view.js';
import type { Cell } from '../../core/dashboard/table.js';
import {
  financialYear,
  financialYearOf,
  SPEND_TARGET_MEASURES,
  type SpendBaseline,
  type SpendTargetMeasure,
  spendByYear,
  targetFor,
  type YearFigures,
} from '../../core/spend/index.js';
import { MEASURE_WORDS, percent, SPEND_WORDS, STANDING_WORDS } from './spend-words.js';

/** Years ahead of this one a target can be set for: an Action Plan looks a few years on. */
const YEARS_AHEAD = 2;

/** Where a year's actual share stands against its target, in words. */
export function standing(
  target: number,
  actual: number | undefined,
  year: YearFigures | undefined,
  today: string,
  to: string,
): string {
  if (today <= to) return STANDING_WORDS.notOver;
  if (actual === undefined || year === undefined) return STANDING_WORDS.noSpend;
  const met = Math.round(actual * 1000) >= Math.round(target * 1000);
  return `${met ? STANDING_WORDS.met : STANDING_WORDS.notMet}${year.complete ? '' : STANDING_WORDS.partial}`;
}

const actualOf = (year: YearFigures | undefined, measure: SpendTargetMeasure) =>
  measure === 'sme' ? year?.figures.sme.share : year?.figures.local.share;

/** The Action Plan: targets for the SME share and the local share by year, against the actual figures. */
export const actionPlanView: SpendView = {
  id: 'action-plan',
  title: 'Action Plan',
  summary:
    'Targets for the share of spend with SMEs and with local suppliers in each financial year, against what was spent, with who set each target and when.',
  needs: ['months', 'suppliers', 'plan'],
  build(data, context) {
    return actionPlanOf(data, context, spendByYear(context.pack, data));
  },
};

/**
 * The Action Plan from the year figures already worked out: the workbook's export works them
 * out for its own sheet, and passes them in rather than have them worked out twice.
 */
export function actionPlanOf(
  { plan, planEtag }: SpendData,
  { today }: SpendViewContext,
  { years }: SpendBaseline,
): SpendViewResult {
  const thisYear = financialYearOf(today).start;
  const starts = [
    ...new Set([
      ...years.map((y) => y.year.start),
      ...plan.settings.map((s) => s.year),
      ...Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => thisYear + i),
    ]),
  ].sort((a, b) => a - b);
  const withTarget = starts.filter((start) =>
    SPEND_TARGET_MEASURES.some((m) => targetFor(plan, start, m) !== undefined),
  );
  const rows: Cell[][] = withTarget.flatMap((start) => {
    const fy = financialYear(start);
    const year = years.find((y) => y.year.start === start);
    return SPEND_TARGET_MEASURES.flatMap((measure): Cell[][] => {
      const target = targetFor(plan, start, measure);
      if (target === undefined) return [];
      const actual = actualOf(year, measure);
      return [
        [
          `${fy.label}: ${MEASURE_WORDS[measure]}`,
          percent(target.share),
          percent(actual),
          standing(target.share, actual, year, today, fy.to),
          target.setBy.name,
          { date: target.setAt.slice(0, 10) },
        ],
      ];
    });
  });
  const history: Cell[][] = [...plan.settings]
    .reverse()
    .map((setting) => [
      financialYear(setting.year).label,
      MEASURE_WORDS[setting.measure],
      percent(setting.share),
      setting.note ?? null,
      setting.setBy.name,
      { date: setting.setAt.slice(0, 10) },
    ]);
  return {
    charts:
      rows.length > 0
        ? [
            {
              tableId: 'targets',
              measure: 'Share of spend (%)',
              columns: ['Target (%)', 'Actual (%)'],
              barNames: ['target', 'actual'],
            },
          ]
        : [],
    tables: [
      {
        id: 'targets',
        title: 'Targets in force against the actual share',
        columns: [
          { label: 'Year and measure', kind: 'text' },
          { label: 'Target (%)', kind: 'number' },
          { label: 'Actual (%)', kind: 'number' },
          { label: 'Where it stands', kind: 'text' },
          { label: 'Set by', kind: 'text' },
          { label: 'Set on', kind: 'date' },
        ],
        rows,
      },
      {
        id: 'history',
        title: 'Every target set, newest first',
        columns: [
          { label: 'Year', kind: 'text' },
          { label: 'Measure', kind: 'text' },
          { label: 'Target (%)', kind: 'number' },
          { label: 'Note', kind: 'text' },
          { label: 'Set by', kind: 'text' },
          { label: 'Set on', kind: 'date' },
        ],
        rows: history,
      },
    ],
    detail: 'history',
    part: {
      kind: 'plan',
      notes: [rows.length === 0 ? SPEND_WORDS.noTargets : SPEND_WORDS.targetsIntro(rows.length)],
      // The form opens on this financial year: the one a lead most often sets.
      year: String(thisYear),
      targetYears: [...starts].reverse().map((start) => ({
        value: String(start),
        label: financialYear(start).label,
      })),
      measures: SPEND_TARGET_MEASURES.map((m) => ({ value: m, label: MEASURE_WORDS[m] })),
      ...(planEtag ? { planEtag } : {}),
    },
  };
}
