/**
 * Read a report's Y.Doc as plain data: ProseMirror JSON, plain text and word counts per section. Used by the
 * content API, export and tests; it reads the Yjs types directly, so it needs no editor or DOM.
 */
import * as Y from 'yjs';
import { getReportMeta, getSectionBody, listSections, type ReportMeta, type SectionInfo } from './layout.ts';
import { countWords } from './wordCount.ts';

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

export interface SectionContent extends SectionInfo {
  text: string;
  wordCount: number;
  content: PmNode;
}

export interface ReportContent extends ReportMeta {
  sections: SectionContent[];
  wordCount: number;
}

/** Block nodes whose text starts on a new line in the plain-text rendering. */
const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', 'footnoteReference']);

/** y-prosemirror stores overlapping marks of one type as `name--hash`; the mark's type is the part before. */
function markType(key: string): string {
  const at = key.indexOf('--');
  return at > 0 ? key.slice(0, at) : key;
}

function textNodes(text: Y.XmlText): PmNode[] {
  const out: PmNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const node: PmNode = { type: 'text', text: op.insert };
    if (op.attributes) {
      const marks = Object.entries(op.attributes).map(([key, value]) => {
        const mark: PmMark = { type: markType(key) };
        if (value && typeof value === 'object' && Object.keys(value).length > 0) {
          mark.attrs = value as Record<string, unknown>;
        }
        return mark;
      });
      if (marks.length > 0) node.marks = marks;
    }
    out.push(node);
  }
  return out;
}

function children(parent: Y.XmlFragment | Y.XmlElement): PmNode[] {
  const out: PmNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) out.push(elementNode(child));
  }
  return out;
}

function elementNode(el: Y.XmlElement): PmNode {
  const node: PmNode = { type: el.nodeName };
  const attrs = el.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = children(el);
  if (content.length > 0) node.content = content;
  return node;
}

/** The section body as a ProseMirror `doc` node. */
export function fragmentToJson(fragment: Y.XmlFragment): PmNode {
  return { type: 'doc', content: children(fragment) };
}

/** Plain text of a ProseMirror tree: one line per block, inline content joined. */
export function nodeText(node: PmNode): string {
  const lines: string[] = [];
  let line = '';
  const walk = (n: PmNode) => {
    if (n.type === 'text') {
      line += n.text ?? '';
      return;
    }
    if (n.type === 'hardBreak') {
      line += '\n';
      return;
    }
    const block = !INLINE_NODES.has(n.type) && n.type !== 'doc';
    if (block && line) {
      lines.push(line);
      line = '';
    }
    for (const c of n.content ?? []) walk(c);
    if (block && line) {
      lines.push(line);
      line = '';
    }
  };
  walk(node);
  if (line) lines.push(line);
  return lines.join('\n');
}

export function sectionContent(doc: Y.Doc, section: SectionInfo): SectionContent {
  const body = getSectionBody(doc, section.id);
  const content = body ? fragmentToJson(body) : { type: 'doc', content: [] };
  const text = nodeText(content);
  return { ...section, text, wordCount: countWords(text), content };
}

/** The whole report in display order, with per-section and total word counts. */
export function reportContent(doc: Y.Doc): ReportContent {
  const sections = listSections(doc).map((s) => sectionContent(doc, s));
  const wordCount = sections.reduce((sum, s) => sum + s.wordCount, 0);
  return { ...getReportMeta(doc), sections, wordCount };
}
