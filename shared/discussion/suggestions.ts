/**
 * Suggested changes against the live text: where each one applies now, whether its text changed since it was
 * proposed (then a person must decide), and applying an accepted one to the content as an ordinary change
 * (changes beyond the text through applyStructure.ts).
 */
import * as Y from 'yjs';
import { getSectionBody } from '../report/layout.ts';
import { linearize, locate, resolveAnchor, resolvePoint } from './anchors.ts';
import { applyStructure, blockTextAt, rowFitsAt } from './applyStructure.ts';
import type { SuggestionInfo } from './layout.ts';

export interface SuggestionState {
  /** Linear range the suggestion replaces now (empty for an insertion). */
  start: number;
  end: number;
  currentText: string;
  /** The text it was about has changed since, or is gone: a person must look before it is applied. */
  stale: boolean;
  detached: boolean;
}

export function suggestionState(content: Y.Doc, s: SuggestionInfo): SuggestionState | null {
  const body = getSectionBody(content, s.sectionId);
  if (!body) return null;
  if (s.originalText === '') {
    const at = resolvePoint(content, body, s.anchor.start);
    if (at === null) return { start: 0, end: 0, currentText: '', stale: true, detached: true };
    // A new table row: the row it goes after must still be there, with room for its cells.
    const rowGone = s.change.kind === 'insertBlock' && s.change.block === 'tableRow' && !rowFitsAt(body, at, s.insertText);
    return { start: at, end: at, currentText: '', stale: rowGone, detached: false };
  }
  const r = resolveAnchor(content, body, s.anchor);
  // A block to delete: any change to the block's text (before or after the anchored words too) needs a look.
  const changedBlock = s.change.kind === 'deleteBlock' && !r.detached && blockTextAt(body, r.start, s.change.block) !== s.originalText;
  return { start: r.start, end: r.end, currentText: r.text, stale: r.detached || r.text !== s.originalText || changedBlock, detached: r.detached };
}

/** Formatting of the character before `offset` in its run, so inserted words keep the surrounding style. */
function formatBefore(t: Y.XmlText, index: number): Record<string, unknown> | undefined {
  if (index === 0) return undefined;
  let pos = 0;
  for (const op of t.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const len = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index <= pos + len) return op.attributes;
    pos += len;
  }
  return undefined;
}

/**
 * Apply a suggestion to the content document as one change with `origin`. Refuses (returns false) when the
 * suggestion is stale, unless `force` says a person has looked.
 */
export function applySuggestion(content: Y.Doc, s: SuggestionInfo, origin: unknown, force = false): boolean {
  const body = getSectionBody(content, s.sectionId);
  const state = suggestionState(content, s);
  if (!body || !state || state.detached || (state.stale && !force)) return false;
  if (s.change.kind === 'unknown') return false;
  if (s.change.kind !== 'text') {
    let applied = false;
    content.transact(() => {
      applied = applyStructure(body, s.change, state.start, state.end, s.insertText);
    }, origin);
    return applied;
  }
  content.transact(() => {
    const lin = linearize(body);
    // Delete right to left across text runs, so earlier offsets stay valid.
    for (let i = lin.runs.length - 1; i >= 0; i--) {
      const run = lin.runs[i]!;
      const from = Math.max(state.start, run.at);
      const to = Math.min(state.end, run.at + run.text.length);
      if (to > from) run.text.delete(from - run.at, to - from);
    }
    if (s.insertText) {
      const at = locate(linearize(body), state.start, true) ?? locate(linearize(body), state.start, false);
      if (at) at.text.insert(at.index, s.insertText, formatBefore(at.text, at.index));
    }
  }, origin);
  return true;
}
