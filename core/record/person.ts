import { z } from 'zod';

/** Someone who acted on a record: their id (for access) and name (for the audit trail). */
export const personSchema = z.object({ id: z.string().min(1), name: z.string() });
export type Person = z.infer<typeof personSchema>;
