/**
 * Write ProseMirror JSON into a section body without an editor schema, as the Yjs binding stores it: elements
 * named after node types with their attributes, text as Y.XmlText with marks as formatting. Lets tests build
 * fixtures with nodes the schema does not have yet (footnotes).
 */
import * as Y from 'yjs';
import type { PmNode } from '../../shared/report/content.ts';

function toYjs(node: PmNode): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') {
    const text = new Y.XmlText();
    // Overlapping marks of one type (passage tags) are stored as `type--<hash>`, as the Yjs binding does.
    const marks: Record<string, unknown> = {};
    for (const m of node.marks ?? []) marks[m.type in marks ? `${m.type}--${JSON.stringify(m.attrs ?? {}).length}${Object.keys(marks).length}` : m.type] = m.attrs ?? {};
    text.insert(0, node.text ?? '', Object.keys(marks).length > 0 ? marks : undefined);
    return text;
  }
  const el = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) if (value !== null && value !== undefined) el.setAttribute(key, value as string);
  el.insert(0, (node.content ?? []).map(toYjs));
  return el;
}

/** Append the children of a `doc` node to the fragment. */
export function writeBody(fragment: Y.XmlFragment, doc: PmNode): void {
  fragment.insert(fragment.length, (doc.content ?? []).map(toYjs));
}

export const paragraph = (...content: (string | PmNode)[]): PmNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c)),
});

export const footnote = (text: string): PmNode => ({ type: 'footnote', content: [{ type: 'text', text }] });

export const recommendation = (text: string, attrs: { addressee?: string | null; tags?: string[] } = {}): PmNode => ({
  type: 'recommendation',
  attrs: { addressee: attrs.addressee ?? null, tags: attrs.tags ?? [] },
  content: [paragraph(text)],
});

export const docOf = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

/** A section body in a document of its own holding one paragraph of `text` (for anchoring threads in tests). */
export function bodyWith(text: string): Y.XmlFragment {
  const body = new Y.Doc().getXmlFragment('body');
  writeBody(body, docOf(paragraph(text)));
  return body;
}
