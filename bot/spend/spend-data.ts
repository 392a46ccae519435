import type { SpendData, SpendNeed } from '../../core/dashboard/index.js';
import { type ActionPlan, EMPTY_ACTION_PLAN } from '../../core/spend/targets.js';
import type { SpendStore } from './spend-store.js';

/**
 * What a spend view or the `spend` card reads of the store, each part only when it is shown.
 * The totals count only the imports in force, so those are read once and serve both.
 */
export async function spendData(
  store: SpendStore,
  tenantId: string,
  needs: readonly SpendNeed[],
): Promise<SpendData> {
  const need = (part: SpendNeed) => needs.includes(part);
  const [imports, suppliers, plan] = await Promise.all([
    need('months') || need('imports') ? store.imports(tenantId) : [],
    need('suppliers') ? store.suppliers(tenantId) : [],
    need('plan')
      ? store.actionPlan(tenantId)
      : ({ plan: EMPTY_ACTION_PLAN } as { plan: ActionPlan; etag?: string }),
  ]);
  const months = need('months') ? await store.months(tenantId, imports) : [];
  return {
    months,
    suppliers,
    plan: plan.plan,
    ...(plan.etag ? { planEtag: plan.etag } : {}),
    imports: need('imports') ? imports : [],
  };
}
