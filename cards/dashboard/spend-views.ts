import type { SpendView } from '../../core/dashboard/spend-view.js';
import { actionPlanView } from './action-plan.js';
import { spendView } from './spend.js';
import { spendImportsView } from './spend-imports.js';
import { spendSuppliersView } from './spend-suppliers.js';

/** The spend baseline's views, after the others, for procurement leads alone. */
export const SPEND_VIEWS: readonly SpendView[] = [
  spendView,
  spendSuppliersView,
  actionPlanView,
  spendImportsView,
];

export const spendViewById = (id: string): SpendView | undefined =>
  SPEND_VIEWS.find((view) => view.id === id);
