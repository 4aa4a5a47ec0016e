/**
 * Where a block came from in the library (issue 14): a recommendation block or a quotation (blockquote) inserted
 * from a library entry carries the entry's id and the version it was taken at, so the report can offer a later
 * version (never applying it by itself) and the entry can list the reports that used it.
 */
import { Extension } from '@tiptap/core';
import { RECOMMENDATION_NODE } from './nodeNames.ts';
import { LIBRARY_ENTRY_ATTR, LIBRARY_VERSION_ATTR } from './libraryBlockNames.ts';

export { LIBRARY_ENTRY_ATTR, LIBRARY_VERSION_ATTR };

export const LibraryBlockAttributes = Extension.create({
  name: 'libraryBlockAttributes',

  addGlobalAttributes() {
    return [
      {
        types: [RECOMMENDATION_NODE, 'blockquote'],
        attributes: {
          [LIBRARY_ENTRY_ATTR]: {
            default: null,
            parseHTML: (el) => el.getAttribute('data-library-entry'),
            renderHTML: (attrs) => (typeof attrs[LIBRARY_ENTRY_ATTR] === 'string' ? { 'data-library-entry': attrs[LIBRARY_ENTRY_ATTR] } : {}),
          },
          [LIBRARY_VERSION_ATTR]: {
            default: null,
            parseHTML: (el) => {
              const n = Number(el.getAttribute('data-library-version'));
              return Number.isInteger(n) && n > 0 ? n : null;
            },
            renderHTML: (attrs) => (typeof attrs[LIBRARY_VERSION_ATTR] === 'number' ? { 'data-library-version': String(attrs[LIBRARY_VERSION_ATTR]) } : {}),
          },
        },
      },
    ];
  },
});
