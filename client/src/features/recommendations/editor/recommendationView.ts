/**
 * The `recommendation` block as the editor shows it: set apart, with a header (not editable text) naming it,
 * its addressee and its tags. The node, its attributes and its stored form are the shared schema's
 * (shared/schema/recommendation.ts); only the view is the browser's. The addressee and tags are edited in the
 * toolbar's recommendation row (RecommendationControls), not in the header, so ProseMirror keeps sole control
 * of the editable DOM.
 */
import type { AnyExtension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Recommendation, RECOMMENDATION_NODE } from '../../../../../shared/schema/recommendation.ts';
import { loadTaxonomy, type TaxonomyModule } from '../../tagging/taxonomy.ts';
import { parseRecommendationTagId } from '../../../../../shared/taxonomy/tagIds.ts';
import { i18n } from '../../../i18n/i18n.ts';

let taxonomy: TaxonomyModule | null = null;

function tagsOf(node: PmNode): string[] {
  return Array.isArray(node.attrs.tags) ? node.attrs.tags.filter((t: unknown): t is string => typeof t === 'string') : [];
}

function renderHead(head: HTMLElement, node: PmNode): void {
  const addressee = typeof node.attrs.addressee === 'string' && node.attrs.addressee.trim() ? node.attrs.addressee.trim() : null;
  const label = document.createElement('span');
  label.className = 'recommendation__label';
  label.textContent = i18n.t('editing.recView.label');
  const to = document.createElement('span');
  to.className = addressee ? 'recommendation__addressee' : 'recommendation__addressee recommendation__addressee--none';
  to.textContent = addressee ? i18n.t('editing.recView.to', { addressee }) : i18n.t('editing.recView.noAddressee');
  const parts: HTMLElement[] = [label, to];
  for (const id of tagsOf(node)) {
    const tag = document.createElement('span');
    tag.className = 'recommendation__tag';
    const described = taxonomy?.describeTag(id);
    const rec = parseRecommendationTagId(id);
    if (described && described.kind !== 'unknown') {
      tag.textContent = described.label;
      tag.title = `${described.label}${described.text ? ` — ${described.text}` : ''}`;
    } else if (rec) {
      tag.textContent = i18n.t('editing.recView.earlierTag', { symbol: rec.symbol, paragraph: rec.paragraph });
      tag.title = i18n.t('editing.recView.earlier');
    } else {
      tag.textContent = id;
    }
    parts.push(tag);
  }
  head.replaceChildren(...parts);
}

export const RecommendationWithView = Recommendation.extend({
  addNodeView() {
    return ({ node }) => {
      let current = node;
      const dom = document.createElement('div');
      dom.className = 'recommendation';
      dom.setAttribute('data-recommendation', '');
      const head = document.createElement('div');
      head.className = 'recommendation__head';
      head.contentEditable = 'false';
      const contentDOM = document.createElement('div');
      contentDOM.className = 'recommendation__body';
      dom.append(head, contentDOM);
      const render = () => {
        renderHead(head, current);
        // Labels need the taxonomy: until it has loaded the header shows ids, then it is drawn again.
        if (!taxonomy && tagsOf(current).length > 0) {
          void loadTaxonomy().then((m) => {
            taxonomy = m;
            if (head.isConnected) renderHead(head, current);
          });
        }
      };
      render();
      return {
        dom,
        contentDOM,
        update(next: PmNode) {
          if (next.type.name !== RECOMMENDATION_NODE) return false;
          const changed = next.attrs.addressee !== current.attrs.addressee || JSON.stringify(next.attrs.tags) !== JSON.stringify(current.attrs.tags);
          current = next;
          if (changed) render();
          return true;
        },
        // The header is ours: ProseMirror must not read its changes as edits.
        ignoreMutation: (mutation: { target: Node; type: string }) => mutation.type !== 'selection' && head.contains(mutation.target),
        stopEvent: (event: Event) => head.contains(event.target as Node) && event.type !== 'mousedown',
      };
    };
  },
});

/** The shared extension list with the recommendation block's browser view in place of its plain rendering. */
export function withRecommendationView(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((e) => (e.name === RECOMMENDATION_NODE ? RecommendationWithView : e));
}
