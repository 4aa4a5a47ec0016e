/** XML parts as small element trees, namespace prefixes dropped (Word and LibreOffice both write `w:`). */
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from './ImportError.ts';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text of a text node (name '#text'). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

function local(name: string): string {
  const at = name.indexOf(':');
  return at >= 0 ? name.slice(at + 1) : name;
}

type Raw = Record<string, unknown>;

function convert(list: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const item of list) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      if (key === '#text') {
        out.push({ name: '#text', attrs: {}, children: [], text: String(item[key]) });
        continue;
      }
      const attrs: Record<string, string> = {};
      const rawAttrs = item[':@'] as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(rawAttrs ?? {})) attrs[local(k)] = String(v);
      out.push({ name: local(key), attrs, children: convert((item[key] as Raw[]) ?? []), text: undefined });
    }
  }
  return out;
}

/** Parse an XML part. Parts with a DOCTYPE are refused: Office parts never have one, and entities can be bombs. */
export function parseXml(text: string, part: string): XNode {
  if (/<!DOCTYPE/i.test(text.slice(0, 2048))) throw new ImportError('invalid_xml', `${part} has a DOCTYPE, which a Word document never has.`, { part });
  let raw: Raw[];
  try {
    raw = parser.parse(text) as Raw[];
  } catch {
    throw new ImportError('invalid_xml', `${part} is not well-formed XML.`, { part });
  }
  return { name: '#document', attrs: {}, children: convert(raw) };
}

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** All text of a node and its descendants. */
export function textOf(node: XNode): string {
  if (node.name === '#text') return node.text ?? '';
  return node.children.map(textOf).join('');
}
