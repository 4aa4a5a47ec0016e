import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { editorExtensions } from '../schema/extensions.ts';
import { EDITOR_SCHEMA_VERSION } from '../schema/version.ts';
import { textToContent } from '../library/content.ts';
import { addSection, getSectionBody, initReport } from './layout.ts';
import { libraryBlock, libraryBlocksIn } from './libraryBlocks.ts';
import { listRecommendations } from './recommendations.ts';

const schema = getSchema(editorExtensions());
const entry = {
  id: 'entry-1',
  version: 3,
  tags: ['CEDAW:2'],
  content: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Section 1' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: textToContent('Review every service.').content! }] },
    ],
  },
};

describe('Library blocks in a report', () => {
  it('makes a valid recommendation block (paragraphs only) and a valid quotation, both keeping the entry id and version', () => {
    const rec = schema.nodeFromJSON(libraryBlock(entry, 'recommendation'));
    expect(rec.check()).toBeUndefined();
    expect(rec.attrs).toMatchObject({ libraryEntryId: 'entry-1', libraryVersion: 3, tags: ['CEDAW:2'] });
    expect(rec.textContent).toBe('Section 1Review every service.');
    const quote = schema.nodeFromJSON(libraryBlock(entry, 'quote'));
    expect(quote.check()).toBeUndefined();
    expect(quote.type.name).toBe('blockquote');
    expect(quote.child(1).type.name).toBe('bulletList');
  });

  it('finds the blocks a report took from the library after a round trip through Yjs, and counts the recommendation', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: EDITOR_SCHEMA_VERSION });
    const a = addSection(doc, { title: 'Local measures' });
    const b = addSection(doc, { title: 'Recommendations' });
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [libraryBlock(entry, 'quote')] }, getSectionBody(doc, a)!);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We ask:' }] }, libraryBlock({ ...entry, version: 4 }, 'recommendation')] }, getSectionBody(doc, b)!);
    expect(libraryBlocksIn(doc)).toEqual([
      { sectionId: a, entryId: 'entry-1', version: 3, form: 'quote' },
      { sectionId: b, entryId: 'entry-1', version: 4, form: 'recommendation' },
    ]);
    const back = yXmlFragmentToProseMirrorRootNode(getSectionBody(doc, b)!, schema);
    expect(back.child(1).attrs).toMatchObject({ libraryEntryId: 'entry-1', libraryVersion: 4 });
    expect(listRecommendations(doc)).toHaveLength(1);
  });
});
