import {
  countBy,
  type DashboardView,
  DUE_WITHIN_DAYS,
  daysBetween,
  dueLines,
  dueUntil,
} from '../../core/dashboard/index.js';
import { stageWords } from './words.js';

const OVERDUE = 'Overdue';
const THIS_WEEK = 'Due in the next 7 days';
const LATER = `Due in 8 to ${DUE_WITHIN_DAYS} days`;
const WHEN = [OVERDUE, THIS_WEEK, LATER];

/** Reviews and other stages overdue, and those due in the next 30 days. */
export const dueView: DashboardView = {
  id: 'due',
  title: 'Due and overdue',
  summary: `Stages not done that are overdue, or due in the next ${DUE_WITHIN_DAYS} days.`,
  build(rows, { pack, today }) {
    const lines = dueLines(rows, pack, dueUntil(today));
    const when = (due: string) => {
      const days = daysBetween(today, due);
      return days < 0 ? OVERDUE : days <= 7 ? THIS_WEEK : LATER;
    };
    const counts = countBy(lines, WHEN, (line) => when(line.due));
    return {
      charts: [{ tableId: 'when', measure: 'Stages' }],
      detail: 'due',
      tables: [
        {
          id: 'when',
          title: 'Stages by when they are due',
          columns: [
            { label: 'When', kind: 'text' },
            { label: 'Stages', kind: 'number' },
          ],
          rows: WHEN.map((label) => [label, counts.get(label) ?? 0]),
        },
        {
          id: 'due',
          title: 'Stages due, soonest first',
          columns: [
            { label: 'Reference', kind: 'text' },
            { label: 'Title', kind: 'text' },
            { label: 'Owner', kind: 'text' },
            { label: 'Stage', kind: 'text' },
            { label: 'Due', kind: 'date' },
            { label: 'When', kind: 'text' },
            { label: 'Days overdue', kind: 'number' },
          ],
          rows: lines.map((line) => [
            line.row.id,
            line.row.title,
            line.row.owner.name,
            stageWords({ number: line.stage, name: line.stageName }),
            { date: line.due },
            when(line.due),
            Math.max(0, daysBetween(line.due, today)),
          ]),
        },
      ],
    };
  },
};
