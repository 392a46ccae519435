import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import {
  DASHBOARD_PROJECTION,
  type DashboardRow,
  dashboardRowSchema,
} from '../../core/dashboard/row.js';
import {
  type CommissioningRecord,
  canAccess,
  commissioningRecordSchema,
  formatReference,
  type Person,
  personSchema,
  type SupplierRating,
  supplierRatingSchema,
  type Viewer,
} from '../../core/record/index.js';
import { statusOf } from '../status-of.js';

/** A record with the ETag it was read at: the condition of the next write. */
export interface Versioned {
  record: CommissioningRecord;
  etag: string;
}

/** Someone else saved the record since it was read: answer it, never overwrite. */
export class StaleRecordError extends Error {
  constructor(readonly reference: string) {
    super(`record ${reference} changed since it was read`);
    this.name = 'StaleRecordError';
  }
}

export interface RecordSummary {
  id: string;
  title: string;
  status: 'draft' | 'complete';
  step: string;
  createdAt: string;
  updatedAt: string;
  ownerName: string;
  /** Set once the contract is awarded. */
  awardDate?: string;
  /** The earliest due date of a stage not done, and the stages due on it. */
  nextDueOn?: string;
  nextDueStages?: number[];
}

/**
 * The WHERE clause of the records a viewer may see, with `viewerParameters`: the tenant is
 * named as well as given as the partition key, since the embedded local server ignores a
 * query's partition key and would otherwise read every tenant's records.
 */
function visibleTo(viewer: Viewer): string {
  // A discarded draft is kept for the audit trail alone: no list, query or reminder finds it.
  const tenant = "c.tenantId = @tenant AND c.kind = 'record' AND c.status != 'discarded'";
  return viewer.isProcurementLead
    ? tenant
    : `${tenant} AND (c.owner.id = @user OR ARRAY_CONTAINS(c.collaboratorIds, @user) OR ARRAY_CONTAINS(c.collaboratorIds, @other))`;
}

function viewerParameters(viewer: Viewer): { name: string; value: string }[] {
  return [
    { name: '@tenant', value: viewer.tenantId },
    { name: '@user', value: viewer.userId },
    { name: '@other', value: viewer.otherIds?.[0] ?? viewer.userId },
  ];
}

/** The fields the access rule reads, from a projection of a record. */
const accessFactsSchema = commissioningRecordSchema.pick({
  id: true,
  tenantId: true,
  owner: true,
  collaboratorIds: true,
});

/** A record's tenant and owner, as the local sign-in's query projects them. */
const ownerSchema = z.object({ tenantId: z.string().min(1), owner: personSchema });

/** A list line as the list query projects it. */
const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'complete']),
  step: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ownerName: z.string(),
  awardDate: z.string().optional(),
  nextDueOn: z.string().optional(),
  nextDueStages: z.array(z.number()).optional(),
});

/** The per-tenant, per-year counter that numbers references. It lives beside the records. */
const counterId = (year: number) => `counter-SV-${year}`;

/**
 * Commissioning records in Cosmos DB, one document each, partitioned by tenant. Every
 * change is a conditional write on the ETag it was read at.
 */
export class RecordStore {
  constructor(private readonly container: Container) {}

  /**
   * Reads a record the viewer may see; anything else (missing, another's) is undefined. A
   * discarded draft is undefined too: nothing reads it to change it (see `discarded`).
   */
  async get(viewer: Viewer, reference: string): Promise<Versioned | undefined> {
    const found = await this.readVisible(viewer, reference);
    return found && found.record.status !== 'discarded' ? found : undefined;
  }

  /** A discarded draft the viewer could see, to say so rather than "not found". */
  async discarded(viewer: Viewer, reference: string): Promise<CommissioningRecord | undefined> {
    const found = await this.readVisible(viewer, reference);
    return found?.record.status === 'discarded' ? found.record : undefined;
  }

  private async readVisible(viewer: Viewer, reference: string): Promise<Versioned | undefined> {
    const response = await this.container.item(reference, viewer.tenantId).read();
    if (response.statusCode === 404 || !response.resource) return undefined;
    const parsed = commissioningRecordSchema.safeParse(response.resource);
    if (!parsed.success || !canAccess(parsed.data, viewer)) return undefined;
    return { record: parsed.data, etag: response.etag };
  }

  /** Saves a change to a record read at `etag`; a stale ETag raises StaleRecordError. */
  async replace(record: CommissioningRecord, etag: string): Promise<Versioned> {
    try {
      const response = await this.container
        .item(record.id, record.tenantId)
        .replace(record, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { record, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 412) throw new StaleRecordError(record.id);
      throw error;
    }
  }

  /**
   * Creates a record under the next free reference of the year. The record is built by the
   * caller from the reference it is given.
   */
  async create(
    tenantId: string,
    year: number,
    build: (reference: string) => CommissioningRecord,
  ): Promise<Versioned> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = formatReference(year, await this.nextSequence(tenantId, year));
      const record = build(reference);
      try {
        const response = await this.container.items.create(record);
        if (response.resource) return { record, etag: response.etag };
      } catch (error) {
        // A reference already taken (a restored counter, say): take the next one.
        if (statusOf(error) !== 409) throw error;
      }
    }
    throw new Error('could not find a free record reference');
  }

  /**
   * The viewer's records (a procurement lead's: the tenant's), most recently changed first, in
   * one partition. The tenant is named in the query as well: the embedded local server ignores
   * the partition key of a query and would otherwise list every tenant's records.
   */
  list(viewer: Viewer, limit = 25): Promise<RecordSummary[]> {
    return this.summaries(viewer, visibleTo(viewer), limit);
  }

  /** The viewer's own unfinished drafts (a lead's too: not the tenant's), most recently changed first. */
  drafts(viewer: Viewer, limit = 5): Promise<RecordSummary[]> {
    const own = `${visibleTo({ ...viewer, isProcurementLead: false })} AND c.owner.id = @user AND c.status = 'draft'`;
    return this.summaries(viewer, own, limit);
  }

  private async summaries(viewer: Viewer, where: string, limit: number): Promise<RecordSummary[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          // The stages due next are kept on the record for this: the stages themselves can be long.
          query: `SELECT TOP @limit c.id, c.title, c.status, c.draft.step AS step, c.createdAt, c.updatedAt, c.owner.name AS ownerName, c.contract.awardDate AS awardDate, c.nextDueOn, c.nextDueStages FROM c WHERE ${where} ORDER BY c.updatedAt DESC`,
          parameters: [{ name: '@limit', value: limit }, ...viewerParameters(viewer)],
        },
        { partitionKey: viewer.tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = summarySchema.safeParse(resource);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * A record read by the service itself (the reminder sweep), without a viewer: never for
   * showing to a user, who goes through `get` and its access check.
   */
  async read(tenantId: string, reference: string): Promise<Versioned | undefined> {
    const response = await this.container.item(reference, tenantId).read();
    if (response.statusCode === 404 || !response.resource) return undefined;
    const parsed = commissioningRecordSchema.safeParse(response.resource);
    return parsed.success ? { record: parsed.data, etag: response.etag } : undefined;
  }

  /**
   * The records with this reference in every tenant, read by an operator's command line
   * (`npm run notice`), never for showing to a Teams user. References are unique within a
   * tenant only, so there may be more than one.
   */
  async byReference(reference: string): Promise<CommissioningRecord[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>({
        query: "SELECT * FROM c WHERE c.id = @id AND c.kind = 'record' AND c.status != 'discarded'",
        parameters: [{ name: '@id', value: reference }],
      })
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = commissioningRecordSchema.safeParse(resource);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Every record, in every tenant, with a reminder owed on or before `today`: one range
   * query on the indexed `nextReminderOn`, so that its cost follows the number due.
   */
  async dueForReminders(today: string): Promise<Versioned[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>({
        query:
          "SELECT * FROM c WHERE c.nextReminderOn <= @today AND c.kind = 'record' AND c.status != 'discarded'",
        parameters: [{ name: '@today', value: today }],
      })
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = commissioningRecordSchema.safeParse(resource);
      const etag = resource._etag;
      return parsed.success && parsed.data.status !== 'discarded' && typeof etag === 'string'
        ? [{ record: parsed.data, etag }]
        : [];
    });
  }

  /** The viewer's records with a stage not done and due on or before `until` (one partition). */
  async dueBy(viewer: Viewer, until: string): Promise<CommissioningRecord[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          // A lead's `due` is their own stages too, not the tenant's: reminders are the owner's.
          query: `SELECT * FROM c WHERE ${visibleTo({ ...viewer, isProcurementLead: false })} AND c.nextDueOn <= @until`,
          parameters: [{ name: '@until', value: until }, ...viewerParameters(viewer)],
        },
        { partitionKey: viewer.tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = commissioningRecordSchema.safeParse(resource);
      return parsed.success && parsed.data.status !== 'discarded' && canAccess(parsed.data, viewer)
        ? [parsed.data]
        : [];
    });
  }

  /**
   * The supplier ratings on the records the viewer may see (a procurement lead's: the
   * tenant's), each with the record it was given on. The same rule as `get`, in the query
   * and again on each document read.
   */
  async ratings(viewer: Viewer): Promise<{ reference: string; ratings: SupplierRating[] }[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT c.id, c.tenantId, c.owner, c.collaboratorIds, c.ratings FROM c WHERE ${visibleTo(viewer)} AND IS_DEFINED(c.ratings)`,
          parameters: viewerParameters(viewer),
        },
        { partitionKey: viewer.tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const access = accessFactsSchema.safeParse(resource);
      const ratings = supplierRatingSchema.array().safeParse(resource.ratings);
      return access.success && ratings.success && canAccess(access.data, viewer)
        ? [{ reference: access.data.id, ratings: ratings.data }]
        : [];
    });
  }

  /**
   * The dashboard's fields of every record the viewer may see (a procurement lead's: the
   * tenant's), in the viewer's partition alone: a projection, never whole records, and the
   * access rule in the query and again on each document read.
   */
  async dashboardRows(viewer: Viewer): Promise<DashboardRow[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT ${DASHBOARD_PROJECTION} FROM c WHERE ${visibleTo(viewer)}`,
          parameters: viewerParameters(viewer),
        },
        { partitionKey: viewer.tenantId },
      )
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = dashboardRowSchema.safeParse(resource);
      return parsed.success && parsed.data.status !== 'discarded' && canAccess(parsed.data, viewer)
        ? [parsed.data]
        : [];
    });
  }

  /**
   * The owners of records in every tenant: for the dashboard's local sign-in alone, which
   * offers them as people to sign in as. Never used in production.
   */
  async localOwners(limit = 500): Promise<{ tenantId: string; owner: Person }[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>({
        query:
          "SELECT TOP @limit c.tenantId, c.owner FROM c WHERE c.kind = 'record' AND c.status != 'discarded'",
        parameters: [{ name: '@limit', value: limit }],
      })
      .fetchAll();
    const seen = new Map<string, { tenantId: string; owner: Person }>();
    for (const resource of resources) {
      const parsed = ownerSchema.safeParse(resource);
      if (parsed.success) seen.set(`${parsed.data.tenantId}/${parsed.data.owner.id}`, parsed.data);
    }
    return [...seen.values()];
  }

  private async nextSequence(tenantId: string, year: number): Promise<number> {
    const id = counterId(year);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        const { resource } = await this.container
          .item(id, tenantId)
          .patch<{ value: number }>([{ op: 'incr', path: '/value', value: 1 }]);
        if (resource) return resource.value;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
        try {
          await this.container.items.create({ id, tenantId, kind: 'counter', value: 1 });
          return 1;
        } catch (createError) {
          // Another instance created the counter first: increment theirs.
          if (statusOf(createError) !== 409) throw createError;
        }
      }
    }
    throw new Error('could not number the record');
  }
}
