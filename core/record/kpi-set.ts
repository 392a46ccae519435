import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { personSchema } from './person.js';

/** One key performance indicator of a contract (PA 2023 s.52(4)), as the record keeps it. */
export const kpiSchema = z.object({
  /** K1, K2, ...: stable, so that assessments and notices name the KPI they rate. */
  id: z.string().regex(/^K\d+$/),
  name: z.string().min(1),
  measuredBy: z.string().min(1),
  target: z.string().min(1),
  /** One of the KPIs the contract details notice names as the most material. */
  mostMaterial: z.boolean(),
  /** The social value measure the KPI was taken from, if any. */
  measureId: z.string().optional(),
});
export type Kpi = z.infer<typeof kpiSchema>;

/** The KPIs set for a contract, the duty they were set under, and who set them when. */
export const kpiSetSchema = z.object({
  /** Whether s.52 required KPIs when they were set; assessments are due only where it did. */
  duty: z.enum(['required', 'optional']),
  kpis: z.array(kpiSchema),
  /** Why the supplier's performance could not appropriately be assessed by KPIs. */
  notAppropriate: z.string().optional(),
  on: isoDateSchema,
  by: personSchema,
  at: z.iso.datetime(),
});
export type KpiSet = z.infer<typeof kpiSetSchema>;
