import { fail, ok, type Problem, problemsFromIssues, type Result } from '../common/result.js';
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
  const parsed = policyPackSchema.safeParse(value, { error: plainWords });
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues));
  // The schema drops a field it does not know; in a pack file that is a misspelling, and a
  // misspelt `reviewDue` left quietly unused would mislead, so each one is a problem.
  const unknown = unknownFields(value, parsed.data, []);
  return unknown.length === 0 ? ok(parsed.data) : fail(unknown);
}

/** Fields of the input that the parsed pack no longer holds: those the schema does not know. */
function unknownFields(input: unknown, output: unknown, path: string[]): Problem[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) =>
      unknownFields(item, output[index], [...path, String(index)]),
    );
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.entries(input).flatMap(([key, child]) =>
    Object.hasOwn(output, key)
      ? unknownFields(child, output[key], [...path, key])
      : [
          {
            path: [...path, key].join('.'),
            message: 'is not a known field; check its spelling',
          },
        ],
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * zod's own words for a missing or mistyped field ("Invalid input: expected string, received
 * undefined") say little to the person editing a pack file; these say what to write. Any
 * message a field's schema gives itself still wins.
 */
function plainWords(issue: {
  code?: string;
  expected?: unknown;
  input?: unknown;
}): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  const expected = KINDS[String(issue.expected)] ?? String(issue.expected);
  if (issue.input === undefined) return `is missing: add it (${expected})`;
  return `must be ${expected}, not ${kindOf(issue.input)}`;
}

const KINDS: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'an object in { }',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
