/**
 * The node view of a footnote: a superscript number at the anchor, and the note's panel while the note is selected
 * (clicking the number, arrowing onto it, or inserting a new note selects it). The number comes from the
 * footnoteNumbers plugin's decorations.
 */
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, TextSelection } from '@tiptap/pm/state';
import type { Decoration, EditorView, NodeView } from '@tiptap/pm/view';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';
import { numberFromDecorations } from './footnoteNumbers.ts';
import { NotePopover } from './NotePopover.ts';
import { i18n } from '../../i18n/i18n.ts';

/** Views by their DOM node, so commands can reach the view of the note at a position (`view.nodeDOM(pos)`). */
const views = new WeakMap<Node, FootnoteView>();

export function footnoteViewAt(editor: Editor, pos: number): FootnoteView | null {
  const dom = editor.view.nodeDOM(pos);
  return dom ? (views.get(dom) ?? null) : null;
}

/** Views whose panel is open (one at most per editor, as only one note can be selected). */
const openViews = new Set<FootnoteView>();

/**
 * A note whose panel should take the focus as soon as it opens, by editor: set before the transaction that
 * selects it. Focus moves within that same update, so keys typed right after Ctrl+Alt+F land in the note rather
 * than replacing the selected note in the section's text.
 */
const focusOnOpen = new WeakMap<EditorView, number>();

export function focusNoteWhenOpened(view: EditorView, pos: number): void {
  focusOnOpen.set(view, pos);
}

/**
 * Opens the panel of the selected note and closes the others after every update. ProseMirror itself calls
 * selectNode only while the editor has focus, and a note is also opened from outside it (the list of notes).
 */
export function footnotePanelsPlugin(): Plugin {
  return new Plugin({
    view: () => ({
      update(view: EditorView) {
        const { selection } = view.state;
        const dom = selection instanceof NodeSelection && selection.node.type.name === FOOTNOTE_NODE ? view.nodeDOM(selection.from) : null;
        const selected = dom ? views.get(dom) : undefined;
        for (const open of [...openViews]) if (open !== selected && open.belongsTo(view)) open.closePanel();
        selected?.openPanel();
        const focusPos = focusOnOpen.get(view);
        if (focusPos !== undefined && selected && selection.from === focusPos) {
          focusOnOpen.delete(view);
          selected.focusPanel();
        }
      },
    }),
  });
}

/** Preview of a note's text for the marker's tooltip and accessible name. */
function preview(node: PmNode): string {
  const text = node.textContent.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly marker: HTMLElement;
  private readonly editor: Editor;
  private readonly getPos: () => number | undefined;
  private node: PmNode;
  private number: number | null;
  private popover: NotePopover | null = null;

  constructor(props: NodeViewRendererProps) {
    this.editor = props.editor;
    this.node = props.node;
    this.getPos = () => (typeof props.getPos === 'function' ? props.getPos() : undefined);
    this.number = numberFromDecorations(props.decorations);
    this.dom = document.createElement('span');
    this.dom.className = 'footnote';
    this.dom.setAttribute('data-footnote', '');
    this.marker = document.createElement('sup');
    this.marker.className = 'footnote__ref';
    this.marker.setAttribute('data-testid', 'footnote-ref');
    this.dom.append(this.marker);
    // A click on the number selects the note (ProseMirror does that) and then puts the caret in its text.
    this.marker.addEventListener('click', () => this.open({ focus: true }));
    views.set(this.dom, this);
    this.render();
  }

  update(node: PmNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.number = numberFromDecorations(decorations);
    this.render();
    this.popover?.update(node, this.number);
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    this.openPanel();
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  belongsTo(view: EditorView): boolean {
    return this.editor.view === view;
  }

  /** Select this note in the section editor and open its panel; `focus` puts the caret in the note's text. */
  open({ focus }: { focus: boolean }): void {
    const pos = this.getPos();
    if (pos !== undefined) this.editor.commands.openFootnote(pos, { focus });
  }

  focusPanel(): void {
    if (this.editor.isEditable) this.popover?.focus();
  }

  isOpen(): boolean {
    return this.popover !== null;
  }

  /** Events inside the panel belong to the note's own editor and buttons, not to the section editor. */
  stopEvent(event: Event): boolean {
    return !!this.popover && event.target instanceof Node && this.popover.dom.contains(event.target);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.closePanel();
    views.delete(this.dom);
  }

  private render(): void {
    const number = this.number;
    this.marker.textContent = number === null ? '*' : String(number);
    const text = preview(this.node);
    if (number === null) this.marker.title = text ? i18n.t('editing.footnoteMarker.text', { text }) : i18n.t('editing.footnoteMarker.empty');
    else this.marker.title = text ? i18n.t('editing.footnoteMarker.textNumbered', { number, text }) : i18n.t('editing.footnoteMarker.emptyNumbered', { number });
    this.marker.setAttribute('aria-label', this.marker.title);
    this.dom.classList.toggle('footnote--empty', this.node.content.size === 0);
  }

  openPanel(): void {
    if (this.popover) return;
    openViews.add(this);
    this.dom.classList.add('ProseMirror-selectednode');
    this.popover = new NotePopover(this.node, this.number, {
      outer: this.editor,
      getPos: this.getPos,
      onDone: () => this.backToText(),
      onRemove: () => this.remove(),
    });
    this.dom.append(this.popover.dom);
    this.popover.place();
    requestAnimationFrame(() => this.popover?.dom.scrollIntoView({ block: 'nearest' }));
  }

  closePanel(): void {
    openViews.delete(this);
    this.dom.classList.remove('ProseMirror-selectednode');
    if (!this.popover) return;
    const hadFocus = this.popover.hasFocus();
    this.popover.destroy();
    this.popover = null;
    // Focus would otherwise fall to the page body when the panel that held it goes away.
    if (hadFocus && !this.editor.isDestroyed) this.editor.view.focus();
  }

  /** Caret right after the marker, in the section's text. */
  private backToText(): void {
    const pos = this.getPos();
    if (pos === undefined || this.editor.isDestroyed) return;
    const { view } = this.editor;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + this.node.nodeSize)));
    view.focus();
  }

  private remove(): void {
    const pos = this.getPos();
    if (pos === undefined || this.editor.isDestroyed) return;
    const { view } = this.editor;
    const tr = view.state.tr.delete(pos, pos + this.node.nodeSize);
    view.dispatch(tr.setSelection(TextSelection.create(tr.doc, pos)));
    view.focus();
  }
}
