/**
 * The matching rule of find and replace, on plain strings: what counts as a match for a query with "Match case"
 * and "Whole word". Pure, so the report walker (findInReport.ts) and the editor's highlights (editorMatches.ts)
 * agree on every match.
 */

export interface FindOptions {
  matchCase: boolean;
  /** The match is not part of a longer word: no letter, digit or combining mark right before or after it. */
  wholeWord: boolean;
}

export interface TextMatch {
  /** Offset of the first character, in UTF-16 code units (as Yjs and ProseMirror count). */
  index: number;
  length: number;
}

/** Longest query accepted: a sentence or two; longer input is cut, never matched as a huge pattern. */
export const MAX_QUERY_CHARS = 500;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A word character in any script: letters (Latin with accents, Arabic, Cyrillic, CJK ...), digits and combining
 * marks (Arabic harakat, decomposed accents). `\b` only knows ASCII letters, so it would split "café" or "право".
 */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

/** The regular expression for a query, or null when there is nothing to look for. */
export function findPattern(query: string, options: FindOptions): RegExp | null {
  const q = query.slice(0, MAX_QUERY_CHARS);
  if (q.length === 0) return null;
  let source = escapeRegExp(q);
  if (options.wholeWord) source = `(?<!${WORD_CHAR})${source}(?!${WORD_CHAR})`;
  return new RegExp(source, options.matchCase ? 'gu' : 'giu');
}

/** Every match of `pattern` in `text`, left to right, not overlapping. */
export function matchesIn(text: string, pattern: RegExp | null): TextMatch[] {
  if (!pattern) return [];
  const out: TextMatch[] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out.push({ index: m.index, length: m[0].length });
  }
  return out;
}

/** Shorthand: the matches of `query` in `text`. */
export function findInText(text: string, query: string, options: FindOptions): TextMatch[] {
  return matchesIn(text, findPattern(query, options));
}
