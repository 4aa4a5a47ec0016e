/**
 * Suggestions beyond one paragraph's text: what each kind means, how it is stored in a suggestion's map, and the
 * check of a stored one (the server's guard refuses a new suggestion this module cannot read, see changeRules.ts).
 * They use the anchor, `originalText` and `insertText` of a text suggestion (layout.ts), so staleness, decisions,
 * accept all and export treat every kind alike:
 *
 * | kind          | anchor                                   | originalText         | insertText       | fields            |
 * |---------------|------------------------------------------|----------------------|------------------|-------------------|
 * | `insertBlock` | a point at the end of a paragraph's text | ''                   | the new blocks' (one a line) | block |
 * | `insertBlock` (`tableRow`) | a point at the end of the text of the row it goes after | '' | the new row's cells (below) | block |
 * | `deleteBlock` | the whole text of the block to remove    | that text            | ''               | block             |
 * | `footnote`    | the point the note goes                  | ''                   | the note's text  |                   |
 * | `format`      | the text to format                       | that text            | ''               | mark, markAction, href (links) |
 *
 * A new table row's `insertText` is its cells' texts in column order, separated by a tab (U+0009): one row, so no
 * line break, no tab inside a cell, at most MAX_SUGGESTED_ROW_CELLS cells (encodeRowCells / decodeRowCells).
 *
 * A text suggestion has no `kind` field, as before this module existed. Applying: applyStructure.ts.
 */

export const BLOCK_INSERTS = ['paragraph', 'listItem', 'tableRow'] as const;
export const BLOCK_DELETES = ['paragraph', 'listItem', 'tableRow'] as const;
export const FORMAT_MARKS = ['bold', 'italic', 'underline', 'strike', 'link'] as const;

export type InsertableBlock = (typeof BLOCK_INSERTS)[number];
export type DeletableBlock = (typeof BLOCK_DELETES)[number];
export type FormatMark = (typeof FORMAT_MARKS)[number];

export type SuggestionChange =
  | { kind: 'text' }
  | { kind: 'insertBlock'; block: InsertableBlock }
  | { kind: 'deleteBlock'; block: DeletableBlock }
  | { kind: 'footnote' }
  | { kind: 'format'; mark: FormatMark; action: 'add' | 'remove'; href?: string }
  /** Stored by something other than this module (refused by the server; never applied). */
  | { kind: 'unknown' };

export type SuggestionKind = SuggestionChange['kind'];

/** Most cells a suggested new table row may hold (more columns than any table a submission prints). */
export const MAX_SUGGESTED_ROW_CELLS = 30;
const CELL_SEPARATOR = '\t';

/** A new row's cell texts as a suggestion's `insertText` (tabs and line breaks inside a cell become spaces). */
export function encodeRowCells(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join(CELL_SEPARATOR);
}

/** The cell texts of a suggested new row, or null when `insertText` is not one this module writes. */
export function decodeRowCells(insertText: string): string[] | null {
  if (/[\r\n]/.test(insertText)) return null;
  const cells = insertText.split(CELL_SEPARATOR);
  if (cells.length > MAX_SUGGESTED_ROW_CELLS || cells.every((c) => c.trim() === '')) return null;
  return cells;
}

/** Longest link a format suggestion may carry (the link form's own limit is the same). */
export const MAX_SUGGESTED_HREF_CHARS = 2048;

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

interface FieldMap {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

/** Schemes a suggested link may use; kept here (not imported) so the guard's rule is readable in one place. */
function safeHref(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_SUGGESTED_HREF_CHARS) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** The change a stored suggestion describes; anything this module did not write reads as `unknown`. */
export function readChange(m: FieldMap): SuggestionChange {
  const kind = m.get('kind');
  if (kind === undefined) return { kind: 'text' };
  const block = m.get('block');
  if (kind === 'insertBlock' && isOneOf(BLOCK_INSERTS, block)) return { kind, block };
  if (kind === 'deleteBlock' && isOneOf(BLOCK_DELETES, block)) return { kind, block };
  if (kind === 'footnote') return { kind };
  if (kind === 'format') {
    const mark = m.get('mark');
    const action = m.get('markAction');
    if (!isOneOf(FORMAT_MARKS, mark) || (action !== 'add' && action !== 'remove')) return { kind: 'unknown' };
    if (mark === 'link' && action === 'add') {
      const href = m.get('href');
      return safeHref(href) ? { kind, mark, action, href } : { kind: 'unknown' };
    }
    return { kind, mark, action };
  }
  return { kind: 'unknown' };
}

export function writeChange(m: FieldMap, change: SuggestionChange): void {
  if (change.kind === 'text' || change.kind === 'unknown') return;
  m.set('kind', change.kind);
  if (change.kind === 'insertBlock' || change.kind === 'deleteBlock') m.set('block', change.block);
  if (change.kind === 'format') {
    m.set('mark', change.mark);
    m.set('markAction', change.action);
    if (change.href !== undefined) m.set('href', change.href);
  }
}

/**
 * Why a new suggestion, as plain data, is not one this module wrote (an unknown kind, a block or mark it does
 * not name, a link to an unsafe address, fields of another kind, text where the kind has none), or null.
 */
export function refuseSuggestionShape(s: Record<string, unknown>): string | null {
  const get = (k: string) => s[k];
  const change = readChange({ get, set: () => undefined });
  if (change.kind === 'unknown') return 'a suggestion of an unknown kind, or with a block, mark or link this app does not write';
  const allowed = new Set<string>(
    change.kind === 'insertBlock' || change.kind === 'deleteBlock' ? ['block'] : change.kind === 'format' ? ['mark', 'markAction', 'href'] : [],
  );
  const stray = ['block', 'mark', 'markAction', 'href'].find((k) => s[k] !== undefined && !allowed.has(k));
  if (stray) return `a ${change.kind} suggestion has no field ${stray}`;
  if (change.kind === 'format' && s.href !== undefined && change.href === undefined) return 'only a link being added carries an address';
  const original = typeof s.originalText === 'string' ? s.originalText : '';
  const inserted = typeof s.insertText === 'string' ? s.insertText : '';
  if ((change.kind === 'insertBlock' || change.kind === 'footnote') && original !== '') return `a ${change.kind} suggestion replaces no text`;
  if (change.kind === 'insertBlock' && change.block === 'tableRow' && decodeRowCells(inserted) === null) {
    return `a new table row holds one line of at most ${MAX_SUGGESTED_ROW_CELLS} tab-separated cells, not all empty`;
  }
  if ((change.kind === 'deleteBlock' || change.kind === 'format') && (original === '' || inserted !== '')) return `a ${change.kind} suggestion covers text and inserts none`;
  return null;
}
