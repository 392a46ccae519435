import type { DashboardView } from '../../core/dashboard/index.js';
import { dueView } from './due.js';
import { kpisView } from './kpis.js';
import { pipelineView } from './pipeline.js';
import { socialValueView } from './social-value.js';
import { suppliersView } from './suppliers.js';

/** The dashboard's views, in the order of its tabs: a new view is one file and one line here. */
export const VIEWS: readonly DashboardView[] = [
  pipelineView,
  dueView,
  socialValueView,
  kpisView,
  suppliersView,
];

export const viewById = (id: string): DashboardView | undefined =>
  VIEWS.find((view) => view.id === id);
