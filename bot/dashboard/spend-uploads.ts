import { PassThrough } from 'node:stream';
import type restify from 'restify';
import {
  spendCheck,
  spendImported,
  spendMapping,
  supplierCheck,
  supplierMapping,
  suppliersImported,
  UPLOAD_WORDS,
} from '../../cards/dashboard/import-check.js';
import type { Problem, Result } from '../../core/common/result.js';
import type { ImportAnswer } from '../../core/dashboard/api.js';
import { SPEND_FIELDS } from '../../core/spend/columns.js';
import { SUPPLIER_FIELDS } from '../../core/spend/supplier-list.js';
import { DEFAULT_FILE_LIMITS } from '../spend/file-records.js';
import { readSpendFile } from '../spend/read-spend-file.js';
import { readSupplierFile } from '../spend/read-supplier-file.js';
import { queryOf } from './answers.js';
import { asSignedIn, type DashboardDeps } from './routes.js';
import { asLead, personOf } from './spend-routes.js';

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
export function addSpendUploads(server: restify.Server, deps: DashboardDeps): void {
  const store = deps.spend;
  server.post('/api/dashboard/spend/import', async (req, res) =>
    asSignedIn(deps, req, res, (who) =>
      asLead(who, res, async () => {
        const upload = await readUpload(deps, req, res, {
          kind: 'spend',
          fields: SPEND_FIELDS,
          read: readSpendFile,
          mappingChoice: spendMapping,
        });
        if (!upload) return;
        const { file, confirm } = upload;
        const tenantId = who.viewer.tenantId;
        if (!confirm) {
          const preview = await store.preview(tenantId, file);
          deps.logger.info('spend.checked', {
            kind: 'spend',
            rows: file.rows,
            badRows: file.badRowCount,
            bytes: file.bytes,
          });
          return answer(res, 200, { check: spendCheck(file, preview) });
        }
        const done = await store.commit(tenantId, file, {
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

  server.post('/api/dashboard/spend/suppliers/import', async (req, res) =>
    asSignedIn(deps, req, res, (who) =>
      asLead(who, res, async () => {
        const upload = await readUpload(deps, req, res, {
          kind: 'suppliers',
          fields: SUPPLIER_FIELDS,
          read: readSupplierFile,
          mappingChoice: supplierMapping,
        });
        if (!upload) return;
        const { file, confirm } = upload;
        const tenantId = who.viewer.tenantId;
        if (!confirm) {
          const known = await store.suppliers(tenantId);
          deps.logger.info('spend.checked', {
            kind: 'suppliers',
            rows: file.suppliers.length,
            badRows: file.badRowCount,
            bytes: file.bytes,
          });
          return answer(res, 200, { check: supplierCheck(file, known) });
        }
        const done = await store.importSuppliers(
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

interface UploadKind<F extends string, T> {
  kind: 'spend' | 'suppliers';
  fields: readonly F[];
  read(
    input: PassThrough,
    options: {
      fileName: string;
      mapping: Partial<Record<F, string>>;
      skipBadRows: boolean;
      limits: typeof DEFAULT_FILE_LIMITS;
    },
  ): Promise<Result<T>>;
  mappingChoice(seen: readonly string[]): NonNullable<ImportAnswer['mapping']>;
}

/**
 * The part both uploads share: the file read and checked with the mapping chosen, a refusal
 * answered in plain words (with the column choice when the columns were not recognised), and a
 * confirmation refused when its file is not the one checked. Undefined once answered.
 */
async function readUpload<F extends string, T extends { id: string; bytes: number }>(
  deps: DashboardDeps,
  req: restify.Request,
  res: restify.Response,
  kind: UploadKind<F, T>,
): Promise<{ file: T; confirm: boolean } | undefined> {
  const upload = startUpload(req, res);
  if (!upload) return undefined;
  const { name, query } = upload;
  const confirm = query.confirm === 'yes';
  const mapping = mappingOf(query, kind.fields);
  if (!mapping) {
    answer(res, 400, { error: UPLOAD_WORDS.badMapping });
    return undefined;
  }
  const read = await upload.read((input) =>
    kind.read(input, {
      fileName: name,
      mapping,
      // The check lists the bad rows; the import takes the lead's choice to skip them.
      skipBadRows: confirm ? query.skip === 'yes' : true,
      limits: DEFAULT_FILE_LIMITS,
    }),
  );
  if (!read.ok) {
    deps.logger.info('spend.upload_refused', { kind: kind.kind, bytes: upload.bytes() });
    const columns = read.problems.find((p) => p.path === 'columns');
    answer(res, upload.bytes() > DEFAULT_FILE_LIMITS.bytes ? 413 : 400, {
      ...refusal(read.problems),
      ...(columns ? { mapping: kind.mappingChoice(columns.columnsSeen ?? []) } : {}),
    });
    return undefined;
  }
  if (confirm && query.expect !== read.value.id) {
    answer(res, 409, { error: UPLOAD_WORDS.changed });
    return undefined;
  }
  return { file: read.value, confirm };
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
function mappingOf<F extends string>(
  query: Record<string, string>,
  fields: readonly F[],
): Partial<Record<F, string>> | undefined {
  const mapping: Partial<Record<F, string>> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('map.')) continue;
    const field = fields.find((f) => f === key.slice(4));
    if (field === undefined || value.length > 200) return undefined;
    if (value.trim() !== '') mapping[field] = value;
  }
  return mapping;
}
