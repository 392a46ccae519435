import { fail, ok, problemsFromIssues, type Result } from '../common/result.js';
import { type PolicyPack, policyPackSchema } from './schema.js';

/**
 * Checks a pack handed in by a caller (as JSON text or as a parsed object) and returns it,
 * or every problem found, each named by its field path. Reading the file is the caller's job.
 */
export function loadPack(input: unknown): Result<PolicyPack> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail([{ path: '(file)', message: `is not valid JSON: ${reason}` }]);
    }
  }
  const parsed = policyPackSchema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(problemsFromIssues(parsed.error.issues));
}
