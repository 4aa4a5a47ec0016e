/**
 * Each paragraph, heading, list item, quote and table cell of a section takes its own direction from its text
 * (`dir="auto"`: the first strong letter decides), so an Arabic paragraph runs right to left beside an English
 * one in any interface language. Node decorations, not a schema attribute: nothing is stored in the document,
 * and the Word and PDF exports decide each paragraph's direction the same way (shared/export/direction.ts).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';

const AUTO = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'tableCell', 'tableHeader', 'recommendation']);

function decorations(doc: PmNode): DecorationSet {
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (AUTO.has(node.type.name)) found.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }));
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, found);
}

const key = new PluginKey<DecorationSet>('autoDirection');

export const AutoDirection = Extension.create({
  name: 'autoDirection',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorations(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorations(tr.doc) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
