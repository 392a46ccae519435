/**
 * Finds the document paths the code's Cosmos DB queries filter or sort on, from the SQL
 * text in its TypeScript source, and decides whether an indexing policy indexes a path.
 * The template test uses both, so that a query on a path the template does not index fails.
 */

/**
 * The string literals of a TypeScript source, comments skipped. A template literal's
 * `${...}` parts become a space (the literals inside them are listed on their own).
 */
export function stringLiterals(source: string): string[] {
  const found: string[] = [];
  let at = 0;

  const quoted = (quote: string): void => {
    let text = '';
    at += 1;
    while (at < source.length && source[at] !== quote) {
      if (source[at] === '\\') {
        text += source.slice(at, at + 2);
        at += 2;
      } else {
        text += source[at];
        at += 1;
      }
    }
    at += 1;
    found.push(text);
  };

  const template = (): void => {
    let text = '';
    at += 1;
    while (at < source.length && source[at] !== '`') {
      if (source[at] === '\\') {
        text += source.slice(at, at + 2);
        at += 2;
      } else if (source.startsWith('${', at)) {
        at += 2;
        code(true);
        at += 1;
        text += ' ';
      } else {
        text += source[at];
        at += 1;
      }
    }
    at += 1;
    found.push(text);
  };

  /** A `/` where an expression may start begins a regular expression literal. */
  const regexMayStart = (): boolean => {
    let before = at - 1;
    while (before >= 0 && /\s/.test(source[before] ?? '')) before -= 1;
    return before < 0 || '(,=:[!&|?{};+-*%<>~^'.includes(source[before] ?? '');
  };

  const regex = (): void => {
    let inClass = false;
    at += 1;
    while (at < source.length && source[at] !== '\n') {
      const char = source[at];
      if (char === '\\') at += 1;
      else if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
      at += 1;
    }
    at += 1;
  };

  /** Reads code up to the end, or (in a `${...}`) up to its closing brace. */
  const code = (inTemplate: boolean): void => {
    let depth = 0;
    while (at < source.length) {
      const char = source[at];
      if (source.startsWith('//', at)) {
        const end = source.indexOf('\n', at);
        at = end < 0 ? source.length : end;
      } else if (source.startsWith('/*', at)) {
        const end = source.indexOf('*/', at + 2);
        at = end < 0 ? source.length : end + 2;
      } else if (char === "'" || char === '"') {
        quoted(char);
      } else if (char === '`') {
        template();
      } else if (char === '/' && regexMayStart()) {
        regex();
      } else {
        if (char === '{') depth += 1;
        if (char === '}') {
          if (inTemplate && depth === 0) return;
          depth -= 1;
        }
        at += 1;
      }
    }
  };

  code(false);
  return found;
}

export interface QueriedPaths {
  /** Each path as its property names: `c.owner.id` is `['owner', 'id']`. */
  paths: string[][];
  /** SQL this scanner cannot read reliably, which the test reports as failures. */
  problems: string[];
}

const SQL_KEYWORD = /\b(SELECT|WHERE|ORDER\s+BY)\b|\bc\.[A-Za-z_$]/;
const PROJECTION = /\bSELECT\b[\s\S]*?\bFROM\s+c\b/gi;
const REFERENCE = /\bc((?:\.[A-Za-z_$][\w$]*)+)/g;

/**
 * The paths a source's queries filter or sort on: the `c.<path>` references in its SQL
 * string literals, leaving out what a SELECT only returns (between SELECT and FROM c).
 * A condition kept in its own literal (a fragment added to a WHERE) counts as a filter.
 */
export function queriedPaths(source: string): QueriedPaths {
  const paths = new Map<string, string[]>();
  const problems: string[] = [];
  for (const literal of stringLiterals(source)) {
    if (!SQL_KEYWORD.test(literal)) continue;
    for (const from of literal.matchAll(/\bFROM\s+([A-Za-z_]\w*)/gi)) {
      if (from[1] !== 'c') {
        problems.push(`the query "${literal}" names its documents "${from[1]}", not "c"`);
      }
    }
    if (/\bJOIN\b|\bc\s*\[/i.test(literal)) {
      problems.push(
        `the query "${literal}" uses JOIN or c["..."], which this scan does not follow`,
      );
    }
    const conditions = literal.replace(PROJECTION, ' ');
    for (const reference of conditions.matchAll(REFERENCE)) {
      const segments = (reference[1] ?? '').slice(1).split('.');
      paths.set(segments.join('.'), segments);
    }
  }
  return { paths: [...paths.values()], problems };
}

export interface IndexingPolicy {
  includedPaths: { path: string }[];
  excludedPaths: { path: string }[];
}

/**
 * How specifically an index path pattern (`/owner/id/?`, `/collaboratorIds/[]/?`,
 * `/ratings/*`, `/*`) covers the values at a property path, or undefined when it does not.
 * A `[]` step covers the elements of the array at that path (ARRAY_CONTAINS).
 */
export function coverage(pattern: string, path: readonly string[]): number | undefined {
  const steps = pattern.replace(/^\//, '').split('/');
  const leaf = steps.pop();
  const names = steps.filter((step) => step !== '[]').map((step) => step.replace(/^"(.*)"$/, '$1'));
  if (leaf === '?') {
    const same = names.length === path.length && names.every((name, i) => name === path[i]);
    return same ? names.length * 2 + 1 : undefined;
  }
  if (leaf === '*') {
    const prefix = names.length <= path.length && names.every((name, i) => name === path[i]);
    return prefix ? names.length * 2 : undefined;
  }
  return undefined;
}

/** Whether the policy indexes a path: the most specific pattern covering it is an included one. */
export function isIndexed(policy: IndexingPolicy, path: readonly string[]): boolean {
  let best: { depth: number; included: boolean } | undefined;
  const rules = [
    ...policy.includedPaths.map(({ path: pattern }) => ({ pattern, included: true })),
    ...policy.excludedPaths.map(({ path: pattern }) => ({ pattern, included: false })),
  ];
  for (const { pattern, included } of rules) {
    const depth = coverage(pattern, path);
    if (depth === undefined) continue;
    if (best === undefined || depth > best.depth) best = { depth, included };
    else if (depth === best.depth && !included) best = { depth, included };
  }
  return best?.included === true;
}
