import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { editorExtensions } from './extensions.ts';
import { EDITOR_SCHEMA_VERSION } from './version.ts';
import { fragmentToJson } from '../report/content.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { listRecommendations } from '../report/recommendations.ts';

const schema = getSchema(editorExtensions());

const block = {
  type: 'recommendation',
  attrs: { addressee: 'The Ministry of Education', tags: ['ICERD:5', 'REC:A/HRC/46/15:26.45'] },
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'End the placement of Roma children in special schools by September 2026.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Publish annual enrolment data disaggregated by ethnicity.' }] },
  ],
};

describe('Recommendation node', () => {
  it('is part of the editor schema, whose version says so', () => {
    expect(schema.nodes.recommendation).toBeDefined();
    expect(EDITOR_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('round-trips through Yjs with its addressee and tags', () => {
    const fragment = prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [block] }, new Y.Doc().getXmlFragment('body'));
    const back = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(back.check()).toBeUndefined();
    // Not taken from the library: no entry id or version (shared/schema/libraryBlock.ts).
    expect(back.firstChild!.attrs).toEqual({ addressee: 'The Ministry of Education', tags: ['ICERD:5', 'REC:A/HRC/46/15:26.45'], libraryEntryId: null, libraryVersion: null });
    expect(fragmentToJson(fragment).content![0]).toMatchObject({ type: 'recommendation', attrs: block.attrs });
  });

  it('holds paragraphs only', () => {
    expect(() => schema.nodeFromJSON({ type: 'recommendation', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'x' }] }] }).check()).toThrow();
    expect(() => schema.nodeFromJSON({ type: 'recommendation', content: [] }).check()).toThrow();
  });

  it('is listed with the report’s recommendations, in document order, with its SMART assessment', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: EDITOR_SCHEMA_VERSION });
    const education = addSection(doc, { title: 'Article 5' });
    const closing = addSection(doc, { title: 'Recommendations' });
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Context.' }] }, block] }, getSectionBody(doc, education)!);
    const vague = { type: 'recommendation', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Consider taking measures against discrimination.' }] }] };
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [vague] }, getSectionBody(doc, closing)!);

    const list = listRecommendations(doc);
    expect(list.map((r) => [r.number, r.sectionTitle, r.indexInSection, r.addressee, r.smart.category])).toEqual([
      [1, 'Article 5', 0, 'The Ministry of Education', 5],
      [2, 'Recommendations', 0, null, 3],
    ]);
    expect(list[0]!.text).toBe('End the placement of Roma children in special schools by September 2026. Publish annual enrolment data disaggregated by ethnicity.');
    expect(list[0]!.tags).toEqual(['ICERD:5', 'REC:A/HRC/46/15:26.45']);
    expect(list[0]!.smart.missing).toEqual([]);
  });
});
