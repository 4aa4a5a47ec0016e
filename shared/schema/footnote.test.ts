import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { editorExtensions } from './extensions.ts';
import { fragmentToJson } from '../report/content.ts';

const schema = getSchema(editorExtensions());

const withNote = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Roma children are segregated.' },
        {
          type: 'footnote',
          content: [
            { type: 'text', text: 'See ' },
            { type: 'text', text: 'ERRC 2023', marks: [{ type: 'link', attrs: { href: 'https://example.org/errc' } }] },
          ],
        },
      ],
    },
  ],
};

describe('Footnote node', () => {
  it('keeps its text as a Yjs text inside the body, links included', () => {
    const fragment = prosemirrorJSONToYXmlFragment(schema, withNote, new Y.Doc().getXmlFragment('body'));
    const paragraph = fragment.get(0) as Y.XmlElement;
    const note = paragraph.get(1) as Y.XmlElement;
    expect(note.nodeName).toBe('footnote');
    expect(note.get(0)).toBeInstanceOf(Y.XmlText);
    const back = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(back.check()).toBeUndefined();
    const json = fragmentToJson(fragment);
    expect(json.content![0]!.content![1]).toMatchObject({ type: 'footnote', content: [{ text: 'See ' }, { text: 'ERRC 2023', marks: [{ type: 'link' }] }] });
  });

  it('merges two people typing into the same note at once', () => {
    const a = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, withNote, a.getXmlFragment('body'));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const noteText = (doc: Y.Doc) => ((doc.getXmlFragment('body').get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    noteText(a).insert(0, 'Compare: ');
    noteText(b).insert(noteText(b).length, ', p. 4');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(noteText(a).toString()).toBe(noteText(b).toString());
    expect(noteText(a).toDelta().map((d: { insert: string }) => d.insert).join('')).toBe('Compare: See ERRC 2023, p. 4');
  });
});
