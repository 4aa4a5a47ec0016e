/**
 * A footnote (or endnote, chosen at export) anchored at a point in the text. Its text is the node's own inline
 * content, so it is a Y.XmlElement holding a Y.XmlText inside the section body: two people editing one note
 * merge character by character, where a string attribute would let the last writer win.
 *
 * It is an inline atom, as in ProseMirror's footnote example: the editor shows a number at the anchor and
 * edits the text in a nested view (client phase). Marks (bold, italic, links) are allowed inside.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { FOOTNOTE_NODE } from './nodeNames.ts';

export { FOOTNOTE_NODE };

export const Footnote = Node.create({
  name: FOOTNOTE_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  content: 'text*',

  parseHTML() {
    return [{ tag: 'span[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-footnote': '', class: 'footnote' }), 0];
  },
});
