/**
 * Find in the open section's editor: where the matches are in ProseMirror's document (the same runs and order as
 * findInReport.ts reads from Yjs), their highlights, and selecting the current one. Part of the editor chunk.
 */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';
import { matchesIn } from './findText.ts';

export interface EditorMatch {
  from: number;
  to: number;
  /** The footnote holding the match (its text is edited apart from the main text), or null. */
  footnotePos: number | null;
}

/** Every match in document order: text split into runs at anything that is not text (a footnote, a line break). */
export function editorMatches(doc: PmNode, pattern: RegExp | null): EditorMatch[] {
  const out: EditorMatch[] = [];
  if (!pattern) return out;
  const walk = (node: PmNode, contentStart: number, footnotePos: number | null) => {
    let run = '';
    let runStart = contentStart;
    const flush = () => {
      for (const m of matchesIn(run, pattern)) out.push({ from: runStart + m.index, to: runStart + m.index + m.length, footnotePos });
      run = '';
    };
    node.forEach((child, offset) => {
      const at = contentStart + offset;
      if (child.isText) {
        if (run === '') runStart = at;
        run += child.text ?? '';
      } else {
        flush();
        walk(child, at + 1, footnotePos ?? (child.type.name === FOOTNOTE_NODE ? at : null));
      }
    });
    flush();
  };
  walk(doc, 0, null);
  return out;
}

interface FindPluginState {
  pattern: RegExp | null;
  /** Ordinal of the current match in this section, or null. */
  current: number | null;
  matches: EditorMatch[];
  decorations: DecorationSet;
}

export interface FindMeta {
  pattern: RegExp | null;
  current: number | null;
}

export const findPluginKey = new PluginKey<FindPluginState>('find');

function decorate(doc: PmNode, matches: EditorMatch[], current: number | null): DecorationSet {
  const decorations: Decoration[] = [];
  const notes = new Map<number, boolean>();
  matches.forEach((m, i) => {
    if (m.footnotePos !== null) notes.set(m.footnotePos, notes.get(m.footnotePos) === true || i === current);
    else decorations.push(Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-match--current' : 'find-match' }));
  });
  for (const [pos, isCurrent] of notes) {
    const node = doc.nodeAt(pos);
    if (node) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: isCurrent ? 'find-note find-match--current' : 'find-note' }));
  }
  return DecorationSet.create(doc, decorations);
}

function compute(doc: PmNode, pattern: RegExp | null, current: number | null): FindPluginState {
  const matches = editorMatches(doc, pattern);
  return { pattern, current, matches, decorations: decorate(doc, matches, current) };
}

export function findPlugin(): Plugin<FindPluginState> {
  return new Plugin<FindPluginState>({
    key: findPluginKey,
    state: {
      init: () => ({ pattern: null, current: null, matches: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, state: EditorState) {
        const meta = tr.getMeta(findPluginKey) as FindMeta | undefined;
        if (meta) return compute(state.doc, meta.pattern, meta.current);
        if (tr.docChanged && value.pattern) return compute(state.doc, value.pattern, value.current);
        return value;
      },
    },
    props: {
      decorations: (state) => findPluginKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/**
 * Select the current match (the whole footnote for a match in a note's text) and scroll it into view. Returns
 * false while the editor does not hold it yet (its text is still arriving from Yjs).
 */
export function revealCurrent(editor: Editor): boolean {
  const state = findPluginKey.getState(editor.state);
  if (!state || state.current === null) return false;
  const match = state.matches[state.current];
  if (!match) return false;
  const { tr, doc } = editor.state;
  const selection = match.footnotePos !== null ? NodeSelection.create(doc, match.footnotePos) : TextSelection.create(doc, match.from, match.to);
  editor.view.dispatch(tr.setSelection(selection));
  const target = editor.view.dom.querySelector('.find-match--current');
  target?.scrollIntoView({ block: 'center', inline: 'nearest' });
  return true;
}
