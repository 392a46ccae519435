import { comparePounds, formatMoney } from '../common/money.js';
import type { MainElement, PolicyPack } from '../policy/schema.js';
import { type Reason, reason } from './reason.js';

export interface ScopeResult {
  inScope: boolean;
  /** The rules that put the contract in scope, or, when none did, why each did not. */
  reasons: Reason[];
}

/**
 * Whether the policy seeks social value outcomes from a contract (the pack's scope rules): any rule that
 * holds puts it in scope. A mixed contract is judged as its main element.
 */
export function scope(
  pack: PolicyPack,
  contract: { element: MainElement; value: number; keyProvider: boolean },
): ScopeResult {
  const met: Reason[] = [];
  const unmet: Reason[] = [];
  for (const rule of pack.scope.rules) {
    if (rule.kind === 'keyProvider') {
      (contract.keyProvider ? met : unmet).push(
        reason(
          rule.id,
          rule.citation,
          contract.keyProvider ? rule.text : `Not a key provider. ${rule.text}`,
        ),
      );
      continue;
    }
    if (!rule.appliesTo.includes(contract.element)) continue;
    const above = comparePounds(contract.value, rule.threshold) > 0;
    const fact = `${formatMoney(contract.value)} is ${above ? 'greater than' : 'not greater than'} ${formatMoney(rule.threshold)}.`;
    (above ? met : unmet).push(reason(rule.id, rule.citation, `${fact} ${rule.text}`));
  }
  return { inScope: met.length > 0, reasons: met.length > 0 ? met : unmet };
}
