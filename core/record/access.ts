import type { CommissioningRecord } from './record.js';

export interface Viewer {
  tenantId: string;
  userId: string;
  /** A procurement lead sees and changes every record of the tenant. */
  isProcurementLead: boolean;
}

/**
 * Who may see and change a record: its owner, the collaborators the owner added, and the
 * tenant's procurement leads. Anyone else is told it was not found.
 */
export function canAccess(record: CommissioningRecord, viewer: Viewer): boolean {
  if (record.tenantId !== viewer.tenantId) return false;
  return (
    viewer.isProcurementLead ||
    record.owner.id === viewer.userId ||
    record.collaboratorIds.includes(viewer.userId)
  );
}

/** Only the owner (or a procurement lead) adds collaborators. */
export const canShare = (record: CommissioningRecord, viewer: Viewer): boolean =>
  canAccess(record, viewer) && (viewer.isProcurementLead || record.owner.id === viewer.userId);

/** Suppliers are rated by the record's owner or a procurement lead, not by collaborators. */
export const canRate = canShare;
