import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { type Person, personSchema } from '../../core/record/person.js';
import {
  type SpendImport,
  spendImportOfChecked,
  spendImportSchema,
} from '../../core/spend/import-record.js';
import {
  normaliseSupplierName,
  type Supplier,
  supplierKeyOf,
  supplierSchema,
} from '../../core/spend/suppliers.js';
import { type ActionPlan, actionPlanSchema, EMPTY_ACTION_PLAN } from '../../core/spend/targets.js';
import { type PayeeMonth, payeeMonthSchema } from '../../core/spend/totals.js';
import { statusOf } from '../status-of.js';
import type { CheckedSpendFile } from './read-spend-file.js';

/**
 * The spend baseline's data in the `spend` container, partitioned by tenant.
 *
 * What is stored of a payment file is its payee-month totals, not its rows: the figures are by
 * year and quarter, so a month per payee is all they need, and a file of 100,000 rows to 2,000
 * suppliers over two years is about 25 documents instead of 100,000 (the requests, the storage
 * and the time to read a year all follow the documents). Each file is:
 * - its months documents: one per month (split in chunks well under Cosmos DB's 2 MB item
 *   limit when a month has very many payees), each naming the import they belong to; then
 * - its import document, id the SHA-256 of the file's bytes, written LAST: it is the commit
 *   marker. A reader counts only the months of committed imports not replaced by another
 *   committed import, so a crash part way through an import leaves nothing half-counted,
 *   and the same file imported again after a crash rewrites the same months documents (their
 *   ids follow from the hash) and commits.
 * Replaced imports and orphaned months (a crashed import of another file) are deleted after a
 * commit; whatever a crash leaves of that is swept at the next import.
 * Suppliers are one document each; the Action Plan one document per tenant. Every query names
 * the tenant as well as giving it as the partition key: the embedded local server ignores a
 * query's partition key (see bot/store/records.ts, visibleTo).
 */

/** A file's import as kept: the file's record, who imported it and when, and what it replaced. */
export const storedSpendImportSchema = spendImportSchema.extend({
  importedBy: personSchema,
  importedAt: z.string().min(1),
  /** The ids of the imports this one replaced. */
  replaces: z.array(z.string()),
  /** The months (yyyy-mm) the file has payments in. */
  months: z.array(z.string()),
  /** Rows left out as bad (the first ones are listed in skippedLines). */
  skippedRows: z.number().int().min(0),
  /**
   * One more than the tenant's latest import when committed: an import replaces only imports
   * committed before it, so a file imported again after its correction replaced it counts.
   */
  sequence: z.number().int().min(0),
});

export type StoredSpendImport = SpendImport & {
  importedBy: Person;
  importedAt: string;
  replaces: string[];
  months: string[];
  skippedRows: number;
  sequence: number;
};

export type StoredSupplier = Supplier & {
  key: string;
  etag: string;
  updatedBy: Person;
  updatedAt: string;
};

/** Someone else saved it (a supplier, the Action Plan) since it was read: answer it, never overwrite. */
export class StaleSpendError extends Error {
  constructor(readonly what: string) {
    super(`${what} changed since it was read`);
    this.name = 'StaleSpendError';
  }
}

export interface SpendPreview {
  alreadyImported: boolean;
  /** By default, the import in force with the same file name (a corrected file). */
  wouldReplace: StoredSpendImport[];
  /** Other imports in force covering any of the same months: both would be counted. */
  overlapping: StoredSpendImport[];
}

export interface SpendCommit {
  outcome: 'imported' | 'unchanged';
  import: StoredSpendImport;
  replaced: StoredSpendImport[];
}

const IMPORT = 'spend-import';
const MONTHS = 'spend-months';
const SUPPLIER = 'spend-supplier';
const PLAN = 'spend-action-plan';
const PLAN_ID = 'spend-action-plan';

/** A months document's payees are cut at about this much JSON: a tenth of the 2 MB item limit. */
const CHUNK_BYTES = 200 * 1024;
/** Writes and deletes in flight at once. */
const IN_FLIGHT = 4;
/**
 * Months of no committed import are swept only once this old: younger, they may be another
 * import's, still being written by another instance.
 */
const ORPHAN_AGE_MS = 15 * 60_000;

const monthsDocumentSchema = z.object({
  id: z.string(),
  importId: z.string(),
  writtenAt: z.string(),
  payees: z.array(payeeMonthSchema),
});

const supplierDocumentSchema = z.object({
  key: z.string(),
  supplier: supplierSchema,
  updatedBy: personSchema,
  updatedAt: z.string(),
  _etag: z.string(),
});

// Cosmos DB ids cannot hold "/", "\", "?" or "#": a supplier id may.
/** A supplier's document is named by a hash of its key: any name fits Cosmos DB's 255-character id. */
const supplierDocumentId = (key: string) =>
  `supplier-${createHash('sha256').update(key).digest('hex')}`;
const monthsDocumentId = (importId: string, month: string, chunk: number) =>
  `months-${importId}-${month}-${chunk}`;

export class SpendStore {
  constructor(private readonly container: Container) {}

  /** The imports in force, newest first. */
  async imports(tenantId: string): Promise<StoredSpendImport[]> {
    return inForce(await this.allImports(tenantId)).sort(newestFirst);
  }

  async preview(tenantId: string, file: CheckedSpendFile): Promise<SpendPreview> {
    return previewOf(await this.imports(tenantId), file);
  }

  /**
   * Stores a checked file: its months first, then its import document (the commit marker),
   * then removes what it replaced. The same file again changes nothing.
   */
  async commit(
    tenantId: string,
    file: CheckedSpendFile,
    options: { by: Person; at: string; replaces?: string[] },
  ): Promise<SpendCommit> {
    const all = await this.allImports(tenantId);
    const current = inForce(all);
    const id = file.id.toLowerCase();
    const existing = current.find((found) => found.id === id);
    if (existing) return { outcome: 'unchanged', import: existing, replaced: [] };
    const preview = previewOf(current, file);
    const replaced = (
      options.replaces === undefined
        ? preview.wouldReplace
        : current.filter((found) => options.replaces?.includes(found.id))
    ).filter((found) => found.id !== id);
    // A replaced import of this same file, left by a crash before it was removed, goes first:
    // its document would stand in the way of this one.
    if (all.some((found) => found.id === id)) await this.removeImport(tenantId, id);
    const record: StoredSpendImport = {
      ...spendImportOfChecked(file),
      importedBy: options.by,
      importedAt: options.at,
      replaces: replaced.map((found) => found.id),
      months: [...new Set(file.months.map((month) => month.month))].sort(),
      skippedRows: file.badRowCount,
      sequence: Math.max(0, ...all.map((found) => found.sequence)) + 1,
    };
    await inBatches(chunksOf(id, file.months), (chunk) =>
      this.container.items.upsert({
        ...chunk,
        tenantId,
        kind: MONTHS,
        importId: id,
        writtenAt: options.at,
      }),
    );
    try {
      await this.container.items.create({ ...record, tenantId, kind: IMPORT });
    } catch (error) {
      // The same file committed at the same moment by another instance: theirs stands.
      if (statusOf(error) !== 409) throw error;
      const theirs = (await this.imports(tenantId)).find((found) => found.id === id);
      if (theirs) return { outcome: 'unchanged', import: theirs, replaced: [] };
      throw error;
    }
    // Committed: what the sweep fails to remove is not counted, and the next import sweeps it,
    // so a failure here must not tell the caller the import failed.
    await this.sweep(tenantId, options.at).catch(() => undefined);
    return { outcome: 'imported', import: record, replaced };
  }

  /** The payee-month totals of the imports in force (read here unless the caller has them). */
  async months(tenantId: string, inForce?: readonly StoredSpendImport[]): Promise<PayeeMonth[]> {
    const counted = new Set((inForce ?? (await this.imports(tenantId))).map((found) => found.id));
    if (counted.size === 0) return [];
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT c.id, c.importId, c.writtenAt, c.payees FROM c WHERE c.tenantId = @tenant AND c.kind = '${MONTHS}'`,
          parameters: [{ name: '@tenant', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = monthsDocumentSchema.safeParse(resource);
      return parsed.success && counted.has(parsed.data.importId) ? parsed.data.payees : [];
    });
  }

  async suppliers(tenantId: string): Promise<StoredSupplier[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT * FROM c WHERE c.tenantId = @tenant AND c.kind = '${SUPPLIER}'`,
          parameters: [{ name: '@tenant', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources
      .flatMap((resource) => {
        const parsed = supplierDocumentSchema.safeParse(resource);
        return parsed.success ? [storedSupplierOf(parsed.data)] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Adds and updates suppliers from a list, matched by id, else by normalised name. A list
   * that gives no size (or no postcode, no VCSE) leaves what is known of it; one that gives a
   * size replaces the head count, band and SME flag together, so an old head count cannot
   * outrank a new band.
   */
  async importSuppliers(
    tenantId: string,
    suppliers: readonly Supplier[],
    by: Person,
    at: string,
  ): Promise<{ added: number; updated: number; unchanged: number }> {
    const stored = await this.suppliers(tenantId);
    const byKey = new Map(stored.map((supplier) => [supplier.key, supplier]));
    const byId = new Map(
      stored.flatMap((supplier) =>
        supplier.id === undefined ? [] : [[supplier.id.trim().toLowerCase(), supplier] as const],
      ),
    );
    const byName = new Map(
      stored.map((supplier) => [normaliseSupplierName(supplier.name), supplier] as const),
    );
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const writes: { key: string; supplier: Supplier }[] = [];
    for (const incoming of suppliers) {
      const key = supplierKeyOf(incoming);
      const id = incoming.id?.trim().toLowerCase();
      // By its key, else by its id (a supplier first known by name keeps its name key once
      // given an id), else by name where the one known has no other id.
      const named = byName.get(normaliseSupplierName(incoming.name));
      const found =
        byKey.get(key) ??
        (id === undefined ? undefined : byId.get(id)) ??
        (named?.id === undefined || named.id.trim().toLowerCase() === id ? named : undefined);
      if (!found) {
        counts.added += 1;
        writes.push({ key, supplier: incoming });
        continue;
      }
      const merged = mergeSupplier(supplierOf(found), incoming);
      if (sameSupplier(merged, supplierOf(found))) counts.unchanged += 1;
      else {
        counts.updated += 1;
        writes.push({ key: found.key, supplier: merged });
      }
    }
    await inBatches(writes, ({ key, supplier }) =>
      this.container.items.upsert(supplierDocument(tenantId, key, supplier, by, at)),
    );
    return counts;
  }

  /**
   * Saves one supplier: a new one (no key), or a change to one read at `etag`. Raises
   * StaleSpendError when someone else saved it since, or a new one's key is taken.
   */
  async saveSupplier(
    tenantId: string,
    key: string | undefined,
    supplier: Supplier,
    by: Person,
    at: string,
    etag?: string,
  ): Promise<StoredSupplier> {
    const checked = supplierSchema.parse(supplier);
    const documentKey = key ?? supplierKeyOf(checked);
    const document = supplierDocument(tenantId, documentKey, checked, by, at);
    try {
      const response =
        key === undefined
          ? await this.container.items.create(document)
          : etag === undefined
            ? await this.container.items.upsert(document)
            : await this.container
                .item(document.id, tenantId)
                .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { ...checked, key: documentKey, etag: response.etag, updatedBy: by, updatedAt: at };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409 || status === 404)
        throw new StaleSpendError(`the supplier ${checked.name}`);
      throw error;
    }
  }

  async actionPlan(tenantId: string): Promise<{ plan: ActionPlan; etag?: string }> {
    const response = await this.container.item(PLAN_ID, tenantId).read<Record<string, unknown>>();
    if (response.statusCode === 404 || !response.resource) return { plan: EMPTY_ACTION_PLAN };
    const parsed = actionPlanSchema.safeParse(response.resource.plan);
    return parsed.success
      ? { plan: parsed.data, etag: response.etag }
      : { plan: EMPTY_ACTION_PLAN };
  }

  /** Saves the plan read at `etag` (none: there was no plan yet); StaleSpendError if another saved first. */
  async saveActionPlan(tenantId: string, plan: ActionPlan, etag?: string): Promise<void> {
    const document = { id: PLAN_ID, tenantId, kind: PLAN, plan: actionPlanSchema.parse(plan) };
    try {
      if (etag === undefined) await this.container.items.create(document);
      else
        await this.container
          .item(PLAN_ID, tenantId)
          .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409 || status === 404)
        throw new StaleSpendError('the Action Plan');
      throw error;
    }
  }

  /** Every import document of the tenant, in force or not. */
  private async allImports(tenantId: string): Promise<StoredSpendImport[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT * FROM c WHERE c.tenantId = @tenant AND c.kind = '${IMPORT}'`,
          parameters: [{ name: '@tenant', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = storedSpendImportSchema.safeParse(resource);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Removes what no reader counts: imports replaced by a committed import (their months
   * first, then the import, oldest first, so a crash part way leaves nothing counted again),
   * and months of no import, once old enough not to be another import still being written.
   */
  private async sweep(tenantId: string, at: string): Promise<void> {
    const all = await this.allImports(tenantId);
    const counted = new Set(inForce(all).map((found) => found.id));
    const committed = new Set(all.map((found) => found.id));
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT c.id, c.importId, c.writtenAt FROM c WHERE c.tenantId = @tenant AND c.kind = '${MONTHS}'`,
          parameters: [{ name: '@tenant', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    const now = Date.parse(at);
    const stale = resources.flatMap((resource) => {
      const parsed = monthsDocumentSchema.omit({ payees: true }).safeParse(resource);
      if (!parsed.success || counted.has(parsed.data.importId)) return [];
      const orphanAge = now - Date.parse(parsed.data.writtenAt);
      const orphanOld = !committed.has(parsed.data.importId) && !(orphanAge < ORPHAN_AGE_MS);
      return committed.has(parsed.data.importId) || orphanOld ? [parsed.data.id] : [];
    });
    await inBatches(stale, (id) => this.remove(id, tenantId));
    const replaced = all
      .filter((found) => !counted.has(found.id))
      .sort((a, b) => -newestFirst(a, b));
    for (const found of replaced) await this.remove(found.id, tenantId);
  }

  /** Removes one import, its months first. */
  private async removeImport(tenantId: string, importId: string): Promise<void> {
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query: `SELECT c.id FROM c WHERE c.tenantId = @tenant AND c.kind = '${MONTHS}' AND c.importId = @import`,
          parameters: [
            { name: '@tenant', value: tenantId },
            { name: '@import', value: importId },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    await inBatches(
      resources.map((resource) => resource.id),
      (id) => this.remove(id, tenantId),
    );
    await this.remove(importId, tenantId);
  }

  private async remove(id: string, tenantId: string): Promise<void> {
    try {
      await this.container.item(id, tenantId).delete();
    } catch (error) {
      // Already gone (another instance's sweep): nothing to do.
      if (statusOf(error) !== 404) throw error;
    }
  }
}

/** The imports counted: those no import committed after them replaced. */
function inForce(all: readonly StoredSpendImport[]): StoredSpendImport[] {
  return all.filter(
    (found) =>
      !all.some((later) => later.sequence > found.sequence && later.replaces.includes(found.id)),
  );
}

function previewOf(current: readonly StoredSpendImport[], file: CheckedSpendFile): SpendPreview {
  const id = file.id.toLowerCase();
  const alreadyImported = current.some((found) => found.id === id);
  const months = new Set(file.months.map((month) => month.month));
  // A correction has the name and some months of the file it corrects: an export of another
  // month that a finance system names the same ("export.csv") is another file, kept beside it.
  const wouldReplace = alreadyImported
    ? []
    : current.filter(
        (found) =>
          found.fileName === file.fileName &&
          found.id !== id &&
          found.months.some((month) => months.has(month)),
      );
  const overlapping = current.filter(
    (found) =>
      found.id !== id &&
      !wouldReplace.includes(found) &&
      found.months.some((month) => months.has(month)),
  );
  return {
    alreadyImported,
    wouldReplace: wouldReplace.sort(newestFirst),
    overlapping: overlapping.sort(newestFirst),
  };
}

const newestFirst = (a: StoredSpendImport, b: StoredSpendImport): number =>
  b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id);

/** A file's payee-months as months documents: one a month, cut where a month is very large. */
function chunksOf(importId: string, months: readonly PayeeMonth[]) {
  const byMonth = new Map<string, PayeeMonth[]>();
  for (const month of months) {
    const list = byMonth.get(month.month) ?? [];
    list.push(month);
    byMonth.set(month.month, list);
  }
  const chunks: { id: string; month: string; payees: PayeeMonth[] }[] = [];
  for (const [month, payees] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    let chunk: PayeeMonth[] = [];
    let bytes = 0;
    for (const payee of payees) {
      const size = JSON.stringify(payee).length + 1;
      if (chunk.length > 0 && bytes + size > CHUNK_BYTES) {
        chunks.push({ id: monthsDocumentId(importId, month, chunks.length), month, payees: chunk });
        chunk = [];
        bytes = 0;
      }
      chunk.push(payee);
      bytes += size;
    }
    if (chunk.length > 0)
      chunks.push({ id: monthsDocumentId(importId, month, chunks.length), month, payees: chunk });
  }
  return chunks;
}

/** Runs the writes a few at a time: Cosmos DB's throttling, and the embedded server's, stay quiet. */
async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>) {
  for (let at = 0; at < items.length; at += IN_FLIGHT)
    await Promise.all(items.slice(at, at + IN_FLIGHT).map(write));
}

function supplierDocument(
  tenantId: string,
  key: string,
  supplier: Supplier,
  by: Person,
  at: string,
) {
  return {
    id: supplierDocumentId(key),
    tenantId,
    kind: SUPPLIER,
    key,
    supplier,
    updatedBy: by,
    updatedAt: at,
  };
}

function storedSupplierOf(document: z.infer<typeof supplierDocumentSchema>): StoredSupplier {
  return {
    ...document.supplier,
    key: document.key,
    etag: document._etag,
    updatedBy: document.updatedBy,
    updatedAt: document.updatedAt,
  };
}

function supplierOf(stored: StoredSupplier): Supplier {
  const { key: _key, etag: _etag, updatedBy: _by, updatedAt: _at, ...supplier } = stored;
  return supplier;
}

function mergeSupplier(known: Supplier, incoming: Supplier): Supplier {
  const givesSize =
    incoming.headcount !== undefined || incoming.band !== undefined || incoming.sme !== undefined;
  const { headcount: _h, band: _b, sme: _s, ...rest } = known;
  return { ...(givesSize ? rest : known), ...incoming };
}

function sameSupplier(a: Supplier, b: Supplier): boolean {
  const canonical = (supplier: Supplier) =>
    JSON.stringify(Object.entries(supplier).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
