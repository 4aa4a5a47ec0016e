/**
 * The passageTag mark in the real editor schema and the real Yjs binding (y-tiptap): two people tagging
 * overlapping words with different tags at the same time both keep their tag after the documents merge,
 * and the content API reads both from the stored document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { updateYFragment, prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { editorExtensions } from './extensions.ts';
import { PASSAGE_TAG_MARK } from './passageTag.ts';
import { EDITOR_SCHEMA_VERSION } from './version.ts';
import { fragmentToJson } from '../report/content.ts';
import { taggedPassages } from '../report/passageTags.ts';

const schema = getSchema(editorExtensions());
const text = 'Forty Roma families were evicted';

/** `doc` (one paragraph of `text`) with characters from..to tagged `tag`, as the editor's command would make it. */
function tagged(doc: PmNode, from: number, to: number, tag: string): PmNode {
  const mark = schema.marks[PASSAGE_TAG_MARK]!.create({ tag });
  const marks = doc.child(0).child(0).marks;
  const paragraph = doc.child(0).type.create(doc.child(0).attrs, [
    ...(from > 0 ? [schema.text(text.slice(0, from), marks)] : []),
    schema.text(text.slice(from, to), mark.addToSet(marks)),
    ...(to < text.length ? [schema.text(text.slice(to), marks)] : []),
  ]);
  return doc.type.create(doc.attrs, [paragraph]);
}

function tagsPerChar(fragment: Y.XmlFragment): string[] {
  const root = yXmlFragmentToProseMirrorRootNode(fragment, schema);
  const out: string[] = [];
  root.descendants((n) => {
    if (!n.isText) return;
    const tags = n.marks.filter((m) => m.type.name === PASSAGE_TAG_MARK).map((m) => String(m.attrs.tag)).sort().join('+');
    for (let i = 0; i < n.text!.length; i++) out.push(tags);
  });
  return out;
}

describe('The passageTag mark', () => {
  it('raises the editor schema version, so older editors open tagged reports read-only', () => {
    expect(EDITOR_SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(schema.marks[PASSAGE_TAG_MARK]!.excludes(schema.marks[PASSAGE_TAG_MARK]!)).toBe(false);
  });

  it('keeps both tags when two people tag overlapping words with different tags at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const start = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
    prosemirrorJSONToYXmlFragment(schema, start, a.getXmlFragment('body'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const base = yXmlFragmentToProseMirrorRootNode(a.getXmlFragment('body'), schema);
    // A tags "Roma families were" with ICERD 5(e)(iii); B tags "families were evicted" with SDG 11.1.
    updateYFragment(a, a.getXmlFragment('body'), tagged(base, 6, 24, 'ICERD:5(e)(iii)'), { mapping: new Map(), isOMark: new Map() });
    updateYFragment(b, b.getXmlFragment('body'), tagged(base, 11, text.length, 'SDG:11.1'), { mapping: new Map(), isOMark: new Map() });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const perChar = tagsPerChar(a.getXmlFragment('body'));
    expect(perChar).toEqual(tagsPerChar(b.getXmlFragment('body')));
    expect(perChar[0]).toBe('');
    expect(perChar[7]).toBe('ICERD:5(e)(iii)'); // "Roma"
    expect(perChar[15]).toBe('ICERD:5(e)(iii)+SDG:11.1'); // "families were"
    expect(perChar[28]).toBe('SDG:11.1'); // "evicted"
    // The content API reads the same from the stored document.
    const passages = taggedPassages(fragmentToJson(a.getXmlFragment('body')));
    expect(passages).toEqual([
      { tag: 'ICERD:5(e)(iii)', text: 'Roma families were' },
      { tag: 'SDG:11.1', text: 'families were evicted' },
    ]);
  });

  it('renders as a span carrying its tag', () => {
    const doc = tagged(schema.topNodeType.createAndFill(null, [schema.nodes.paragraph!.create(null, schema.text(text))])!, 0, 5, 'CEDAW:11(1)(b)');
    const mark = doc.child(0).child(0).marks[0]!;
    const spec = schema.marks[PASSAGE_TAG_MARK]!.spec.toDOM!(mark, true) as unknown as [string, Record<string, string>];
    expect(spec[0]).toBe('span');
    expect(spec[1]).toMatchObject({ 'data-passage-tag': 'CEDAW:11(1)(b)', class: 'passage-tag' });
  });
});
