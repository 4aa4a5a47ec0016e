/**
 * Where a passage tag goes and which tags are already there: the selection, or (with a bare caret) the
 * paragraph around it, as shared/schema/passageTag.ts's commands decide.
 */
import type { Editor } from '@tiptap/core';
import { PASSAGE_TAG_MARK } from '../../../../../shared/schema/passageTag.ts';

export type PassageTarget = 'selection' | 'paragraph' | null;

export function passageTarget(editor: Editor): PassageTarget {
  const { selection } = editor.state;
  if (!selection.empty) return 'selection';
  const { parent } = selection.$from;
  return parent.isTextblock && parent.content.size > 0 ? 'paragraph' : null;
}

/** Passage tags on any text of the target range, in first-seen order. */
export function passageTagsAt(editor: Editor): string[] {
  const { state } = editor;
  const { selection } = state;
  let from = selection.from;
  let to = selection.to;
  if (selection.empty) {
    const { $from } = selection;
    // With a caret, the tags right at it (the passage it is in), else none.
    const marks = $from.marks().concat($from.nodeAfter?.marks ?? []);
    return [...new Set(marks.filter((m) => m.type.name === PASSAGE_TAG_MARK).map((m) => String(m.attrs.tag)))];
  }
  const out = new Set<string>();
  state.doc.nodesBetween(from, to, (node) => {
    for (const m of node.marks) if (m.type.name === PASSAGE_TAG_MARK && typeof m.attrs.tag === 'string') out.add(m.attrs.tag);
  });
  from = to;
  return [...out];
}
