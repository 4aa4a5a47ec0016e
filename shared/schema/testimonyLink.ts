/**
 * A testimony link: a mark on a quote or passage saying which testimony record (shared/report/testimony.ts) it
 * comes from. It holds the record's id only, never a name. A passage comes from one record, so a new link
 * replaces an older one on the same text. Export leaves out or blocks a linked passage whose consent does not
 * cover the export (shared/export/audience.ts); the editor flags linked passages whose consent was withdrawn or
 * has expired (client/src/features/testimony/).
 */
import { Mark, mergeAttributes } from '@tiptap/core';
import { TESTIMONY_LINK_MARK } from './nodeNames.ts';

export { TESTIMONY_LINK_MARK };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    testimonyLink: {
      /** Link the selection to testimony record `testimony`. */
      linkTestimony: (testimony: string) => ReturnType;
      /** Take any testimony link off the selection. */
      unlinkTestimony: () => ReturnType;
    };
  }
}

export const TestimonyLink = Mark.create({
  name: TESTIMONY_LINK_MARK,
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      testimony: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-testimony'),
        renderHTML: (attrs) => (typeof attrs.testimony === 'string' ? { 'data-testimony': attrs.testimony } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-testimony]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'testimony-link' }), 0];
  },

  addCommands() {
    return {
      linkTestimony:
        (testimony) =>
        ({ state, tr, dispatch }) => {
          const { from, to, empty } = state.selection;
          if (empty || !testimony) return false;
          if (dispatch) tr.addMark(from, to, state.schema.marks[TESTIMONY_LINK_MARK]!.create({ testimony }));
          return true;
        },
      unlinkTestimony:
        () =>
        ({ state, tr, dispatch }) => {
          const { from, to, empty } = state.selection;
          if (empty) return false;
          if (dispatch) tr.removeMark(from, to, state.schema.marks[TESTIMONY_LINK_MARK]!);
          return true;
        },
    };
  },
});
