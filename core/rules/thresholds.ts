import { formatDate, isWithin } from '../common/dates.js';
import { comparePounds, formatMoney } from '../common/money.js';
import { fail, ok, type Result } from '../common/result.js';
import type { MainElement, PolicyPack, Regime, RegulatedRow } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';
import type { Warning } from './warning.js';

export type ThresholdBasis =
  | 'goods and services'
  | 'works'
  | 'light-touch services'
  | 'concession'
  | 'light-touch concession';

export interface RegulatedThreshold {
  value: number;
  basis: ThresholdBasis;
  /** The public sources of the figure, joined for display. */
  source: string;
  sources: string[];
  effectiveFrom: string;
  effectiveTo?: string;
  confirmedOn: string;
  nextRevisionExpected: string;
}

export interface RegulatedThresholdResult {
  threshold: RegulatedThreshold;
  /** At or above the threshold: the Procurement Act's "not less than". */
  regulated: boolean;
  reasons: Reason[];
  warnings: Warning[];
}

/**
 * The regulated-threshold row in force for a procurement beginning on the given date. A
 * date after the last row's end falls to the latest row (which has no end); a date before
 * the first row is refused rather than guessed.
 */
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

/**
 * A procurement that begins on or after the row's expected revision may meet new figures the
 * pack does not hold yet: the revision takes effect on that day.
 */
export function thresholdWarnings(pack: PolicyPack, row: RegulatedRow, start: string): Warning[] {
  if (start < row.nextRevisionExpected) return [];
  const { citation, text } = pack.notices.thresholdsOutdated;
  return [
    {
      code: 'thresholds-may-be-outdated',
      citation,
      text: `${text} The figures were last confirmed on ${formatDate(row.confirmedOn)}; the next revision was expected on ${formatDate(row.nextRevisionExpected)}.`,
    },
  ];
}

function basisOf(
  row: RegulatedRow,
  contract: { element: MainElement; lightTouch: boolean; concession: boolean },
): [ThresholdBasis, number] {
  if (contract.concession) {
    return contract.lightTouch
      ? ['light-touch concession', row.lightTouchConcession]
      : ['concession', row.concession];
  }
  if (contract.lightTouch) return ['light-touch services', row.lightTouch];
  if (contract.element === 'works') return ['works', row.works];
  return ['goods and services', row.goodsAndServices];
}

/** Which regulated threshold applies (by date and kind of contract) and whether the value reaches it. */
export function regulatedThreshold(
  pack: PolicyPack,
  contract: {
    element: MainElement;
    lightTouch: boolean;
    concession?: boolean;
    value: number;
    procurementStart: string;
  },
): Result<RegulatedThresholdResult> {
  const found = regulatedRow(pack, contract.procurementStart);
  if (!found.ok) return found;
  const row = found.value;
  const concession = contract.concession ?? false;
  const [basis, value] = basisOf(row, { ...contract, concession });
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
    confirmedOn: row.confirmedOn,
    nextRevisionExpected: row.nextRevisionExpected,
  };
  const reasons = [
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
  ];
  if (concession) {
    reasons.push(
      reason(
        'regulated-threshold',
        pack.regulated.concession.citation,
        pack.regulated.concession.text,
      ),
    );
  }
  return ok({
    threshold,
    regulated,
    reasons,
    warnings: thresholdWarnings(pack, row, contract.procurementStart),
  });
}
