/**
 * The node view of a footnote: a superscript number at the anchor, and the note's panel while the note is selected
 * (clicking the number, arrowing onto it, or inserting a new note selects it). The number comes from the
 * footnoteNumbers plugin's decorations.
 */
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { Decoration, NodeView } from '@tiptap/pm/view';
import { numberFromDecorations } from './footnoteNumbers.ts';
import { NotePopover } from './NotePopover.ts';

/** Views by their DOM node, so commands can reach the view of the note at a position (`view.nodeDOM(pos)`). */
const views = new WeakMap<Node, FootnoteView>();

export function footnoteViewAt(editor: Editor, pos: number): FootnoteView | null {
  const dom = editor.view.nodeDOM(pos);
  return dom ? (views.get(dom) ?? null) : null;
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
  /** Set by `open({ focus: true })` before the selection lands on the note. */
  private focusWhenOpened = false;

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
    this.marker.addEventListener('click', () => {
      if (this.popover && this.editor.isEditable) this.popover.focus();
    });
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
    this.closePanel();
  }

  /** Select this note in the section editor and open its panel; `focus` puts the caret in the note's text. */
  open({ focus }: { focus: boolean }): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    if (this.popover) {
      if (focus) this.popover.focus();
      return;
    }
    this.focusWhenOpened = focus;
    this.editor.chain().setNodeSelection(pos).scrollIntoView().run();
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
    const label = this.number === null ? 'Footnote' : `Footnote ${this.number}`;
    this.marker.textContent = this.number === null ? '*' : String(this.number);
    const text = preview(this.node);
    this.marker.title = text ? `${label}: ${text}` : `${label} (empty)`;
    this.marker.setAttribute('aria-label', this.marker.title);
    this.dom.classList.toggle('footnote--empty', this.node.content.size === 0);
  }

  private openPanel(): void {
    if (this.popover) return;
    this.popover = new NotePopover(this.node, this.number, {
      outer: this.editor,
      getPos: this.getPos,
      onDone: () => this.backToText(),
      onRemove: () => this.remove(),
    });
    this.dom.append(this.popover.dom);
    this.popover.place();
    const focus = this.focusWhenOpened;
    this.focusWhenOpened = false;
    // After ProseMirror has finished drawing the selection, which may move focus back to the section's text.
    requestAnimationFrame(() => {
      this.popover?.dom.scrollIntoView({ block: 'nearest' });
      if (focus && this.editor.isEditable) this.popover?.focus();
    });
  }

  private closePanel(): void {
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
