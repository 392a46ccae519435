import { PassThrough } from 'node:stream';
import type restify from 'restify';
import {
  spendCheck,
  spendImported,
  spendMapping,
  supplierCheck,
  suppliersImported,
  UPLOAD_WORDS,
} from '../../cards/dashboard/import-check.js';
import type { Problem } from '../../core/common/result.js';
import type { ImportAnswer } from '../../core/dashboard/api.js';
import { type ColumnMapping, FIELD_NAMES, SPEND_FIELDS } from '../../core/spend/columns.js';
import { queryOf } from './answers.js';
import { asSignedIn, type DashboardDeps } from './routes.js';
import { asLead, personOf, type SpendDeps } from './spend-routes.js';

/**
 * The uploads of a payment file and of a supplier list, in two steps and stateless: the page
 * sends the file and gets its check; the lead confirms, and the page sends the same file again
 * with the confirmation (and the content hash it was shown, so that a different file is not
 * imported on the strength of another's check). Nothing is stored before the confirmation.
 *
 * The body is the file itself (application/octet-stream), which restify's body parser leaves
 * unread (it reads JSON and forms, into memory, to 1 MB): it is streamed into the reader,
 * which counts its bytes and refuses past the limit. Nothing of the file, its name or its
 * rows is logged.
 */
export function addSpendUploads(
  server: restify.Server,
  deps: DashboardDeps,
  spend: SpendDeps,
): void {
  server.post('/api/dashboard/spend/import', (req, res) =>
    asSignedIn(deps, req, res, (who) =>
      asLead(who, res, async () => {
        const upload = startUpload(req, res);
        if (!upload) return;
        const { name, query } = upload;
        const confirm = query.confirm === 'yes';
        const mapping = mappingOf(query);
        if (!mapping) return answer(res, 400, { error: UPLOAD_WORDS.badMapping });
        const read = await upload.read((input) =>
          spend.readSpendFile(input, {
            fileName: name,
            mapping,
            // The check lists the bad rows; the import takes the lead's choice to skip them.
            skipBadRows: confirm ? query.skip === 'yes' : true,
            limits: spend.limits,
          }),
        );
        const tenantId = who.viewer.tenantId;
        if (!read.ok) {
          deps.logger.info('spend.upload_refused', { kind: 'spend', bytes: upload.bytes() });
          const columns = read.problems.find((p) => p.path === 'columns');
          return answer(res, upload.bytes() > spend.limits.bytes ? 413 : 400, {
            ...refusal(read.problems),
            ...(columns ? { mapping: spendMapping(columnsSeen(columns)) } : {}),
          });
        }
        const file = read.value;
        if (!confirm) {
          const preview = await spend.store.preview(tenantId, file);
          deps.logger.info('spend.checked', {
            kind: 'spend',
            rows: file.rows,
            badRows: file.badRowCount,
            bytes: file.bytes,
          });
          return answer(res, 200, { check: spendCheck(file, preview) });
        }
        if (query.expect !== file.id) return answer(res, 409, { error: UPLOAD_WORDS.changed });
        const done = await spend.store.commit(tenantId, file, {
          by: personOf(who),
          at: deps.clock().toISOString(),
        });
        deps.logger.info('spend.imported', {
          outcome: done.outcome,
          rows: file.rows,
          skipped: file.badRowCount,
          replaced: done.replaced.length,
        });
        answer(res, 200, { done: spendImported(done.outcome, file, done.replaced) });
      }),
    ),
  );

  server.post('/api/dashboard/spend/suppliers/import', (req, res) =>
    asSignedIn(deps, req, res, (who) =>
      asLead(who, res, async () => {
        const upload = startUpload(req, res);
        if (!upload) return;
        const { name, query } = upload;
        const confirm = query.confirm === 'yes';
        const read = await upload.read((input) =>
          spend.readSupplierFile(input, { fileName: name, limits: spend.limits }),
        );
        const tenantId = who.viewer.tenantId;
        if (!read.ok) {
          deps.logger.info('spend.upload_refused', { kind: 'suppliers', bytes: upload.bytes() });
          return answer(
            res,
            upload.bytes() > spend.limits.bytes ? 413 : 400,
            refusal(read.problems),
          );
        }
        const file = read.value;
        if (!confirm) {
          const known = await spend.store.suppliers(tenantId);
          deps.logger.info('spend.checked', {
            kind: 'suppliers',
            rows: file.suppliers.length,
            badRows: file.badRowCount,
            bytes: file.bytes,
          });
          return answer(res, 200, { check: supplierCheck(file, known, supplierFieldWords) });
        }
        if (query.expect !== file.id) return answer(res, 409, { error: UPLOAD_WORDS.changed });
        if (file.badRowCount > 0 && query.skip !== 'yes')
          return answer(res, 400, { error: UPLOAD_WORDS.badRowsNotSkipped });
        const done = await spend.store.importSuppliers(
          tenantId,
          file.suppliers,
          personOf(who),
          deps.clock().toISOString(),
        );
        deps.logger.info('spend.suppliers_imported', done);
        answer(res, 200, { done: suppliersImported(file.fileName, done) });
      }),
    ),
  );
}

const answer = (res: restify.Response, status: number, body: ImportAnswer): void => {
  res.status(status);
  res.header('cache-control', 'no-store');
  res.json(body);
};

/** The reader's problems as the page shows them: the first as the message, every one listed. */
const refusal = (problems: readonly Problem[]): ImportAnswer => ({
  error: problems[0]?.message ?? UPLOAD_WORDS.unreadable,
  ...(problems.length > 1 ? { problems: problems.map((p) => p.message) } : {}),
});

/**
 * An upload's name and choices from the address, and its body as a stream of its own: the
 * reader may stop early and destroy what it reads, and the request must still be answered, so
 * it reads a pass-through and the rest of the request is drained afterwards.
 */
function startUpload(req: restify.Request, res: restify.Response) {
  const query = queryOf(req);
  const name = (query.name ?? '').trim().slice(0, 200);
  if (name === '') {
    answer(res, 400, { error: UPLOAD_WORDS.noName });
    return undefined;
  }
  if (req.contentType() !== 'application/octet-stream') {
    answer(res, 415, { error: UPLOAD_WORDS.notOctet });
    return undefined;
  }
  let bytes = 0;
  return {
    name,
    query,
    bytes: () => bytes,
    async read<T>(reader: (input: PassThrough) => Promise<T>): Promise<T> {
      const input = new PassThrough();
      const count = (chunk: Buffer) => {
        bytes += chunk.length;
      };
      req.on('data', count);
      req.pipe(input);
      try {
        return await reader(input);
      } finally {
        req.unpipe(input);
        req.off('data', count);
        input.destroy();
        // Whatever the reader left unread is discarded, so that the answer reaches the page.
        req.resume();
      }
    },
  };
}

/** A column mapping from `map.<field>=<header>`; undefined when a field or a header is not one. */
function mappingOf(query: Record<string, string>): ColumnMapping | undefined {
  const mapping: ColumnMapping = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('map.')) continue;
    const field = SPEND_FIELDS.find((f) => f === key.slice(4));
    if (field === undefined || value.length > 200) return undefined;
    if (value.trim() !== '') mapping[field] = value;
  }
  return mapping;
}

/**
 * The columns a refused header row had, from the reader's words ('Columns seen: "A", "B".'),
 * for the page to offer each as a choice.
 */
export function columnsSeen(problem: Problem): string[] {
  const list = /Columns seen: (.*)\. Name the columns/.exec(problem.message)?.[1] ?? '';
  return [...list.matchAll(/"((?:[^"]|"")*)"(?:, |$)/g)].map((m) => m[1] ?? '');
}

/** What each supplier-list field is called when a lead is told about it. */
const supplierFieldWords = (field: string): string =>
  field in FIELD_NAMES ? FIELD_NAMES[field as keyof typeof FIELD_NAMES] : field;
