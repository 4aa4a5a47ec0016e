/**
 * The TipTap extension list that defines what a section body may hold. The editor, the server's conversions
 * and export all build their schema from this one list.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Recommendation } from './recommendation.ts';
import { Footnote } from './footnote.ts';
import { PassageTag } from './passageTag.ts';
import { Image } from './image.ts';
import { TestimonyLink } from './testimonyLink.ts';
import { LibraryBlockAttributes } from './libraryBlock.ts';
import { ALLOWED_LINK_SCHEMES, normaliseHref } from './linkPolicy.ts';

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo manager, which undoes only this user's changes.
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: [...ALLOWED_LINK_SCHEMES],
        defaultProtocol: 'https',
        // Pasted, typed, set and displayed links all pass the one allow-list; a bare "example.org" found by
        // autolink is allowed because it becomes https://example.org. Others are shown and kept as plain text.
        isAllowedUri: (url) => typeof url === 'string' && normaliseHref(url) !== null,
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Recommendation,
    Footnote,
    PassageTag,
    Image,
    TestimonyLink,
    LibraryBlockAttributes,
  ];
}
