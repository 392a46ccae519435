import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { performanceEventIdSchema, performanceRatingIdSchema } from '../policy/schema.js';
import { personSchema } from './person.js';
import { reminderStateSchema } from './stages.js';

const ratedSchema = z.object({ rating: performanceRatingIdSchema, note: z.string().min(1) });

/** One assessment of the supplier's performance against the KPIs (PA 2023 s.71). */
export const performanceAssessmentSchema = z.object({
  /** A1, A2, ...: in the order made. */
  id: z.string().regex(/^A\d+$/),
  /** The due date it answers; a termination assessment answers the termination date. */
  due: isoDateSchema,
  kind: z.enum(['yearly', 'termination']),
  /** The period assessed: from the award or the day after the last assessed period. */
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  kpis: z.array(ratedSchema.extend({ kpiId: z.string() })),
  overall: ratedSchema,
  on: isoDateSchema,
  by: personSchema,
  at: z.iso.datetime(),
});
export type PerformanceAssessment = z.infer<typeof performanceAssessmentSchema>;

/** A breach or failure to improve that s.71 asks to be published, with its date. */
export const performanceEventSchema = z.object({
  id: z.string().regex(/^E\d+$/),
  kind: performanceEventIdSchema,
  on: isoDateSchema,
  note: z.string().min(1),
  by: personSchema,
  at: z.iso.datetime(),
});
export type PerformanceEvent = z.infer<typeof performanceEventSchema>;

export const performanceSchema = z.object({
  /** The contract ended early; its end date otherwise counts as its termination. */
  termination: z.object({ on: isoDateSchema, by: personSchema, at: z.iso.datetime() }).optional(),
  assessments: z.array(performanceAssessmentSchema),
  events: z.array(performanceEventSchema),
  /** Where the reminder for the next assessment due stands, as for a stage's. */
  reminder: reminderStateSchema,
});
export type PerformanceRecord = z.infer<typeof performanceSchema>;
