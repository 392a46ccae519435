/** One problem with an input, named by the path of the field that holds it. */
export interface Problem {
  path: string;
  message: string;
}

/** A result that is either a value or every problem found with the input, never a bare throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems });

/** Turns zod issues into problems, one per issue, keyed by a dotted field path. */
export function problemsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): Problem[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return { path: path === '' ? '(input)' : path, message: issue.message };
  });
}
