/**
 * Find and replace over a whole report's Y.Doc: every section's title and its text, footnotes, table cells,
 * list items and recommendation blocks included. It reads and writes the Yjs types directly (through the layout
 * module), so every section is searched whether or not it is shown, and a replacement is an ordinary Yjs change
 * that collaborators receive and `FindUndo` can take back.
 *
 * A "run" is text that reads as one piece: consecutive text in one paragraph (or heading, cell paragraph,
 * footnote). A hard line break or a footnote anchor ends a run, so a match never spans them. The editor's side
 * (editorMatches.ts) splits ProseMirror's text the same way, in the same order, so the n-th match of a section
 * here is the n-th match there.
 */
import * as Y from 'yjs';
import { getSectionBody, listSections, renameSection } from '../../../../shared/report/layout.ts';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';
import { findPattern, matchesIn, type FindOptions } from './findText.ts';

export interface ReportMatch {
  sectionId: string;
  /** The section's title, or its text (footnotes included). */
  field: 'title' | 'body';
  /** Position among the matches in this section's text (0-based); -1 for a title match. */
  ordinal: number;
  /** Offset of the match in its run (or in the title). */
  index: number;
  length: number;
  /** The text matched, as written. */
  text: string;
  inFootnote: boolean;
}

/** Consecutive Y.XmlText siblings (usually one): the pieces of one run of text. */
interface Run {
  pieces: Y.XmlText[];
  text: string;
  inFootnote: boolean;
}

/** The text of a Y.XmlText as the editor sees it; an embedded object (never written by the editor) counts as one character. */
function pieceText(piece: Y.XmlText): string {
  let out = '';
  for (const op of piece.toDelta() as { insert: unknown }[]) out += typeof op.insert === 'string' ? op.insert : '\uFFFC';
  return out;
}

/** Every run of a section body, in document order. */
export function textRuns(body: Y.XmlFragment): Run[] {
  const runs: Run[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement, inFootnote: boolean) => {
    let pending: Y.XmlText[] = [];
    const flush = () => {
      if (pending.length > 0) runs.push({ pieces: pending, text: pending.map(pieceText).join(''), inFootnote });
      pending = [];
    };
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) pending.push(child);
      else {
        flush();
        if (child instanceof Y.XmlElement) walk(child, inFootnote || child.nodeName === FOOTNOTE_NODE);
      }
    }
    flush();
  };
  walk(body, false);
  return runs;
}

/** Every match in the report, in reading order: section by section, each title before its text. */
export function findInReport(doc: Y.Doc, query: string, options: FindOptions): ReportMatch[] {
  const pattern = findPattern(query, options);
  if (!pattern) return [];
  const out: ReportMatch[] = [];
  for (const section of listSections(doc)) {
    for (const m of matchesIn(section.title, pattern)) {
      out.push({ sectionId: section.id, field: 'title', ordinal: -1, index: m.index, length: m.length, text: section.title.slice(m.index, m.index + m.length), inFootnote: false });
    }
    const body = getSectionBody(doc, section.id);
    if (!body) continue;
    let ordinal = 0;
    for (const run of textRuns(body)) {
      for (const m of matchesIn(run.text, pattern)) {
        out.push({ sectionId: section.id, field: 'body', ordinal: ordinal++, index: m.index, length: m.length, text: run.text.slice(m.index, m.index + m.length), inFootnote: run.inFootnote });
      }
    }
  }
  return out;
}

/** The formatting (marks) of the character at `offset` of a Y.XmlText. */
function attributesAt(piece: Y.XmlText, offset: number): Record<string, unknown> {
  let at = 0;
  for (const op of piece.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (offset < at + length) return { ...(op.attributes ?? {}) };
    at += length;
  }
  return {};
}

/**
 * Replace `length` characters at `index` of a run by `replacement`, which takes the formatting (bold, italic, a
 * link ...) of the first character it replaces.
 */
function replaceInRun(run: Run, index: number, length: number, replacement: string): void {
  let offset = index;
  let left = length;
  let first = true;
  for (const piece of run.pieces) {
    if (left === 0) break;
    const size = piece.length;
    if (offset >= size) {
      offset -= size;
      continue;
    }
    const here = Math.min(left, size - offset);
    if (first) {
      const attributes = attributesAt(piece, offset);
      piece.delete(offset, here);
      if (replacement) piece.insert(offset, replacement, attributes);
      first = false;
    } else {
      piece.delete(offset, here);
    }
    left -= here;
    offset = 0;
  }
}

/** Replace the given matches of one section body, found by `findInReport` in this state of the document. */
function replaceInBody(body: Y.XmlFragment, pattern: RegExp, ordinals: Set<number> | null, replacement: string): number {
  let ordinal = 0;
  let count = 0;
  for (const run of textRuns(body)) {
    const matches = matchesIn(run.text, pattern).map((m) => ({ ...m, ordinal: ordinal++ }));
    // Right to left, so the offsets of the matches still to replace stay valid.
    for (const m of matches.reverse()) {
      if (ordinals && !ordinals.has(m.ordinal)) continue;
      replaceInRun(run, m.index, m.length, replacement);
      count++;
    }
  }
  return count;
}

function replaceInTitle(title: string, pattern: RegExp, replacement: string, only?: number): string {
  let out = '';
  let from = 0;
  for (const m of matchesIn(title, pattern)) {
    if (only !== undefined && m.index !== only) continue;
    out += title.slice(from, m.index) + replacement;
    from = m.index + m.length;
  }
  return out + title.slice(from);
}

/** Origin of find's changes: FindUndo tracks it, so Undo takes back a Replace all in one step. */
export const FIND_ORIGIN = Symbol('find-replace');

/**
 * Replace every match of `query` in the report (titles, text, footnotes) in one Yjs transaction. Returns the
 * number of replacements.
 */
export function replaceAllInReport(doc: Y.Doc, query: string, options: FindOptions, replacement: string, origin: unknown = FIND_ORIGIN): number {
  const pattern = findPattern(query, options);
  if (!pattern) return 0;
  let count = 0;
  doc.transact(() => {
    for (const section of listSections(doc)) {
      const titleMatches = matchesIn(section.title, pattern).length;
      if (titleMatches > 0) {
        renameSection(doc, section.id, replaceInTitle(section.title, pattern, replacement), origin);
        count += titleMatches;
      }
      const body = getSectionBody(doc, section.id);
      if (body) count += replaceInBody(body, pattern, null, replacement);
    }
  }, origin);
  return count;
}

/**
 * Replace one match, if it is still there as found (same place, same text); returns whether it was replaced. A
 * co-author's edit since the search can move or remove it; then nothing changes and the caller searches again.
 */
export function replaceMatch(doc: Y.Doc, match: ReportMatch, query: string, options: FindOptions, replacement: string, origin: unknown = FIND_ORIGIN): boolean {
  const pattern = findPattern(query, options);
  if (!pattern) return false;
  const current = findInReport(doc, query, options).find(
    (m) => m.sectionId === match.sectionId && m.field === match.field && m.ordinal === match.ordinal && m.index === match.index && m.text === match.text,
  );
  if (!current) return false;
  doc.transact(() => {
    if (current.field === 'title') {
      const title = listSections(doc).find((s) => s.id === current.sectionId)?.title ?? '';
      renameSection(doc, current.sectionId, replaceInTitle(title, pattern, replacement, current.index), origin);
    } else {
      const body = getSectionBody(doc, current.sectionId);
      if (body) replaceInBody(body, pattern, new Set([current.ordinal]), replacement);
    }
  }, origin);
  return true;
}
