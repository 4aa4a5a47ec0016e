/**
 * How the editor (toolbar button, paste, drop, an image's Edit button) asks for the image dialog, which lives in
 * React beside the editor (ImageDialogHost). One host per editor registers itself.
 */
import type { Editor } from '@tiptap/core';
import type { ImageAttrs } from '../../../../shared/schema/image.ts';

export type ImageRequest =
  | { mode: 'insert'; file: File | null }
  | { mode: 'edit'; pos: number; attrs: ImageAttrs };

const hosts = new WeakMap<Editor, (request: ImageRequest) => void>();

export function setImageRequestHost(editor: Editor, host: ((request: ImageRequest) => void) | null): void {
  if (host) hosts.set(editor, host);
  else hosts.delete(editor);
}

/** False when no dialog host is mounted for this editor (read-only views). */
export function requestImage(editor: Editor, request: ImageRequest): boolean {
  const host = hosts.get(editor);
  if (!host) return false;
  host(request);
  return true;
}

/**
 * The toolbar's image button: edits the selected image (the keyboard way to reach an image's settings, since the
 * controls drawn on the image sit inside the text box), else inserts one.
 */
export function imageButton(editor: Editor): void {
  const { selection } = editor.state;
  const node = 'node' in selection ? (selection as { node?: { type: { name: string }; attrs: Record<string, unknown> } }).node : undefined;
  if (node?.type.name === 'image') {
    const a = node.attrs;
    requestImage(editor, {
      mode: 'edit',
      pos: selection.from,
      attrs: {
        src: typeof a.src === 'string' ? a.src : null,
        pending: typeof a.pending === 'string' ? a.pending : null,
        alt: typeof a.alt === 'string' ? a.alt : '',
        decorative: a.decorative === true,
        caption: typeof a.caption === 'string' ? a.caption : '',
        width: typeof a.width === 'number' ? a.width : Number(a.width) || 100,
      },
    });
    return;
  }
  requestImage(editor, { mode: 'insert', file: null });
}
