/**
 * Live note numbers in the editor: a plugin that knows how many notes come before this section (`offset`, set by
 * the NoteOffsetTracker) and puts each footnote's number on a node decoration. Node views read the number from
 * their decorations, so a note inserted, deleted or moved anywhere renumbers every marker in the same update.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';

export interface FootnoteNumbersState {
  /** Notes in the sections before this one. */
  offset: number;
  decorations: DecorationSet;
}

export interface NoteInSection {
  /** Position of the footnote node in the section's document. */
  pos: number;
  /** 1-based, continuous through the report. */
  number: number;
  node: PmNode;
}

/** Spec of the node decoration that carries a footnote's number. */
export interface FootnoteNumberSpec {
  footnoteNumber: number;
}

export const footnoteNumbersKey = new PluginKey<FootnoteNumbersState>('footnoteNumbers');

/** The footnotes of a section's document in order, numbered from `offset + 1`. */
export function notesInDoc(doc: PmNode, offset: number): NoteInSection[] {
  const out: NoteInSection[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === FOOTNOTE_NODE) {
      out.push({ pos, number: offset + out.length + 1, node });
      return false;
    }
    return true;
  });
  return out;
}

function decorate(doc: PmNode, offset: number): DecorationSet {
  const notes = notesInDoc(doc, offset);
  return DecorationSet.create(
    doc,
    notes.map((n) => Decoration.node(n.pos, n.pos + n.node.nodeSize, {}, { footnoteNumber: n.number } satisfies FootnoteNumberSpec)),
  );
}

/** The number a node view's decorations carry, or null before the plugin has run. */
export function numberFromDecorations(decorations: readonly Decoration[]): number | null {
  for (const d of decorations) {
    const n = (d.spec as Partial<FootnoteNumberSpec>).footnoteNumber;
    if (typeof n === 'number') return n;
  }
  return null;
}

/** The notes of the section in the editor now, with their numbers. */
export function sectionNotes(state: EditorState): NoteInSection[] {
  return notesInDoc(state.doc, footnoteNumbersKey.getState(state)?.offset ?? 0);
}

export function footnoteNumbersPlugin(): Plugin<FootnoteNumbersState> {
  return new Plugin<FootnoteNumbersState>({
    key: footnoteNumbersKey,
    state: {
      init: (_config, state) => ({ offset: 0, decorations: decorate(state.doc, 0) }),
      apply(tr, value, _old, state) {
        const offset = tr.getMeta(footnoteNumbersKey) as number | undefined;
        if (offset !== undefined && offset !== value.offset) return { offset, decorations: decorate(state.doc, offset) };
        if (!tr.docChanged) return value;
        return { offset: value.offset, decorations: decorate(state.doc, value.offset) };
      },
    },
    props: {
      decorations: (state) => footnoteNumbersKey.getState(state)?.decorations,
    },
  });
}
