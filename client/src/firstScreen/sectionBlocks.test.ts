import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_LIMITS } from './firstScreenStore.ts';
import { sectionBlocks } from './sectionBlocks.ts';

function el(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Record<string, string> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.insert(0, children);
  return node;
}

function text(value: string, format?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.applyDelta([{ insert: value, ...(format ? { attributes: format } : {}) }]);
  return node;
}

function body(children: Y.XmlElement[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('body');
  fragment.insert(0, children);
  return fragment;
}

describe('a section’s first screen of text', () => {
  it('reads headings, paragraphs, list items and quotations in order, as plain text', () => {
    const blocks = sectionBlocks(
      body([
        el('heading', [text('Evictions')], { level: '3' }),
        el('paragraph', [text('Roma families were '), text('evicted', { bold: true }), text(' without notice.')]),
        el('bulletList', [el('listItem', [el('paragraph', [text('No alternative housing')])]), el('listItem', [el('paragraph', [text('<b>No</b> compensation')])])]),
        el('blockquote', [el('paragraph', [text('“We slept in the car.”')])]),
        el('table', [el('tableRow', [el('tableCell', [el('paragraph', [text('2024: 41 families')])])])]),
        el('image', [], { src: 'attachment:1' }),
      ]),
    );
    expect(blocks).toEqual([
      { k: 'h3', x: 'Evictions' },
      { k: 'p', x: 'Roma families were evicted without notice.' },
      { k: 'li', x: 'No alternative housing' },
      { k: 'li', x: '<b>No</b> compensation' },
      { k: 'quote', x: '“We slept in the car.”' },
      { k: 'p', x: '2024: 41 families' },
    ]);
  });

  it('stops at a screenful: a number of blocks and of characters', () => {
    const many = sectionBlocks(body(Array.from({ length: 100 }, (_, i) => el('paragraph', [text(`Paragraph ${i}`)]))));
    expect(many).toHaveLength(FIRST_SCREEN_LIMITS.blocks);
    const long = sectionBlocks(body([el('paragraph', [text('a'.repeat(5000))]), el('paragraph', [text('b'.repeat(5000))]), el('paragraph', [text('c')])]));
    expect(long.map((b) => b.x.length)).toEqual([5000, FIRST_SCREEN_LIMITS.chars - 5000]);
  });
});
