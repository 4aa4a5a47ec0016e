import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { anchorAt, resolveAnchor } from '../../../../shared/discussion/anchors.ts';
import { editorExtensions } from '../../../../shared/schema/extensions.ts';
import { buildPositionMap, linearRangeToPm, linearToPm, pmToLinear } from './positions.ts';

const schema = getSchema(editorExtensions());
const isLeaf = (name: string) => schema.nodes[name]?.isLeaf ?? false;

function fragmentOf(json: unknown): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  prosemirrorJSONToYXmlFragment(schema, json, fragment);
  return { doc, fragment };
}

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: string[]) => ({ type: 'text', text, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });

const RICH = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Housing')] },
    p(t('Roma families '), t('were evicted', ['bold']), t(' in 2024.')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('First item'))] }, { type: 'listItem', content: [p(t('Second'), { type: 'hardBreak' }, t('line'))] }] },
    {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('Cell A'))] }, { type: 'tableCell', content: [p(t('Cell B'))] }] }],
    },
    p(t('The end.')),
  ],
};

describe('positions', () => {
  it('places every text run where the editor document has the same characters', () => {
    const { fragment } = fragmentOf(RICH);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const map = buildPositionMap(fragment, isLeaf);
    expect(map.runs.length).toBeGreaterThan(5);
    for (const run of map.runs) {
      expect(pm.textBetween(run.pm, run.pm + run.length)).toBe(run.text.toString().replace(/<[^>]+>/g, ''));
    }
  });

  it('maps each linear offset to the same character in the editor, and back', () => {
    const { fragment } = fragmentOf(RICH);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const map = buildPositionMap(fragment, isLeaf);
    const text = map.lin.text;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      const pos = linearToPm(map, i, false)!;
      expect(pm.textBetween(pos, pos + 1)).toBe(text[i]);
      expect(pmToLinear(map, pos, 'start')).toBe(i);
    }
  });

  it('finds a phrase selected in the editor as the same phrase in linear text, across marks', () => {
    const { fragment } = fragmentOf(RICH);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const map = buildPositionMap(fragment, isLeaf);
    let from = -1;
    pm.descendants((node, pos) => {
      if (node.isText && node.text === 'Roma families ') from = pos + 'Roma '.length;
    });
    const to = from + 'families were'.length;
    const start = pmToLinear(map, from, 'start')!;
    const end = pmToLinear(map, to, 'end')!;
    expect(map.lin.text.slice(start, end)).toBe('families were');
    expect(linearRangeToPm(map, start, end)).toEqual({ from, to });
  });

  it('counts an emptied paragraph that keeps its empty text run, as the linear text does', () => {
    const { doc, fragment } = fragmentOf({ type: 'doc', content: [p(t('One')), p(t('gone')), p(t('Three'))] });
    const second = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    doc.transact(() => second.delete(0, second.length));
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const map = buildPositionMap(fragment, isLeaf);
    expect(map.lin.text).toBe('One\n\nThree');
    const at = map.lin.text.indexOf('Three');
    const pos = linearToPm(map, at, false)!;
    expect(pm.textBetween(pos, pos + 5)).toBe('Three');
  });

  it('snaps a position in an empty paragraph forward for a start and backward for an end', () => {
    const { fragment } = fragmentOf({ type: 'doc', content: [p(t('Before')), { type: 'paragraph' }, p(t('After'))] });
    const map = buildPositionMap(fragment, isLeaf);
    const emptyInside = 1 + 'Before'.length + 1 + 1;
    expect(map.lin.text.slice(pmToLinear(map, emptyInside, 'start')!)).toBe('After');
    expect(map.lin.text.slice(0, pmToLinear(map, emptyInside, 'end')!)).toBe('Before');
  });

  it('resolves an anchor made from editor positions to the same editor range after edits before it', () => {
    const { doc, fragment } = fragmentOf({ type: 'doc', content: [p(t('The State should adopt a law.'))] });
    let map = buildPositionMap(fragment, isLeaf);
    const start = map.lin.text.indexOf('should');
    const anchor = anchorAt(fragment, start, start + 'should'.length);
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'In 2024, ');
    map = buildPositionMap(fragment, isLeaf);
    const r = resolveAnchor(doc, fragment, anchor);
    const range = linearRangeToPm(map, r.start, r.end)!;
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).textBetween(range.from, range.to)).toBe('should');
  });
});
