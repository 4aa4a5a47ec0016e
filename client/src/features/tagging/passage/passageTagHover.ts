/**
 * Shows a tagged passage's tags on hover: an inline decoration over each run of tagged text whose title names
 * every tag on it (overlapping marks would otherwise show only the innermost one). Labels come from the
 * taxonomy once it has loaded, the tag ids before.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { PASSAGE_TAG_MARK } from '../../../../../shared/schema/passageTag.ts';
import { t } from '../../../i18n/i18n.ts';

export type PassageTagNamer = (tagId: string) => string;

function decorations(doc: PmNode, name: PassageTagNamer): DecorationSet {
  const decos: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const tags = node.marks.filter((m) => m.type.name === PASSAGE_TAG_MARK).map((m) => String(m.attrs.tag));
    if (tags.length === 0) return;
    decos.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        title: t('submission.passageTags.hoverTitle', { tags: tags.map(name).join('; ') }),
        'data-passage-tags': tags.join(' '),
        class: tags.length > 1 ? 'passage-tag--several' : '',
      }),
    );
  });
  return DecorationSet.create(doc, decos);
}

const key = new PluginKey<DecorationSet>('passageTagHover');

/** Name the tags again (the taxonomy has loaded since the decorations were made). */
export function refreshPassageTagHover(view: { state: { tr: import('@tiptap/pm/state').Transaction }; dispatch: (tr: import('@tiptap/pm/state').Transaction) => void }): void {
  view.dispatch(view.state.tr.setMeta(key, true).setMeta('addToHistory', false));
}

export function PassageTagHover(name: PassageTagNamer) {
  return Extension.create({
    name: 'passageTagHover',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: (_, state) => decorations(state.doc, name),
            apply: (tr, old, _prev, state) => (tr.docChanged || tr.getMeta(key) ? decorations(state.doc, name) : old),
          },
          props: { decorations: (state) => key.getState(state) },
        }),
      ];
    },
  });
}
