import { z } from 'zod';
import { isoDateSchema } from '../common/dates.js';
import { personSchema } from './person.js';

/** How a commitment measure (such as the Living Wage) stood over a period. */
export const commitmentStatusSchema = z.enum(['met', 'partly-met', 'not-met']);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

/**
 * What the supplier delivered for one outcome over one period, as the record keeps it. An
 * entry is never changed but to say which later entry corrects it (`supersededBy`).
 */
export const deliveryEntrySchema = z.object({
  /** D1, D2, ...: in the order recorded. */
  id: z.string().regex(/^D\d+$/),
  measureId: z.string(),
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  /** In the measure's unit; absent for a commitment measure. */
  amount: z.number().min(0).optional(),
  /** For a commitment measure only. */
  status: commitmentStatusSchema.optional(),
  evidence: z.object({ note: z.string().min(1), link: z.url().optional() }),
  /** The entry this one corrects. */
  corrects: z.string().optional(),
  /** The later entry that corrects this one: this one no longer counts. */
  supersededBy: z.string().optional(),
  by: personSchema,
  at: z.iso.datetime(),
});
export type DeliveryEntry = z.infer<typeof deliveryEntrySchema>;
