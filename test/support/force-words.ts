import { builtInPack } from '../../core/policy/cumbria/index.js';

/**
 * The words that belong to the built-in (Cumbria) pack alone: a force's name and bodies, its
 * citation marks, and the pack's own ids that logic must not know. Outside the pack folder
 * (and outside tests and Markdown, which describe the built-in pack), any of them is a leak:
 * a card or rule that would read wrongly for another force.
 */
const NAMED: readonly { word: string; caseSensitive?: boolean }[] = [
  // The force and its bodies, in any case: an identifier such as cumbriaPack leaks too, and
  // "Cumbria" covers "Cumbrian".
  { word: 'Cumbria' },
  { word: 'OPCC' },
  { word: 'Constabulary' },
  { word: 'Police and Crime Commissioner' },
  // The policy's citation marks and parts.
  { word: '§', caseSensitive: true },
  { word: 'Fig 1', caseSensitive: true },
  { word: 'Fig 2', caseSensitive: true },
  { word: 'App 1', caseSensitive: true },
  { word: 'Appendix 1', caseSensitive: true },
  { word: 'MSS-', caseSensitive: true },
  // A tier label of the pack; the tiers' ids (gold, silver, bronze, none) are the schema's.
  { word: 'No Award', caseSensitive: true },
  // Ids of the pack's own that logic must not test for.
  { word: 'pa-2023', caseSensitive: true },
  { word: 'pcr-2015', caseSensitive: true },
];

/**
 * Every paragraph the pack cites by (`Fig 1 stage 8`, `MSS-3`, `App 1 Outcome 2`, `MSS`), so that a
 * paragraph added to the pack is caught without editing this list. `§` refs are covered by the
 * mark itself; the public sources (Acts, notes) are any force's to cite and are left out.
 */
const PARAGRAPH_REFS = builtInPack.paragraphs
  .map((paragraph) => paragraph.ref)
  .filter((ref) => !ref.startsWith('§'));
const MODERN_SLAVERY_IDS = builtInPack.modernSlavery.items.map((item) => item.id);

export interface ForceWord {
  word: string;
  pattern: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A citation is matched whole (`MSS` is not in "MSSQL", `App 1` not in "App 10"), as written;
 * a name anywhere and in any case, since it may be glued into an identifier (cumbriaPack).
 */
function wordPattern(word: string, caseSensitive: boolean): RegExp {
  if (!caseSensitive) return new RegExp(escapeRegExp(word), 'iu');
  const start = /^\w/.test(word) ? '(?<!\\w)' : '';
  const end = /\w$/.test(word) ? '(?!\\w)' : '';
  return new RegExp(`${start}${escapeRegExp(word)}${end}`, 'u');
}

const listed = new Set(NAMED.map((named) => named.word));

export const FORCE_WORDS: readonly ForceWord[] = [
  ...NAMED.map(({ word, caseSensitive }) => ({
    word,
    pattern: wordPattern(word, caseSensitive === true),
  })),
  ...[...new Set([...PARAGRAPH_REFS, ...MODERN_SLAVERY_IDS])]
    .filter((word) => !listed.has(word))
    .map((word) => ({ word, pattern: wordPattern(word, true) })),
];

export interface ForceWordHit {
  line: number;
  word: string;
  text: string;
}

/** The force words in a text, line by line (lines numbered from 1), each word once a line. */
export function forceWordsIn(text: string): ForceWordHit[] {
  return text.split('\n').flatMap((line, index) =>
    FORCE_WORDS.filter(({ pattern }) => pattern.test(line)).map(({ word }) => ({
      line: index + 1,
      word,
      text: line.trim(),
    })),
  );
}
