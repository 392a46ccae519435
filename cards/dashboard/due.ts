import { daysBetween } from '../../core/common/dates.js';
import {
  countBy,
  type DashboardView,
  DUE_WITHIN_DAYS,
  type DueLine,
  dueLines,
  dueUntil,
} from '../../core/dashboard/index.js';
import { stageWords } from './words.js';

const OVERDUE = 'Overdue';
const THIS_WEEK = 'Due in the next 7 days';
const LATER = `Due in 8 to ${DUE_WITHIN_DAYS} days`;
const WHEN = [OVERDUE, THIS_WEEK, LATER];

/** What is due on a line: the stage, or the performance assessment (not one of the pack's stages). */
const whatIsDue = (line: DueLine): string =>
  line.stage === undefined
    ? line.assessment === 'termination'
      ? 'Performance assessment on termination'
      : 'Yearly performance assessment'
    : stageWords({ number: line.stage, name: line.stageName });

/** Reviews, other stages and performance assessments overdue, and those due in the next 30 days. */
export const dueView: DashboardView = {
  id: 'due',
  title: 'Due and overdue',
  summary: `Stages not done and performance assessments that are overdue, or due in the next ${DUE_WITHIN_DAYS} days.`,
  build(rows, { pack, today }) {
    const lines = dueLines(rows, pack, dueUntil(today));
    const when = (due: string) => {
      const days = daysBetween(today, due);
      return days < 0 ? OVERDUE : days <= 7 ? THIS_WEEK : LATER;
    };
    const counts = countBy(lines, WHEN, (line) => when(line.due));
    return {
      charts: [{ tableId: 'when', measure: 'Due' }],
      detail: 'due',
      tables: [
        {
          id: 'when',
          title: 'Stages and assessments by when they are due',
          columns: [
            { label: 'When', kind: 'text' },
            { label: 'Due', kind: 'number' },
          ],
          rows: WHEN.map((label) => [label, counts.get(label) ?? 0]),
        },
        {
          id: 'due',
          title: 'Stages and assessments due, soonest first',
          columns: [
            { label: 'Reference', kind: 'text' },
            { label: 'Title', kind: 'text' },
            { label: 'Owner', kind: 'text' },
            { label: 'What is due', kind: 'text' },
            { label: 'Due', kind: 'date' },
            { label: 'When', kind: 'text' },
            { label: 'Days overdue', kind: 'number' },
          ],
          rows: lines.map((line) => [
            line.row.id,
            line.row.title,
            line.row.owner.name,
            whatIsDue(line),
            { date: line.due },
            when(line.due),
            Math.max(0, daysBetween(line.due, today)),
          ]),
        },
      ],
    };
  },
};
