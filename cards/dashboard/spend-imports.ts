import type { SpendView } from '../../core/dashboard/spend-view.js';
import { dayWords, pounds, SPEND_WORDS } from './spend-words.js';

/** The payment files in force: what each held, who imported it and when, and what it replaced. */
export const spendImportsView: SpendView = {
  id: 'spend-imports',
  title: 'Spend imports',
  summary:
    'Import a payment file (CSV or Excel), and see the files in force: each file is checked and shown to you before anything is stored.',
  needs: ['imports'],
  build({ imports }) {
    const dates = imports.flatMap((i) => [i.firstDate, i.lastDate]).filter((d) => d !== undefined);
    const sorted = [...dates].sort();
    return {
      charts: [],
      detail: 'imports',
      tables: [
        {
          id: 'imports',
          title: 'Files in force, newest first',
          columns: [
            { label: 'File', kind: 'text' },
            { label: 'Payments', kind: 'number' },
            { label: 'Redacted payments', kind: 'number' },
            { label: 'Bad rows skipped', kind: 'number' },
            { label: 'First payment', kind: 'date' },
            { label: 'Last payment', kind: 'date' },
            { label: 'Total (£)', kind: 'number' },
            { label: 'Imported by', kind: 'text' },
            { label: 'Imported on', kind: 'date' },
            { label: 'Replaced', kind: 'text' },
          ],
          rows: imports.map((i) => [
            i.fileName,
            i.rows,
            i.redactedRows,
            i.skippedRows,
            i.firstDate ? { date: i.firstDate } : null,
            i.lastDate ? { date: i.lastDate } : null,
            pounds(i.totalPence),
            i.importedBy.name,
            { date: i.importedAt.slice(0, 10) },
            SPEND_WORDS.replaced(i.replaces.length),
          ]),
        },
      ],
      part: {
        kind: 'imports',
        notes: [
          imports.length === 0
            ? SPEND_WORDS.noImports
            : SPEND_WORDS.importsInForce(
                imports.length,
                dayWords(sorted[0]),
                dayWords(sorted.at(-1)),
              ),
        ],
        upload: 'spend',
      },
    };
  },
};
