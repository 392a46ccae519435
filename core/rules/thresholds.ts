import { formatDate, isWithin } from '../common/dates.js';
import { comparePounds, formatMoney } from '../common/money.js';
import { fail, ok, type Result } from '../common/result.js';
import type { MainElement, PolicyPack, Regime, RegulatedRow } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export type ThresholdBasis = 'goods and services' | 'works' | 'light-touch services';

export interface RegulatedThreshold {
  value: number;
  basis: ThresholdBasis;
  /** The public sources of the figure, joined for display. */
  source: string;
  sources: string[];
  effectiveFrom: string;
  effectiveTo?: string;
}

export interface RegulatedThresholdResult {
  threshold: RegulatedThreshold;
  /** At or above the threshold: the Procurement Act's "not less than". */
  regulated: boolean;
  reasons: Reason[];
}

/** The regulated-threshold row in force for a procurement beginning on the given date. */
export function regulatedRow(pack: PolicyPack, start: string): Result<RegulatedRow> {
  const row = pack.regulated.rows.find((r) => isWithin(start, r.from, r.to));
  if (row) return ok(row);
  const first = pack.regulated.rows[0]?.from ?? '';
  return fail([
    {
      path: 'procurementStart',
      message: `has no regulated threshold in policy pack ${pack.version}: its thresholds begin on ${first}`,
    },
  ]);
}

/** The procurement regime for a procurement beginning on the given date. */
export function regimeOn(pack: PolicyPack, start: string): Regime | undefined {
  return pack.act.regimes.find((r) => isWithin(start, r.from, r.to));
}

/** Which regulated threshold applies (by date and kind of contract) and whether the value reaches it. */
export function regulatedThreshold(
  pack: PolicyPack,
  contract: { element: MainElement; lightTouch: boolean; value: number; procurementStart: string },
): Result<RegulatedThresholdResult> {
  const found = regulatedRow(pack, contract.procurementStart);
  if (!found.ok) return found;
  const row = found.value;
  const [basis, value]: [ThresholdBasis, number] = contract.lightTouch
    ? ['light-touch services', row.lightTouch]
    : contract.element === 'works'
      ? ['works', row.works]
      : ['goods and services', row.goodsAndServices];
  const regulated = comparePounds(contract.value, value) >= 0;
  const { authority, atOrAbove } = pack.regulated;
  const period = row.to
    ? `from ${formatDate(row.from)} to ${formatDate(row.to)}`
    : `from ${formatDate(row.from)}`;
  const threshold: RegulatedThreshold = {
    value,
    basis,
    source: row.sources.join('; '),
    sources: row.sources,
    effectiveFrom: row.from,
    ...(row.to ? { effectiveTo: row.to } : {}),
  };
  return ok({
    threshold,
    regulated,
    reasons: [
      reason(
        'regulated-threshold',
        row.sources[0] ?? atOrAbove.citation,
        `The ${authority.kind} threshold for ${basis} in procurements begun ${period} is ${formatMoney(value)} including VAT.`,
      ),
      reason(
        'regulated-threshold',
        atOrAbove.citation,
        `${formatMoney(contract.value)} is ${regulated ? 'at or above' : 'below'} ${formatMoney(value)}, so the contract is ${regulated ? '' : 'not '}regulated. ${atOrAbove.text}`,
      ),
      reason('regulated-threshold', authority.citation, authority.text),
    ],
  });
}
