/**
 * A passage tag: a mark on a run of text (a selection, or a whole paragraph) saying which article, sub-paragraph,
 * SDG target or indicator, general recommendation or UPR theme it speaks to. One mark holds one tag id; a passage
 * with two tags carries two marks. The mark does not exclude itself, so in Yjs each tag is its own formatting
 * attribute (`passageTag--<hash>`): two people tagging overlapping text with different tags both keep theirs,
 * and removing one tag leaves the others. Marks split and join with the text, as a selection's tag should.
 *
 * Invisible in exports' body text; the tag annex lists them (shared/export/annex.ts).
 */
import { Mark, mergeAttributes } from '@tiptap/core';

export const PASSAGE_TAG_MARK = 'passageTag';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    passageTag: {
      /** Tag the selection (or, with an empty selection, the paragraph around the caret) with `tag`. */
      addPassageTag: (tag: string) => ReturnType;
      /** Take `tag` off the selection (or the paragraph around the caret); other tags stay. */
      removePassageTag: (tag: string) => ReturnType;
    };
  }
}

/** The range a passage command works on: the selection, or the text block around an empty selection. */
function targetRange(state: { selection: { from: number; to: number; empty: boolean; $from: { parent: { isTextblock: boolean; content: { size: number } }; start: () => number } } }): { from: number; to: number } | null {
  const { selection } = state;
  if (!selection.empty) return { from: selection.from, to: selection.to };
  const { $from } = selection;
  if (!$from.parent.isTextblock || $from.parent.content.size === 0) return null;
  const start = $from.start();
  return { from: start, to: start + $from.parent.content.size };
}

export const PassageTag = Mark.create({
  name: PASSAGE_TAG_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      tag: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-passage-tag'),
        renderHTML: (attrs) => (typeof attrs.tag === 'string' ? { 'data-passage-tag': attrs.tag } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-passage-tag]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'passage-tag' }), 0];
  },

  addCommands() {
    return {
      addPassageTag:
        (tag) =>
        ({ state, tr, dispatch }) => {
          const range = targetRange(state);
          if (!range || !tag) return false;
          if (dispatch) tr.addMark(range.from, range.to, state.schema.marks[PASSAGE_TAG_MARK]!.create({ tag }));
          return true;
        },
      removePassageTag:
        (tag) =>
        ({ state, tr, dispatch }) => {
          const range = targetRange(state);
          if (!range) return false;
          if (dispatch) tr.removeMark(range.from, range.to, state.schema.marks[PASSAGE_TAG_MARK]!.create({ tag }));
          return true;
        },
    };
  },
});
