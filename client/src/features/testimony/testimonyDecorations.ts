/**
 * Editor decorations for testimony: every listed sensitive name is highlighted while writing (with what it becomes
 * on export), and every passage linked to a testimony whose consent was withdrawn, has expired or whose record is
 * gone is flagged. The plugin holds what it needs (names, lapsed record ids) and is told of changes by a meta
 * transaction from useTestimonyInEditor.
 */
import { t as translate } from '../../i18n/i18n.ts';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TESTIMONY_LINK_MARK } from '../../../../shared/schema/nodeNames.ts';
import { findSensitiveNames, WITHHELD, type NameRule } from '../../../../shared/report/sensitiveNameMatch.ts';

export interface TestimonyMeta {
  names: NameRule[];
  /** Record id -> why its passages are flagged ("Consent withdrawn: Witness A"). */
  lapsed: Map<string, string>;
}

interface PluginState extends TestimonyMeta {
  decorations: DecorationSet;
}

export const testimonyPluginKey = new PluginKey<PluginState>('testimony');

function build(doc: PmNode, meta: TestimonyMeta): DecorationSet {
  const decorations: Decoration[] = [];
  const replacement = new Map(meta.names.map((n) => [n.name, n.replacement.trim() || WITHHELD]));
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Names: over the block's text, so a name split by formatting (bold on one word) is still found.
    let text = '';
    const starts: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) starts.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        starts.push(-1);
        text += '\u{FFFC}';
      }
    });
    for (const m of meta.names.length > 0 ? findSensitiveNames(text, meta.names) : []) {
      const from = starts[m.from];
      const to = starts[m.to - 1];
      if (from === undefined || to === undefined || from < 0 || to < 0) continue;
      decorations.push(
        Decoration.inline(from, to + 1, { class: 'sensitive-name', title: translate('sensitive.highlight', { replacement: replacement.get(m.name) ?? WITHHELD }) }),
      );
    }
    // Flagged passages: text carrying a link to a lapsed record.
    node.forEach((child, offset) => {
      const link = child.marks.find((mark) => mark.type.name === TESTIMONY_LINK_MARK);
      const id = typeof link?.attrs.testimony === 'string' ? link.attrs.testimony : null;
      const why = id ? meta.lapsed.get(id) : undefined;
      if (why) {
        const from = pos + 1 + offset;
        decorations.push(Decoration.inline(from, from + child.nodeSize, { class: 'testimony-flagged', title: why, 'data-testid': 'testimony-flagged' }));
      }
    });
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export function testimonyPlugin(initial: TestimonyMeta): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: testimonyPluginKey,
    state: {
      init: (_config, state: EditorState) => ({ ...initial, decorations: build(state.doc, initial) }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(testimonyPluginKey) as TestimonyMeta | undefined;
        if (meta) return { ...meta, decorations: build(state.doc, meta) };
        if (!tr.docChanged) return value;
        return { ...value, decorations: build(state.doc, value) };
      },
    },
    props: {
      decorations: (state) => testimonyPluginKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
