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
