/**
 * The small panel under a footnote marker: the note's number, its text (a NoteTextEditor), and tools for bold,
 * italic, links and removing the note. Plain DOM, since it lives inside a ProseMirror node view.
 */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { normaliseHref } from '../../../../shared/schema/linkPolicy.ts';
import { i18n } from '../../i18n/i18n.ts';
import { NoteTextEditor } from './NoteTextEditor.ts';

export interface NotePopoverOptions {
  outer: Editor;
  getPos: () => number | undefined;
  /** Back to the section's text, right after the marker. */
  onDone: () => void;
  onRemove: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

let nextId = 1;

export class NotePopover {
  readonly dom: HTMLElement;
  private readonly title: HTMLElement;
  private readonly text: NoteTextEditor;
  private readonly tools: HTMLElement;
  private readonly boldButton: HTMLButtonElement;
  private readonly italicButton: HTMLButtonElement;
  private readonly linkButton: HTMLButtonElement;
  private readonly linkRow: HTMLElement;
  private readonly linkInput: HTMLInputElement;
  private readonly linkError: HTMLElement;
  private readonly removeLinkButton: HTMLButtonElement;
  private readonly editable: boolean;
  private readonly handleResize = () => this.place();

  constructor(node: PmNode, number: number | null, private readonly options: NotePopoverOptions) {
    const id = `note-popover-${nextId++}`;
    this.editable = options.outer.isEditable;
    // Spans throughout: the popover sits inside a paragraph of the section's text.
    this.dom = el('span', 'footnote-popover', { role: 'group', 'aria-labelledby': `${id}-title`, 'data-testid': 'footnote-popover' });
    const head = el('span', 'footnote-popover__head');
    this.title = el('span', 'footnote-popover__title', { id: `${id}-title` });
    const close = el('button', 'footnote-popover__close', { type: 'button', 'aria-label': i18n.t('editing.note.close'), title: i18n.t('editing.note.closeTitle') }, '×');
    close.addEventListener('click', () => options.onDone());
    head.append(this.title, close);

    const body = el('span', 'footnote-popover__body');
    this.text = new NoteTextEditor(body, node, {
      outer: options.outer,
      getPos: options.getPos,
      label: this.label(number),
      onDone: options.onDone,
      onChange: () => this.refresh(),
    });

    this.tools = el('span', 'footnote-popover__tools');
    const mod = isMac ? '⌘' : 'Ctrl+';
    this.boldButton = this.tool('B', i18n.t('toolbar.bold'), `${mod}B`, () => this.text.toggleMark('bold'), 'footnote-popover__tool--bold');
    this.italicButton = this.tool('I', i18n.t('toolbar.italic'), `${mod}I`, () => this.text.toggleMark('italic'), 'footnote-popover__tool--italic');
    this.linkButton = this.tool(i18n.t('editing.note.link'), i18n.t('toolbar.addLink'), null, () => this.toggleLinkRow());
    const spacer = el('span', 'footnote-popover__spacer');
    const removeLabel = i18n.t('editing.note.remove');
    const remove = this.tool(removeLabel, removeLabel, null, () => options.onRemove(), 'footnote-popover__tool--danger');
    const doneLabel = i18n.t('editing.note.done');
    const done = this.tool(doneLabel, doneLabel, 'Enter', () => options.onDone(), 'footnote-popover__tool--primary');
    this.tools.append(this.boldButton, this.italicButton, this.linkButton, spacer, remove, done);

    this.linkRow = el('span', 'footnote-popover__link');
    this.linkRow.hidden = true;
    const linkLabel = el('label', 'footnote-popover__link-label', { for: `${id}-href` }, i18n.t('editing.link.address'));
    this.linkInput = el('input', 'input footnote-popover__link-input', { id: `${id}-href`, type: 'text', inputmode: 'url', placeholder: 'https://', autocomplete: 'off' });
    this.linkError = el('span', 'field__error footnote-popover__link-error', { id: `${id}-href-error`, role: 'alert' });
    const apply = el('button', 'button button--primary button--small', { type: 'button' }, i18n.t('editing.link.apply'));
    this.removeLinkButton = el('button', 'button button--small', { type: 'button' }, i18n.t('structure.removeLink'));
    apply.addEventListener('click', () => this.applyLink());
    this.removeLinkButton.addEventListener('click', () => {
      this.text.removeLink();
      this.closeLinkRow();
    });
    this.linkInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.applyLink();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.closeLinkRow();
        this.text.focus(false);
      }
    });
    this.linkRow.append(linkLabel, this.linkInput, apply, this.removeLinkButton, this.linkError);

    this.dom.append(head, body);
    if (this.editable) this.dom.append(this.tools, this.linkRow);
    else this.dom.classList.add('footnote-popover--readonly');
    // Escape from anywhere in the panel (a tool button, the link field) closes it.
    this.dom.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        options.onDone();
      }
    });
    this.setNumber(number);
    this.refresh();
    window.addEventListener('resize', this.handleResize);
  }

  /** Put the panel on screen under the marker, inside the editor's width (it may be narrow on a phone). */
  place(): void {
    const anchor = this.dom.parentElement;
    const area = this.options.outer.view.dom as HTMLElement;
    if (!anchor) return;
    const a = anchor.getBoundingClientRect();
    const bounds = area.getBoundingClientRect();
    const width = Math.min(380, bounds.width - 16);
    this.dom.style.width = `${width}px`;
    const left = Math.min(Math.max(a.left - 24, bounds.left + 8), bounds.right - width - 8);
    this.dom.style.left = `${Math.round(left - a.left)}px`;
  }

  focus(): void {
    this.text.focus();
  }

  hasFocus(): boolean {
    return this.dom.contains(document.activeElement);
  }

  update(node: PmNode, number: number | null): void {
    this.text.update(node);
    this.setNumber(number);
  }

  destroy(): void {
    window.removeEventListener('resize', this.handleResize);
    this.text.destroy();
    this.dom.remove();
  }

  private label(number: number | null): string {
    return number === null ? i18n.t('editing.note.text') : i18n.t('editing.note.textNumbered', { number });
  }

  private setNumber(number: number | null): void {
    this.title.textContent = number === null ? i18n.t('editing.note.title') : i18n.t('editing.note.titleNumbered', { number });
    this.text.setLabel(this.label(number));
  }

  private tool(text: string, label: string, shortcut: string | null, run: () => void, extra = ''): HTMLButtonElement {
    const button = el('button', `footnote-popover__tool ${extra}`.trim(), { type: 'button', title: shortcut ? i18n.t('suggest.withShortcut', { label, shortcut }) : label }, text);
    if (text !== label) button.setAttribute('aria-label', label);
    // Keep the note's selection while clicking a tool.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', run);
    return button;
  }

  private refresh(): void {
    this.dom.classList.toggle('footnote-popover--empty', this.text.isEmpty());
    this.boldButton.setAttribute('aria-pressed', String(this.text.isMarkActive('bold')));
    this.italicButton.setAttribute('aria-pressed', String(this.text.isMarkActive('italic')));
    const link = this.text.isMarkActive('link');
    this.linkButton.setAttribute('aria-pressed', String(link || !this.linkRow.hidden));
    this.linkButton.setAttribute('aria-label', link ? i18n.t('toolbar.editLink') : i18n.t('toolbar.addLink'));
  }

  private toggleLinkRow(): void {
    if (!this.linkRow.hidden) {
      this.closeLinkRow();
      return;
    }
    const current = this.text.currentLink();
    this.linkInput.value = current?.href ?? '';
    this.removeLinkButton.hidden = !current;
    this.linkError.textContent = '';
    this.linkInput.removeAttribute('aria-invalid');
    this.linkRow.hidden = false;
    this.refresh();
    this.linkInput.focus();
  }

  private closeLinkRow(): void {
    this.linkRow.hidden = true;
    this.refresh();
  }

  private applyLink(): void {
    const href = normaliseHref(this.linkInput.value);
    if (!href) {
      this.linkError.textContent = i18n.t('suggest.linkInvalid');
      this.linkInput.setAttribute('aria-invalid', 'true');
      this.linkInput.setAttribute('aria-describedby', this.linkError.id);
      return;
    }
    this.text.setLink(href);
    this.closeLinkRow();
  }
}
