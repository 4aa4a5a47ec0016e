/**
 * Keeps TipTap's autolink away from paragraphs that hold a footnote. Autolink finds the last word from the
 * paragraph's text and turns its index in that text into a document position; a note's text is part of the
 * paragraph's text but its node adds two positions, so after a note the link lands in the wrong place. Typing
 * "Press " in a note anchored after "detained." made "detained.Press" a link across the note's boundary, and the
 * note was lost. Links can still be added there with the link button, which uses real positions.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';

/** The meta TipTap's autolink plugin checks before it runs (extension-link's `preventAutolink`). */
export const PREVENT_AUTOLINK = 'preventAutolink';

function holdsFootnote(node: PmNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.type.name === FOOTNOTE_NODE) found = true;
    return !found;
  });
  return found;
}

/** Whether a change touches a textblock that holds a footnote (in the document after the change). */
export function touchesParagraphWithNote(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  let touched = false;
  tr.mapping.maps.forEach((map, index) => {
    // Positions of each step, carried to the final document.
    const rest = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (touched) return;
      const from = rest.map(newStart, -1);
      const to = rest.map(newEnd, 1);
      tr.doc.nodesBetween(Math.max(0, from - 1), Math.min(tr.doc.content.size, to + 1), (node) => {
        if (touched) return false;
        if (node.isTextblock) {
          if (holdsFootnote(node)) touched = true;
          return false;
        }
        return true;
      });
    });
  });
  return touched;
}

export function autolinkGuardPlugin(): Plugin {
  return new Plugin({
    // Not a filter in the usual sense: it lets every transaction through, and marks those that autolink must skip.
    filterTransaction(tr) {
      if (!tr.getMeta(PREVENT_AUTOLINK) && touchesParagraphWithNote(tr)) tr.setMeta(PREVENT_AUTOLINK, true);
      return true;
    },
  });
}
