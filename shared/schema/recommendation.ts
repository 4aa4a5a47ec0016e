/**
 * A recommendation block: one or more paragraphs the coalition asks the State (or another addressee) to act
 * on, with the tags it relates to (articles, SDG targets, earlier recommendations). The report lists every
 * block in one place (shared/report/recommendations.ts), and the formal checks count and assess them.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { RECOMMENDATION_NODE } from './nodeNames.ts';

export { RECOMMENDATION_NODE };

export interface RecommendationAttrs {
  /** Who should act ("The State party", "The Ministry of the Interior"); null when the text says it. */
  addressee: string | null;
  /** Tag ids, e.g. ["ICERD:5", "REC:A/HRC/46/15:26.45"]. */
  tags: string[];
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    recommendation: {
      /** Wrap the selected paragraphs in a recommendation block. */
      setRecommendation: (attrs?: Partial<RecommendationAttrs>) => ReturnType;
      /** Turn the recommendation around the selection back into plain paragraphs. */
      unsetRecommendation: () => ReturnType;
    };
  }
}

export const Recommendation = Node.create({
  name: RECOMMENDATION_NODE,
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addAttributes() {
    return {
      addressee: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-addressee'),
        renderHTML: (attrs) => (attrs.addressee ? { 'data-addressee': attrs.addressee } : {}),
      },
      tags: {
        default: [],
        parseHTML: (el) => (el.getAttribute('data-tags') ?? '').split(/\s+/).filter(Boolean),
        renderHTML: (attrs) => (Array.isArray(attrs.tags) && attrs.tags.length > 0 ? { 'data-tags': attrs.tags.join(' ') } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-recommendation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-recommendation': '', class: 'recommendation' }), 0];
  },

  addCommands() {
    return {
      setRecommendation:
        (attrs) =>
        ({ commands }) =>
          commands.wrapIn(this.name, attrs),
      unsetRecommendation:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    };
  },
});
