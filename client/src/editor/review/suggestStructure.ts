/**
 * Suggesting mode beyond one paragraph's text, the editor side: a new paragraph or list item (Enter at the end
 * of one), a new table row below the caret's (its cells' texts from a form), deleting the paragraph, list item or table row at the caret, a footnote at the caret, and formatting
 * of the selection (Ctrl+B, Ctrl+I, Ctrl+U, a link). Each becomes one suggestion in the discussion document
 * (shared/discussion/structure.ts); the content document is never written.
 */
import type { Node as PmNode, ResolvedPos } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { anchorAt } from '../../../../shared/discussion/anchors.ts';
import { createSuggestion, getSuggestion, reviseSuggestion } from '../../../../shared/discussion/layout.ts';
import { encodeRowCells, MAX_SUGGESTED_ROW_CELLS, type DeletableBlock, type FormatMark, type SuggestionChange } from '../../../../shared/discussion/structure.ts';
import { DISCUSSION_ORIGIN } from '../../features/review/DiscussionSession.ts';
import { buildPositionMap, pmToLinear, type PositionMap } from './positions.ts';
import { reviewPluginKey, type ReviewMeta } from './reviewPlugin.ts';
import type { SuggestTarget } from './suggestInput.ts';

export type StructureAction =
  | { kind: 'newBlock' }
  /** A new row below the caret's row, with these cell texts in column order. */
  | { kind: 'newRow'; cells: string[] }
  | { kind: 'deleteBlock'; block: DeletableBlock }
  | { kind: 'footnote'; text: string }
  | { kind: 'format'; mark: FormatMark; href?: string };

export type StructureRefusal = 'mid-paragraph' | 'no-text' | 'no-selection' | 'no-block';

/** What can be suggested at the selection now (the suggesting toolbar enables its buttons from this). */
export interface StructureContext {
  inList: boolean;
  inTable: boolean;
  /** One name per cell of the caret's table row (the first row's text in that column, as a heading), else []. */
  tableColumns: string[];
  /** The selection holds text (formatting applies to it). */
  hasSelection: boolean;
}

function ancestor($pos: ResolvedPos, name: string): { node: PmNode; pos: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    if ($pos.node(d).type.name === name) return { node: $pos.node(d), pos: $pos.before(d) };
  }
  return null;
}

/** Names for the columns of the caret's row: the text of the table's first row above each cell, clipped. */
function columnNames($pos: ResolvedPos): string[] {
  const row = ancestor($pos, 'tableRow');
  const table = ancestor($pos, 'table');
  if (!row || !table) return [];
  const first = table.node.firstChild;
  const names: string[] = [];
  row.node.forEach((_cell, _offset, i) => {
    const heading = first && first !== row.node && i < first.childCount ? first.child(i).textContent.trim() : '';
    names.push(heading.length > 40 ? `${heading.slice(0, 39)}…` : heading);
  });
  return names;
}

export function structureContext(view: EditorView): StructureContext {
  const { selection } = view.state;
  return {
    inList: !!ancestor(selection.$from, 'listItem'),
    inTable: !!ancestor(selection.$from, 'tableRow'),
    tableColumns: columnNames(selection.$from),
    hasSelection: !selection.empty && view.state.doc.textBetween(selection.from, selection.to, ' ').trim() !== '',
  };
}

/** The linear range of the text inside the node at `pos` (by the text runs the node holds), or null if it has none. */
function textRangeOf(map: PositionMap, pos: number, node: PmNode): { start: number; end: number } | null {
  const inside = map.runs.filter((r) => r.pm > pos && r.pm + r.length < pos + node.nodeSize);
  if (inside.length === 0) return null;
  const last = inside[inside.length - 1]!;
  return { start: inside[0]!.at, end: last.at + last.length };
}

function create(view: EditorView, target: SuggestTarget, map: PositionMap, start: number, end: number, insertText: string, change: SuggestionChange): string {
  return createSuggestion(
    target.discussion,
    target.me,
    { sectionId: target.sectionId, anchor: anchorAt(target.fragment, start, end), originalText: map.lin.text.slice(start, end), insertText, change },
    DISCUSSION_ORIGIN,
  );
}

/**
 * Make the suggestion `action` describes at the editor's selection. A new block becomes the suggestion being
 * typed: what is typed next goes into it (suggestInput.ts), Backspace on it while empty takes it back.
 */
export function suggestStructure(view: EditorView, target: SuggestTarget, action: StructureAction): { refused?: StructureRefusal } {
  const { state } = view;
  const map = buildPositionMap(target.fragment, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  const sel = state.selection;

  if (action.kind === 'format') {
    if (!hasText(view)) return { refused: 'no-selection' };
    const start = pmToLinear(map, sel.from, 'start');
    const end = pmToLinear(map, sel.to, 'end');
    if (start === null || end === null || end <= start) return { refused: 'no-selection' };
    const type = state.schema.marks[action.mark];
    const has = !!type && state.doc.rangeHasMark(sel.from, sel.to, type) && everyTextHas(state.doc, sel.from, sel.to, action.mark);
    // A link with an address is always set (over any link there); other marks toggle as the toolbar's do.
    const change: SuggestionChange = action.mark === 'link' && action.href
      ? { kind: 'format', mark: 'link', action: 'add', href: action.href }
      : { kind: 'format', mark: action.mark, action: has ? 'remove' : 'add' };
    if (change.kind === 'format' && change.mark === 'link' && change.action === 'add' && !change.href) return { refused: 'no-selection' };
    create(view, target, map, start, end, '', change);
    refresh(view, null);
    return {};
  }

  if (action.kind === 'deleteBlock') {
    const $from = sel.$from;
    const found = action.block === 'paragraph' ? (sel.$from.parent.isTextblock ? { node: $from.parent, pos: $from.before() } : null) : ancestor($from, action.block);
    if (!found) return { refused: 'no-block' };
    // The only paragraph of a cell, quote or recommendation, or a list item's: not on its own (applyStructure.ts).
    const container = action.block === 'paragraph' && $from.depth > 1 ? $from.node($from.depth - 1) : null;
    if (container && (container.childCount === 1 || container.type.name === 'listItem')) return { refused: 'no-block' };
    const range = textRangeOf(map, found.pos, found.node);
    if (!range) return { refused: 'no-text' };
    create(view, target, map, range.start, range.end, '', { kind: 'deleteBlock', block: action.block });
    refresh(view, null);
    return {};
  }

  if (action.kind === 'newRow') {
    const row = ancestor(sel.$from, 'tableRow');
    if (!row) return { refused: 'no-block' };
    const cells = action.cells.slice(0, Math.min(row.node.childCount, MAX_SUGGESTED_ROW_CELLS));
    if (cells.every((c) => c.trim() === '')) return {};
    // Anchored at the end of the row's text: a row with no text at all has nowhere to hold it.
    const range = textRangeOf(map, row.pos, row.node);
    if (!range) return { refused: 'no-text' };
    create(view, target, map, range.end, range.end, encodeRowCells(cells.map((c) => c.trim())), { kind: 'insertBlock', block: 'tableRow' });
    refresh(view, null);
    return {};
  }

  // A new block or a footnote: at a caret (the end of a selection).
  const $to = sel.$to;
  const at = pmToLinear(map, sel.to, 'end');
  if (at === null || !$to.parent.isTextblock || $to.parent.textContent === '') return { refused: 'no-text' };
  if (action.kind === 'footnote') {
    const text = action.text.trim();
    if (!text) return {};
    create(view, target, map, at, at, text, { kind: 'footnote' });
    refresh(view, null);
    return {};
  }
  // Enter while typing a suggested paragraph: the next line of it (each line becomes a paragraph or item).
  const typing = reviewPluginKey.getState(state)?.typing ?? null;
  const typed = typing && sel.empty && sel.head === typing.caretPm ? getSuggestion(target.discussion, typing.id) : null;
  if (typed && typed.status === 'open' && typed.authorId === target.me.id && typed.change.kind === 'insertBlock' && typed.change.block !== 'tableRow') {
    reviseSuggestion(target.discussion, typed.id, target.me, { anchor: typed.anchor, originalText: '', insertText: `${typed.insertText}\n` }, DISCUSSION_ORIGIN);
    view.dispatch(state.tr.setMeta(reviewPluginKey, { refresh: true, typing } satisfies ReviewMeta));
    return {};
  }
  // A new paragraph or list item: only after a whole one (splitting a paragraph is not a suggestion yet).
  if (sel.to !== $to.end()) return { refused: 'mid-paragraph' };
  const block = ancestor($to, 'listItem') && $to.node($to.depth - 1).type.name === 'listItem' ? 'listItem' : 'paragraph';
  const id = create(view, target, map, at, at, '', { kind: 'insertBlock', block });
  const caretPm = sel.to;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, caretPm)).setMeta(reviewPluginKey, { refresh: true, typing: { id, caretPm } } satisfies ReviewMeta));
  return {};
}

function hasText(view: EditorView): boolean {
  const { selection, doc } = view.state;
  return !selection.empty && doc.textBetween(selection.from, selection.to, ' ').trim() !== '';
}

function everyTextHas(doc: PmNode, from: number, to: number, mark: string): boolean {
  let every = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isText && !node.marks.some((m) => m.type.name === mark)) every = false;
  });
  return every;
}

function refresh(view: EditorView, typing: null): void {
  view.dispatch(view.state.tr.setMeta(reviewPluginKey, { refresh: true, typing } satisfies ReviewMeta));
}
