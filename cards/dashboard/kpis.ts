import { daysBetween } from '../../core/common/dates.js';
import {
  countBy,
  type DashboardRow,
  type DashboardView,
  recordParts,
} from '../../core/dashboard/index.js';
import type { PolicyPack } from '../../core/policy/index.js';
import { nextAssessmentDue, type PerformanceAssessment } from '../../core/record/index.js';

const NOT_ASSESSED = 'Not assessed yet';

const ratingLabel = (pack: PolicyPack, id: string): string =>
  pack.procurementAct.assessments.ratings.find((r) => r.id === id)?.label ?? id;

/** The latest assessment: the one made last (assessments are kept in the order made). */
const latestOf = (row: DashboardRow): PerformanceAssessment | undefined =>
  row.performance?.assessments.at(-1);

/** When the next assessment is due, in words: overdue is said, not only coloured. */
function dueWords(due: string | undefined, today: string): string {
  if (due === undefined) return 'None owed';
  const days = daysBetween(today, due);
  if (days < 0) return `Overdue by ${-days} ${days === -1 ? 'day' : 'days'}`;
  if (days === 0) return 'Due today';
  return `Due in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * Each KPI with the rating its latest assessment gave it, in one cell ("K1 Local jobs: Good"),
 * so that the page pages one table of contracts however many KPIs each has.
 */
function kpiRatings(row: DashboardRow, pack: PolicyPack): string {
  const newestFirst = [...(row.performance?.assessments ?? [])].reverse();
  return (row.kpis?.kpis ?? [])
    .map((kpi) => {
      const rated = newestFirst.flatMap((a) => a.kpis.filter((k) => k.kpiId === kpi.id)).at(0);
      return `${kpi.id} ${kpi.name}: ${rated ? ratingLabel(pack, rated.rating) : NOT_ASSESSED}`;
    })
    .join('; ');
}

/** Each contract with KPIs: its latest overall rating and when, and its next assessment due. */
export const kpisView: DashboardView = {
  id: 'kpis',
  title: 'KPIs',
  summary:
    'Each contract with KPIs: its latest overall rating and when it was given, the latest rating of each KPI, and the next assessment due.',
  build(rows, { pack, today }) {
    const contracts = rows
      .filter((row) => (row.kpis?.kpis.length ?? 0) > 0)
      .map((row) => ({
        row,
        latest: latestOf(row),
        due: nextAssessmentDue(recordParts(row), pack)?.on,
      }));
    const ratings = [...pack.procurementAct.assessments.ratings.map((r) => r.label), NOT_ASSESSED];
    const byRating = countBy(contracts, ratings, ({ latest }) =>
      latest ? ratingLabel(pack, latest.overall.rating) : NOT_ASSESSED,
    );
    const overdue = contracts.filter(({ due }) => due !== undefined && due < today).length;
    return {
      charts: [
        { tableId: 'by-rating', measure: 'Contracts' },
        { tableId: 'assessments-due', measure: 'Contracts' },
      ],
      detail: 'contracts',
      tables: [
        {
          id: 'by-rating',
          title: 'Contracts by latest overall rating',
          columns: [
            { label: 'Latest overall rating', kind: 'text' },
            { label: 'Contracts', kind: 'number' },
          ],
          rows: ratings.map((label) => [label, byRating.get(label) ?? 0]),
        },
        {
          id: 'assessments-due',
          title: 'Contracts by their next assessment',
          columns: [
            { label: 'Next assessment', kind: 'text' },
            { label: 'Contracts', kind: 'number' },
          ],
          rows: [
            ['Overdue', overdue],
            ['Due later', contracts.filter(({ due }) => due !== undefined).length - overdue],
            ['None owed', contracts.filter(({ due }) => due === undefined).length],
          ],
        },
        {
          id: 'contracts',
          title: 'Contracts with KPIs, next assessment soonest first',
          columns: [
            { label: 'Reference', kind: 'text' },
            { label: 'Title', kind: 'text' },
            { label: 'Supplier', kind: 'text' },
            { label: 'KPIs', kind: 'number' },
            { label: 'Latest overall rating', kind: 'text' },
            { label: 'Assessed on', kind: 'date' },
            { label: 'Latest rating of each KPI', kind: 'text' },
            { label: 'Next assessment due', kind: 'date' },
            { label: 'When', kind: 'text' },
          ],
          rows: [...contracts]
            .sort(
              (a, b) =>
                (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
                a.row.id.localeCompare(b.row.id),
            )
            .map(({ row, latest, due }) => [
              row.id,
              row.title,
              row.contract?.supplier ?? null,
              row.kpis?.kpis.length ?? 0,
              latest ? ratingLabel(pack, latest.overall.rating) : NOT_ASSESSED,
              latest ? { date: latest.on } : null,
              kpiRatings(row, pack),
              due ? { date: due } : null,
              dueWords(due, today),
            ]),
        },
      ],
    };
  },
};
