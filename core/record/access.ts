import type { CommissioningRecord } from './record.js';

export interface Viewer {
  tenantId: string;
  userId: string;
  /** A procurement lead sees and changes every record of the tenant. */
  isProcurementLead: boolean;
  /**
   * The same person's other id: Teams names a user by an Entra object id and by a channel
   * id, and a colleague added by @mention may be known by either.
   */
  otherIds?: readonly string[];
}

/** Every id the viewer is known by. */
export const idsOf = (viewer: Viewer): string[] => [viewer.userId, ...(viewer.otherIds ?? [])];

/**
 * Who may see and change a record: its owner, the collaborators the owner added, and the
 * tenant's procurement leads. Anyone else is told it was not found.
 */
export function canAccess(
  record: Pick<CommissioningRecord, 'tenantId' | 'owner' | 'collaboratorIds'>,
  viewer: Viewer,
): boolean {
  if (record.tenantId !== viewer.tenantId) return false;
  return (
    viewer.isProcurementLead ||
    record.owner.id === viewer.userId ||
    idsOf(viewer).some((id) => record.collaboratorIds.includes(id))
  );
}

/** Only the owner (or a procurement lead) adds collaborators. */
export const canShare = (record: CommissioningRecord, viewer: Viewer): boolean =>
  canAccess(record, viewer) && (viewer.isProcurementLead || record.owner.id === viewer.userId);

/** Suppliers are rated by the record's owner or a procurement lead, not by collaborators. */
export const canRate = canShare;

/** Performance is assessed, and a termination or breach recorded, by the same people who rate. */
export const canAssess = canShare;
