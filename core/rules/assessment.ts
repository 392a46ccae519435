import { isIsoDate, isoDateSchema } from '../common/dates.js';
import { fail, ok, type Result } from '../common/result.js';
import type { DirectAward, MainElement, PolicyPack } from '../policy/schema.js';
import { type AssessmentInput, parseAssessmentInput } from './assessment-input.js';
import { conditionsHold, type Facts } from './conditions.js';
import { type PolicyStatus, policyStatus } from './policy-status.js';
import { derivedReason, type Reason, reason } from './reason.js';
import { scope } from './scope.js';
import { type SizeBandResult, sizeBand } from './size-band.js';
import {
  type RegulatedThreshold,
  regimeOn,
  regulatedRow,
  regulatedThreshold,
} from './thresholds.js';
import type { Warning } from './warning.js';

export interface CitedItem {
  id: string;
  citation: string;
  text: string;
}

export interface SmallerProviderCheck extends CitedItem {
  /** The statutory duty behind the check, where it applies to this procurement. */
  statutory?: { citation: string; text: string };
  /** For a direct award: how the check still applies (the pack's reading). */
  directAward?: string;
}

export interface ModernSlaveryItem extends CitedItem {
  /** For a direct award: how the item still applies to the one supplier chosen (the pack's reading). */
  directAward?: string;
}

/** A check or item that does not apply to this contract, with why: nothing is dropped silently. */
export interface SetAsideItem extends CitedItem {
  why: string;
  derived: { from: string[]; note: string };
}

export interface Assessment {
  input: AssessmentInput;
  /** The category the rules judged: a mixed contract's main element. */
  element: MainElement;
  inScope: boolean;
  scopeReasons: Reason[];
  actApplies: boolean;
  actReasons: Reason[];
  regime?: { id: string; name: string; citation: string };
  regulatedThreshold: RegulatedThreshold;
  aboveRegulatedThreshold: boolean;
  thresholdReasons: Reason[];
  socialValueObjective: boolean;
  weighting: {
    min: number;
    max: number;
    unit: '%';
    /** Only for a contract in the policy's scope that is awarded competitively (the pack's weighting). */
    applies: boolean;
    citation: string;
    text: string;
  };
  smallerProviderChecks: SmallerProviderCheck[];
  modernSlaveryItems: ModernSlaveryItem[];
  /** The checks and items a direct award sets aside, each with why. */
  setAside: SetAsideItem[];
  sizeBand?: SizeBandResult['band'];
  sizeBandReasons: Reason[];
  /** Context worth showing that decides nothing. */
  advice: Reason[];
  policy: Omit<PolicyStatus, 'reasons' | 'warnings'>;
  policyReasons: Reason[];
  /** Always present: dates missing or possibly out of date, each with its code. */
  warnings: Warning[];
}

/**
 * Assesses a proposed contract under a pack, on a given date (which decides only whether
 * the pack's review is overdue; thresholds follow the procurement's start date).
 */
export function assess(pack: PolicyPack, input: unknown, on: string): Result<Assessment> {
  const parsed = parseAssessmentInput(input);
  const problems = parsed.ok ? [] : [...parsed.problems];
  // A start date the pack has no thresholds for is listed with the other problems, not after them.
  const start =
    typeof input === 'object' && input !== null
      ? Reflect.get(input, 'procurementStart')
      : undefined;
  if (typeof start === 'string' && isIsoDate(start)) {
    const row = regulatedRow(pack, start);
    if (!row.ok) problems.push(...row.problems);
  }
  if (!isoDateSchema.safeParse(on).success) {
    problems.push({ path: 'on', message: 'must be a real date written YYYY-MM-DD' });
  }
  if (!parsed.ok || problems.length > 0) return fail(problems);
  const contract = parsed.value;
  const element: MainElement =
    contract.category === 'mixed' ? (contract.mainElement ?? 'services') : contract.category;

  const threshold = regulatedThreshold(pack, {
    element,
    lightTouch: contract.lightTouch,
    concession: contract.concession,
    value: contract.value,
    procurementStart: contract.procurementStart,
  });
  const size = contract.headcount === undefined ? undefined : sizeBand(pack, contract.headcount);
  const failures = [threshold, size].flatMap((r) => (r && !r.ok ? r.problems : []));
  if (!threshold.ok || failures.length > 0) return fail(failures);

  const inScope = scope(pack, {
    element,
    value: contract.value,
    keyProvider: contract.keyProvider,
  });
  const regulated = threshold.value.regulated;
  const regime = regimeOn(pack, contract.procurementStart);
  const actReachesIt = !contract.concession || pack.act.concession.applies;
  const actApplies = element === 'services' && regulated && actReachesIt;
  const facts: Facts = {
    inScope: inScope.inScope,
    competitive: contract.competitive,
    aboveRegulatedThreshold: regulated,
    actApplies,
    procurementActRegime: regime?.procurementAct === true,
  };
  const status = policyStatus(pack, on);
  const { reasons: policyReasons, warnings: policyWarnings, ...policy } = status;
  const weightingApplies = inScope.inScope && contract.competitive;
  const direct = !contract.competitive;
  const setAside: SetAsideItem[] = [];
  const keep = <T extends { id: string; citation: string; text: string; directAward: DirectAward }>(
    item: T,
  ): boolean => {
    if (!direct || item.directAward.applies) return true;
    setAside.push({
      id: item.id,
      citation: item.citation,
      text: item.text,
      why: item.directAward.text,
      derived: pack.directAward.derived,
    });
    return false;
  };

  return ok({
    input: contract,
    element,
    inScope: inScope.inScope,
    scopeReasons: [...inScope.reasons, ...coverageReasons(pack, contract)],
    actApplies,
    actReasons: actReasons(pack, { element, applies: actApplies, regulated, contract }, regime),
    ...(regime ? { regime: { id: regime.id, name: regime.name, citation: regime.citation } } : {}),
    regulatedThreshold: threshold.value.threshold,
    aboveRegulatedThreshold: regulated,
    thresholdReasons: threshold.value.reasons,
    socialValueObjective: regulated,
    weighting: {
      min: pack.weighting.min,
      max: pack.weighting.max,
      unit: pack.weighting.unit,
      applies: weightingApplies,
      citation: pack.weighting.citation,
      text: weightingApplies ? pack.weighting.text : pack.weighting.notApplicable.text,
    },
    smallerProviderChecks: pack.smallerProviders.checks
      .filter((check) => conditionsHold(check.appliesWhen, facts))
      .filter(keep)
      .map(({ id, citation, text, statutory, directAward }) => ({
        id,
        citation,
        text,
        ...(statutory && conditionsHold(statutory.appliesWhen, facts)
          ? { statutory: { citation: statutory.citation, text: statutory.text } }
          : {}),
        ...(direct ? { directAward: directAward.text } : {}),
      })),
    modernSlaveryItems: pack.modernSlavery.items
      .filter((item) => conditionsHold(item.appliesWhen, facts))
      .filter(keep)
      .map(({ id, citation, text, directAward }) => ({
        id,
        citation,
        text,
        ...(direct ? { directAward: directAward.text } : {}),
      })),
    setAside,
    ...(size?.ok ? { sizeBand: size.value.band } : {}),
    sizeBandReasons: size?.ok ? size.value.reasons : [],
    advice: adviceReasons(pack, { regulated, weightingApplies, direct }),
    policy,
    policyReasons,
    warnings: [...threshold.value.warnings, ...policyWarnings],
  });
}

function coverageReasons(pack: PolicyPack, contract: AssessmentInput): Reason[] {
  if (contract.category !== 'mixed') return [];
  const { coverage, mixed } = pack.scope;
  return [
    derivedReason(
      'coverage',
      coverage.citation,
      `Judged as ${contract.mainElement}, its main element. ${mixed.text}`,
      mixed.derived,
    ),
  ];
}

function actReasons(
  pack: PolicyPack,
  judged: {
    element: MainElement;
    applies: boolean;
    regulated: boolean;
    contract: AssessmentInput;
  },
  regime: { name: string; citation: string; text: string } | undefined,
): Reason[] {
  const { element, applies, regulated, contract } = judged;
  const concessionOutside =
    element === 'services' && regulated && contract.concession && !pack.act.concession.applies;
  const why = applies
    ? 'A services contract at or above the regulated threshold: the Act applies.'
    : element !== 'services'
      ? `The main element is ${element}, not services: the Act does not apply.`
      : concessionOutside
        ? 'A services concession at or above its threshold, but the Act is read as not reaching concessions.'
        : 'Below the regulated threshold: the Act does not apply.';
  const reasons = [reason('act', pack.act.citation, `${why} ${pack.act.text}`)];
  if (contract.concession) {
    const { citation, text, derived } = pack.act.concession;
    reasons.push(derivedReason('act', citation, text, derived));
  }
  if (applies) {
    const steps = pack.act.considerations.map((c) => `(${c.id}) ${c.text}`).join(' ');
    reasons.push(reason('act', pack.act.citation, `Before procuring, consider: ${steps}`));
    if (regime) reasons.push(reason('act', regime.citation, regime.text));
  }
  return reasons;
}

function adviceReasons(
  pack: PolicyPack,
  judged: { regulated: boolean; weightingApplies: boolean; direct: boolean },
): Reason[] {
  const advice = [
    reason('other-models', pack.scope.otherModels.citation, pack.scope.otherModels.text),
    ...pack.principles.map((p) => reason(p.id, p.citation, p.text)),
  ];
  if (judged.regulated) {
    advice.push(
      reason('objective', pack.objectiveAboveThreshold.citation, pack.objectiveAboveThreshold.text),
    );
  }
  if (judged.weightingApplies) {
    advice.push(reason('weighting', pack.weighting.citation, pack.weighting.text));
    advice.push(reason('weighting', pack.weighting.context.citation, pack.weighting.context.text));
  }
  if (judged.direct) {
    const { citation, text, derived } = pack.directAward;
    advice.push(derivedReason('direct-award', citation, text, derived));
  }
  return advice;
}
