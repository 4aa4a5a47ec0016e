/** The open section's editor, for the Testimony panel's "Link the selected words" (one section is open at a time). */
import type { Editor } from '@tiptap/core';

let active: Editor | null = null;

export function setActiveEditor(editor: Editor | null): void {
  active = editor;
}

export function activeEditor(): Editor | null {
  return active && !active.isDestroyed ? active : null;
}
