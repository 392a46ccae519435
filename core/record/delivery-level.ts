import { fail, ok, type Result } from '../common/result.js';
import type { PolicyPack, TierId } from '../policy/schema.js';
import { derivedReason, type Reason } from '../rules/reason.js';
import { progress } from './delivery.js';
import type { CommissioningRecord } from './record.js';

export interface DeliveryLevel {
  /** The rubric row the pack marks as suggested from delivery. */
  rowId: string;
  level: TierId;
  /** Outcomes met or on track to date, of those that can be judged. */
  met: number;
  judged: number;
  share: number;
  reasons: Reason[];
}

/**
 * The level the delivery record suggests for the supplier-status row the pack marks
 * `suggestedFrom: 'delivery'`: the share of the outcomes with a target that are met or on
 * track on `on`, banded by the pack. An outcome with no target, before the award, or (a
 * commitment or a rate) with nothing recorded yet, is not judged. The rater still confirms the row.
 */
export function deliveryLevel(
  record: CommissioningRecord,
  pack: PolicyPack,
  on: string,
): Result<DeliveryLevel> {
  const row = pack.supplierStatus.rows.find((r) => r.suggestedFrom === 'delivery');
  if (!row) {
    return fail([
      { path: 'pack', message: 'The policy pack suggests no rubric row from delivery.' },
    ]);
  }
  const found = progress(record, pack, on);
  if (!found.ok) return found;
  // A commitment or rate with nothing recorded yet says nothing about the supplier either way
  // (on the award day every one would count as failed), so it is not judged; a count with
  // nothing recorded is judged by its share of the target against the time passed.
  const judged = found.value.outcomes.filter(
    (o) => o.status !== 'no-target' && o.status !== 'not-started' && o.status !== 'not-recorded',
  );
  if (judged.length === 0) {
    return fail([
      {
        path: 'delivery',
        message: 'No outcome with a target can be judged yet, so delivery suggests no level.',
      },
    ]);
  }
  const met = judged.filter((o) => o.status === 'met' || o.status === 'on-track').length;
  const share = met / judged.length;
  const { supplierStatus } = pack.delivery;
  const band = supplierStatus.bands.find((b) => share >= b.atLeast);
  if (!band)
    return fail([
      { path: 'pack', message: 'The policy pack’s delivery bands leave this share out.' },
    ]);
  return ok({
    rowId: row.id,
    level: band.level,
    met,
    judged: judged.length,
    share,
    reasons: [
      derivedReason(
        'delivery-level',
        supplierStatus.citation,
        supplierStatus.text,
        supplierStatus.derived,
      ),
    ],
  });
}
