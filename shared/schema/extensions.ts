/**
 * The TipTap extension list that defines what a section body may hold. The editor, the server's conversions
 * and export all build their schema from this one list.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Recommendation } from './recommendation.ts';
import { Footnote } from './footnote.ts';

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo manager, which undoes only this user's changes.
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      code: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Recommendation,
    Footnote,
  ];
}
