/**
 * The text of one footnote, edited in a small ProseMirror view of its own (as in ProseMirror's footnote example).
 * Its document is the footnote node itself; every change is mapped into the section editor and dispatched there,
 * so a note's text is ordinary content of the section's Y.XmlFragment: co-authors editing one note merge character
 * by character, undo works, and the change syncs like any other. Changes arriving from the section editor (a
 * co-author, an undo) are applied here as the difference between the two versions of the node.
 */
import { getMarkRange, type Editor } from '@tiptap/core';
import { baseKeymap, toggleMark } from '@tiptap/pm/commands';
import { keymap } from '@tiptap/pm/keymap';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { StepMap } from '@tiptap/pm/transform';
import { EditorView } from '@tiptap/pm/view';

const FROM_OUTSIDE = 'rightsdraft:note-from-outside';

export interface NoteTextEditorOptions {
  /** The section editor the note lives in. */
  outer: Editor;
  /** Position of the footnote node in the section editor; undefined once it is gone. */
  getPos: () => number | undefined;
  /** Accessible name, e.g. "Text of footnote 3". */
  label: string;
  /** Enter or Escape: the writer is done with the note. */
  onDone: () => void;
  /** Called after every change here or from outside (to refresh link buttons and the empty hint). */
  onChange: () => void;
}

export class NoteTextEditor {
  readonly view: EditorView;

  constructor(
    mount: HTMLElement,
    node: PmNode,
    private readonly options: NoteTextEditorOptions,
  ) {
    const { outer } = options;
    const schema = node.type.schema;
    const mod = (name: string) => schema.marks[name];
    const markKeys: Record<string, ReturnType<typeof toggleMark>> = {};
    for (const [key, name] of [['Mod-b', 'bold'], ['Mod-i', 'italic'], ['Mod-u', 'underline']] as const) {
      const type = mod(name);
      if (type) markKeys[key] = toggleMark(type);
    }
    this.view = new EditorView(mount, {
      state: EditorState.create({
        doc: node,
        plugins: [
          keymap({
            ...markKeys,
            // The section editor's undo (Collaboration's): it undoes this user's note edits with everything else.
            'Mod-z': () => outer.commands.undo(),
            'Mod-y': () => outer.commands.redo(),
            'Shift-Mod-z': () => outer.commands.redo(),
            Enter: () => {
              options.onDone();
              return true;
            },
            Escape: () => {
              options.onDone();
              return true;
            },
          }),
          keymap(baseKeymap),
        ],
      }),
      editable: () => outer.isEditable,
      attributes: { class: 'footnote-popover__input', role: 'textbox', 'aria-multiline': 'false', 'aria-label': options.label, spellcheck: 'true' },
      dispatchTransaction: (tr) => this.dispatchInner(tr),
    });
  }

  setLabel(label: string): void {
    const attributes = this.view.props.attributes as Record<string, string>;
    // setProps redraws the view from its state, which would undo a caret move ProseMirror has not read yet.
    if (attributes['aria-label'] === label) return;
    this.view.setProps({ attributes: { ...attributes, 'aria-label': label } });
  }

  focus(atEnd = true): void {
    if (atEnd) {
      const { state } = this.view;
      this.view.dispatch(state.tr.setSelection(TextSelection.atEnd(state.doc)).setMeta(FROM_OUTSIDE, true));
    }
    this.view.focus();
  }

  /** The section editor's node changed (a co-author, an undo, or our own change coming back): follow it. */
  update(node: PmNode): void {
    const state = this.view.state;
    const start = node.content.findDiffStart(state.doc.content);
    if (start === null || start === undefined) return;
    const end = node.content.findDiffEnd(state.doc.content);
    if (!end) return;
    let { a: endA, b: endB } = end;
    const overlap = start - Math.min(endA, endB);
    if (overlap > 0) {
      endA += overlap;
      endB += overlap;
    }
    this.view.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta(FROM_OUTSIDE, true));
  }

  isEmpty(): boolean {
    return this.view.state.doc.content.size === 0;
  }

  isMarkActive(name: string): boolean {
    const type = this.view.state.schema.marks[name];
    if (!type) return false;
    const { from, to, empty, $from } = this.view.state.selection;
    if (empty) return !!type.isInSet(this.view.state.storedMarks ?? $from.marks());
    return this.view.state.doc.rangeHasMark(from, to, type);
  }

  toggleMark(name: string): void {
    const type = this.view.state.schema.marks[name];
    if (type) toggleMark(type)(this.view.state, this.view.dispatch);
    this.view.focus();
  }

  /** The link at the cursor or covering the selection: its range and address. */
  currentLink(): { from: number; to: number; href: string } | null {
    const state = this.view.state;
    const type = state.schema.marks.link;
    if (!type) return null;
    const { $from } = state.selection;
    const range = getMarkRange($from, type) ?? (state.selection.empty ? undefined : getMarkRange(state.doc.resolve($from.pos + 1), type));
    if (!range) return null;
    let href = '';
    state.doc.nodesBetween(range.from, range.to, (n) => {
      const mark = type.isInSet(n.marks);
      if (mark && !href) href = String(mark.attrs.href ?? '');
    });
    return { ...range, href };
  }

  /** Link the selection (or the link at the cursor) to `href`; with nothing selected, insert the address itself. */
  setLink(href: string): void {
    const state = this.view.state;
    const type = state.schema.marks.link;
    if (!type) return;
    const existing = this.currentLink();
    const mark = type.create({ href });
    let tr: Transaction;
    if (existing) tr = state.tr.removeMark(existing.from, existing.to, type).addMark(existing.from, existing.to, mark);
    else if (!state.selection.empty) tr = state.tr.addMark(state.selection.from, state.selection.to, mark);
    else tr = state.tr.insert(state.selection.from, state.schema.text(href, [mark]));
    this.view.dispatch(tr);
    this.view.focus();
  }

  removeLink(): void {
    const existing = this.currentLink();
    const type = this.view.state.schema.marks.link;
    if (!existing || !type) return;
    this.view.dispatch(this.view.state.tr.removeMark(existing.from, existing.to, type));
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }

  private dispatchInner(tr: Transaction): void {
    const { state, transactions } = this.view.state.applyTransaction(tr);
    this.view.updateState(state);
    if (!tr.getMeta(FROM_OUTSIDE)) {
      const pos = this.options.getPos();
      const outerView = this.options.outer.view;
      if (pos !== undefined) {
        const outerTr = outerView.state.tr;
        const offset = StepMap.offset(pos + 1);
        for (const t of transactions) {
          for (const step of t.steps) {
            const mapped = step.map(offset);
            if (mapped) outerTr.step(mapped);
          }
        }
        if (outerTr.docChanged) outerView.dispatch(outerTr);
        // Something in the section editor (a filter of another extension) may have changed or refused the edit:
        // show what the document really holds.
        const now = this.options.getPos();
        const node = now === undefined ? null : outerView.state.doc.nodeAt(now);
        if (node && node.type === state.doc.type) this.update(node);
      }
    }
    this.options.onChange();
  }
}
