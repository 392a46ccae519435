/** One problem with an input, named by the path of the field that holds it. */
export interface Problem {
  path: string;
  message: string;
  /** For a file whose columns were not recognised: the columns it has, for a page to offer. */
  columnsSeen?: readonly string[];
}

/** A result that is either a value or every problem found with the input, never a bare throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems });

interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  keys?: readonly string[];
}

/** Turns zod issues into problems keyed by a dotted field path; each unknown field is its own problem. */
export function problemsFromIssues(issues: readonly Issue[], prefix = ''): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({
        path: joinPath(prefix, [...issue.path, key]),
        message: 'is not a known field; check its spelling',
      }));
    }
    return [{ path: joinPath(prefix, issue.path), message: issue.message }];
  });
}

function joinPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  const joined = [prefix, ...path.map(String)].filter((part) => part !== '').join('.');
  return joined === '' ? '(input)' : joined;
}
