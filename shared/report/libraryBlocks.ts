/**
 * Library entries in a report (issue 14): the block an entry becomes when inserted (a recommendation block, or a
 * quotation of the model text), and the library blocks a report holds, with the entry id and version each came
 * from. Reading goes through the layout's section bodies, never `doc.get…` by hand.
 */
import * as Y from 'yjs';
import type { LibraryEntry } from '../library/entry.ts';
import { LIBRARY_ENTRY_ATTR, LIBRARY_VERSION_ATTR } from '../schema/libraryBlockNames.ts';
import { RECOMMENDATION_NODE } from '../schema/nodeNames.ts';
import type { PmNode } from './content.ts';
import { allSectionBodies } from './layout.ts';

export type LibraryBlockForm = 'recommendation' | 'quote';

export interface LibraryBlockRef {
  sectionId: string;
  entryId: string;
  version: number;
  form: LibraryBlockForm;
}

/** Every paragraph-like block of a tree as a paragraph (a recommendation block holds paragraphs only). */
function paragraphs(node: PmNode): PmNode[] {
  if (node.type === 'paragraph' || node.type === 'heading') return node.content?.length ? [{ type: 'paragraph', content: node.content }] : [];
  return (node.content ?? []).flatMap(paragraphs);
}

/** The block an entry becomes in a report, marked with the entry's id and version. */
export function libraryBlock(entry: Pick<LibraryEntry, 'id' | 'version' | 'content' | 'tags'>, form: LibraryBlockForm): PmNode {
  const source = { [LIBRARY_ENTRY_ATTR]: entry.id, [LIBRARY_VERSION_ATTR]: entry.version };
  if (form === 'recommendation') {
    const content = paragraphs(entry.content);
    return {
      type: RECOMMENDATION_NODE,
      attrs: { addressee: null, tags: entry.tags, ...source },
      content: content.length ? content : [{ type: 'paragraph' }],
    };
  }
  return { type: 'blockquote', attrs: source, content: entry.content.content?.length ? entry.content.content : [{ type: 'paragraph' }] };
}

/** The library block a ProseMirror node is, if any (by its attributes). */
export function libraryRefOf(type: string, attrs: Record<string, unknown>): { entryId: string; version: number; form: LibraryBlockForm } | null {
  const entryId = attrs[LIBRARY_ENTRY_ATTR];
  const version = attrs[LIBRARY_VERSION_ATTR];
  if (typeof entryId !== 'string' || !entryId || typeof version !== 'number') return null;
  if (type === RECOMMENDATION_NODE) return { entryId, version, form: 'recommendation' };
  if (type === 'blockquote') return { entryId, version, form: 'quote' };
  return null;
}

/** The library blocks of a report, section by section in document order. */
export function libraryBlocksIn(doc: Y.Doc): LibraryBlockRef[] {
  const out: LibraryBlockRef[] = [];
  for (const { id, body } of allSectionBodies(doc)) {
    const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
      for (const child of parent.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        const attrs = child.getAttributes() as Record<string, unknown>;
        const ref = libraryRefOf(child.nodeName, attrs);
        if (ref) out.push({ sectionId: id, ...ref });
        walk(child);
      }
    };
    walk(body);
  }
  return out;
}
