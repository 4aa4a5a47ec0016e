/**
 * Review inside the section editor, as ProseMirror decorations and input handling only: comment highlights,
 * suggested changes shown as tracked changes, and suggesting mode. Nothing here is a mark or node in the
 * content document, because reviewers may not write it (the server closes their content connection with
 * 4403 on the first change).
 *
 * It also guards the content: when the user may not change the text (a reviewer, a viewer, suggesting mode,
 * or an editor not yet allowed to write), every local transaction that would change the document is dropped
 * (ProseMirror then redraws what the browser had already changed). That catches what input handlers miss:
 * the trailing-paragraph plugin, formatting shortcuts, drag and drop, spellcheck replacements.
 */
import { Extension } from '@tiptap/core';
import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { resolveAnchor } from '../../../../shared/discussion/anchors.ts';
import { listSuggestions, listThreads, type Author } from '../../../../shared/discussion/layout.ts';
import { suggestionState } from '../../../../shared/discussion/suggestions.ts';
import { i18n } from '../../i18n/i18n.ts';
import { formatDateIn } from '../../i18n/format.ts';
import { buildPositionMap, linearRangeToPm } from './positions.ts';
import { REVIEW_ACCEPT_META, refreshReview, reviewPluginKey, type ReviewMeta, type ReviewPluginState } from './reviewPlugin.ts';
import { suggestFromInput, type SuggestInput } from './suggestInput.ts';
import { structureDecorations } from './structureDecorations.ts';
import { structureLabel } from './structureLabel.ts';
import { suggestStructure, type StructureAction, type StructureRefusal } from './suggestStructure.ts';

/** What the editor needs from the review UI; fields are read at the moment they are used. */
export interface ReviewBridge {
  sectionId: string;
  content: Y.Doc;
  fragment: Y.XmlFragment;
  discussion: Y.Doc | null;
  me: Author | null;
  /** The user may change the text now (role, not suggesting, editor writable). */
  writable: boolean;
  /** Attempted edits become suggestions. */
  suggesting: boolean;
  /** May apply accepted suggestions to the text (an editor whose session may write, even while suggesting). */
  canAccept: boolean;
  activeThreadId: string | null;
  activeSuggestionId: string | null;
  /** The range of the comment being written, in linear offsets. */
  draft: { start: number; end: number } | null;
  /** `byPointer`: the user clicked the highlight (a narrow screen then opens the list); else the caret moved into it. */
  onActivate(target: { threadId: string } | { suggestionId: string }, byPointer: boolean): void;
  onCommentShortcut(): void;
  onRefused(reason: 'line-break' | 'no-text' | 'no-account' | StructureRefusal): void;
}

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** When a suggestion was made, in the interface language. */
const whenMade = (createdAt: string) => formatDateIn(new Date(createdAt), { dateStyle: 'medium', timeStyle: 'short' });

function describe(author: string, createdAt: string, originalText: string, insertText: string): string {
  const kind = !originalText ? 'insertion' : !insertText ? 'deletion' : 'replacement';
  return createdAt
    ? i18n.t('editing.suggestionMark.titleWhen', { kind, author, when: whenMade(createdAt) })
    : i18n.t('editing.suggestionMark.title', { kind, author });
}

function computeDecorations(state: EditorState, bridge: ReviewBridge): DecorationSet {
  const { discussion, content, fragment } = bridge;
  if (!discussion) return DecorationSet.empty;
  const map = buildPositionMap(fragment, (name) => state.schema.nodes[name]?.isLeaf ?? false);
  const size = state.doc.content.size;
  const inDoc = (r: { from: number; to: number } | null) => (r && r.from >= 0 && r.to <= size ? r : null);
  const decorations: Decoration[] = [];

  for (const t of listThreads(discussion)) {
    if (t.sectionId !== bridge.sectionId || (t.status !== 'open' && t.id !== bridge.activeThreadId)) continue;
    const r = resolveAnchor(content, fragment, t.anchor);
    const range = r.detached ? null : inDoc(linearRangeToPm(map, r.start, r.end));
    if (!range || range.from === range.to) continue;
    const cls = `rd-comment${t.id === bridge.activeThreadId ? ' rd-comment--active' : ''}${t.status === 'resolved' ? ' rd-comment--resolved' : ''}`;
    decorations.push(Decoration.inline(range.from, range.to, { class: cls, 'data-thread-id': t.id }, { threadId: t.id }));
  }
  if (bridge.draft) {
    const range = inDoc(linearRangeToPm(map, bridge.draft.start, bridge.draft.end));
    if (range && range.from < range.to) decorations.push(Decoration.inline(range.from, range.to, { class: 'rd-comment rd-comment--draft' }, { draft: true }));
  }
  for (const s of listSuggestions(discussion)) {
    if (s.sectionId !== bridge.sectionId || s.status !== 'open') continue;
    const st = suggestionState(content, s);
    const range = !st || st.detached ? null : inDoc(linearRangeToPm(map, st.start, st.end));
    if (!range) continue;
    const title = describe(s.authorName, s.createdAt, s.originalText, s.insertText);
    const active = s.id === bridge.activeSuggestionId ? ' rd-sugg--active' : '';
    const stale = st!.stale ? ' rd-sugg--stale' : '';
    if (s.change.kind !== 'text') {
      const label = structureLabel(s.change);
      const described = s.createdAt
        ? i18n.t('editing.suggestionMark.structureWhen', { label, author: s.authorName, when: whenMade(s.createdAt) })
        : i18n.t('editing.suggestionMark.structure', { label, author: s.authorName });
      decorations.push(...structureDecorations(state, s, range, described, `${active}${stale}`));
      continue;
    }
    if (range.from < range.to) {
      decorations.push(
        Decoration.inline(range.from, range.to, { nodeName: 'del', class: `rd-sugg-del${active}${stale}`, title, 'data-suggestion-id': s.id }, { suggestionId: s.id }),
      );
    }
    if (s.insertText) {
      const text = s.insertText;
      decorations.push(
        Decoration.widget(
          range.to,
          () => {
            const el = document.createElement('ins');
            el.className = `rd-sugg-ins${active}${stale}`;
            el.textContent = text;
            el.title = title;
            el.dataset.suggestionId = s.id;
            el.contentEditable = 'false';
            return el;
          },
          // Drawn before a caret at its position, so typing more of it happens after the suggested text.
          { side: -1, key: `${s.id}:${text}:${active}:${stale}`, ignoreSelection: true, suggestionId: s.id },
        ),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

function targetOf(el: EventTarget | null): { threadId: string } | { suggestionId: string } | null {
  const node = el instanceof Element ? el.closest<HTMLElement>('[data-suggestion-id],[data-thread-id]') : null;
  if (!node) return null;
  if (node.dataset.suggestionId) return { suggestionId: node.dataset.suggestionId };
  return node.dataset.threadId ? { threadId: node.dataset.threadId } : null;
}

/** Suggest a change beyond the text at the editor's selection (the suggesting toolbar's buttons). */
export function suggestAtSelection(view: EditorView, bridge: ReviewBridge, action: StructureAction): void {
  if (!bridge.suggesting || !bridge.discussion || !bridge.me) return;
  const result = suggestStructure(view, { content: bridge.content, fragment: bridge.fragment, discussion: bridge.discussion, me: bridge.me, sectionId: bridge.sectionId }, action);
  if (result.refused) bridge.onRefused(result.refused);
}

export function ReviewExtension(bridge: ReviewBridge) {
  const suggest = (view: EditorView, input: SuggestInput): boolean => {
    const { discussion, me } = bridge;
    if (!discussion || !me) {
      bridge.onRefused('no-account');
      return true;
    }
    const typing = reviewPluginKey.getState(view.state)?.typing ?? null;
    const result = suggestFromInput(view, { content: bridge.content, fragment: bridge.fragment, discussion, me, sectionId: bridge.sectionId }, input, typing);
    if (result.refused) bridge.onRefused(result.refused);
    return true;
  };

  const suggestChange = (view: EditorView, action: StructureAction): boolean => {
    const { discussion, me } = bridge;
    if (!discussion || !me) {
      bridge.onRefused('no-account');
      return true;
    }
    const result = suggestStructure(view, { content: bridge.content, fragment: bridge.fragment, discussion, me, sectionId: bridge.sectionId }, action);
    if (result.refused) bridge.onRefused(result.refused);
    return true;
  };

  let refreshScheduled = false;

  const plugin = new Plugin<ReviewPluginState>({
    key: reviewPluginKey,
    state: {
      init: (_, state) => ({ decorations: computeDecorations(state, bridge), typing: null }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(reviewPluginKey) as ReviewMeta | undefined;
        let typing = value.typing;
        if (tr.docChanged && typing) typing = { ...typing, caretPm: tr.mapping.map(typing.caretPm, -1) };
        if (meta?.typing !== undefined) typing = meta.typing;
        // A remote change has reached Yjs before this transaction, so positions can be read from it now;
        // after a local one Yjs is written only when the view updates, so decorations are mapped until then.
        if (meta?.refresh || isRemote(tr)) return { decorations: computeDecorations(state, bridge), typing };
        if (tr.docChanged) return { decorations: value.decorations.map(tr.mapping, tr.doc), typing };
        return typing === value.typing ? value : { decorations: value.decorations, typing };
      },
    },
    filterTransaction(tr) {
      if (!tr.docChanged || bridge.writable || isRemote(tr) || (tr.getMeta(REVIEW_ACCEPT_META) && bridge.canAccept)) return true;
      return false;
    },
    view() {
      return {
        update(view, prev) {
          if (view.state.doc !== prev.doc && !refreshScheduled) {
            refreshScheduled = true;
            setTimeout(() => {
              refreshScheduled = false;
              if (!view.isDestroyed) refreshReview(view);
            }, 0);
          }
          // A caret moved into a highlight (keyboard users) activates its thread or suggestion.
          const sel = view.state.selection;
          if (sel.empty && !sel.eq(prev.selection)) {
            const set = reviewPluginKey.getState(view.state)?.decorations;
            const found = set?.find(sel.from, sel.from, (spec) => !!spec.threadId || !!spec.suggestionId)[0];
            const spec = found?.spec as { threadId?: string; suggestionId?: string } | undefined;
            if (spec?.suggestionId && spec.suggestionId !== bridge.activeSuggestionId) bridge.onActivate({ suggestionId: spec.suggestionId }, false);
            else if (spec?.threadId && spec.threadId !== bridge.activeThreadId) bridge.onActivate({ threadId: spec.threadId }, false);
          }
        },
      };
    },
    props: {
      decorations: (state) => reviewPluginKey.getState(state)?.decorations,
      handleKeyDown(view, event) {
        if (!bridge.suggesting) return false;
        const mod = event.ctrlKey || event.metaKey;
        if (event.key === 'Backspace' || event.key === 'Delete') {
          return suggest(view, { kind: 'delete', direction: event.key === 'Backspace' ? 'backward' : 'forward' });
        }
        if (event.key === 'Enter' && !event.shiftKey && !mod) return suggestChange(view, { kind: 'newBlock' });
        if (event.key === 'Enter') {
          bridge.onRefused('line-break');
          return true;
        }
        const mark = mod && !event.altKey ? ({ b: 'bold', i: 'italic', u: 'underline' } as const)[event.key.toLowerCase() as 'b' | 'i' | 'u'] : undefined;
        if (mark) return suggestChange(view, { kind: 'format', mark });
        // Undo would reach the content's history, not the suggestions; suggestions are taken back with Backspace.
        if (mod && ['z', 'y', 'Z', 'Y'].includes(event.key)) return true;
        return false;
      },
      handleTextInput(view, _from, _to, text) {
        if (!bridge.suggesting) return false;
        return suggest(view, { kind: 'text', text });
      },
      handlePaste(view, event) {
        if (!bridge.suggesting) return false;
        const text = event.clipboardData?.getData('text/plain') ?? '';
        if (text) suggest(view, { kind: 'text', text });
        return true;
      },
      handleDrop: () => bridge.suggesting,
      handleClick(_view, _pos, event) {
        const target = targetOf(event.target);
        if (target) bridge.onActivate(target, true);
        return false;
      },
      handleDOMEvents: {
        beforeinput(view, event) {
          if (!bridge.suggesting) return false;
          const e = event as InputEvent;
          // Compositions (IME, some phone keyboards) cannot be cancelled; the guard drops their result.
          if (e.inputType.startsWith('insertComposition')) return false;
          e.preventDefault();
          if (e.inputType === 'insertText' && e.data) suggest(view, { kind: 'text', text: e.data });
          else if (e.inputType === 'deleteContentBackward') suggest(view, { kind: 'delete', direction: 'backward' });
          else if (e.inputType === 'deleteContentForward') suggest(view, { kind: 'delete', direction: 'forward' });
          return true;
        },
        cut(view, event) {
          if (!bridge.suggesting) return false;
          const { from, to } = view.state.selection;
          if (from === to) return true;
          event.clipboardData?.setData('text/plain', view.state.doc.textBetween(from, to, '\n'));
          event.preventDefault();
          suggest(view, { kind: 'delete', direction: 'forward' });
          return true;
        },
      },
    },
  });

  return Extension.create({
    name: 'rdReview',
    priority: 1000,
    addKeyboardShortcuts() {
      return {
        'Mod-Alt-m': () => {
          bridge.onCommentShortcut();
          return true;
        },
      };
    },
    addProseMirrorPlugins() {
      return [plugin];
    },
  });
}
