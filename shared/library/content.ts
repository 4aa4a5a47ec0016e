/**
 * An entry's text as ProseMirror JSON: only the plain structures a model text needs (paragraphs, headings,
 * lists, quotations, hard breaks; bold, italic, underline, links allowed by the link policy). Anything else is
 * refused, so an entry inserted into a report carries nothing the report's own schema would not.
 */
import { nodeText, type PmMark, type PmNode } from '../report/content.ts';
import { safeLinkHref } from '../schema/linkPolicy.ts';
import { LIBRARY_LIMITS } from './entry.ts';

const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote']);
const INLINES = new Set(['text', 'hardBreak']);
const MARKS = new Set(['bold', 'italic', 'underline', 'link']);

export type ContentCheck = { ok: true; content: PmNode } | { ok: false; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cleanMarks(raw: unknown): PmMark[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 8) return 'marks must be a short list';
  const out: PmMark[] = [];
  for (const m of raw) {
    if (!isObject(m) || typeof m.type !== 'string' || !MARKS.has(m.type)) return 'unsupported mark';
    if (m.type === 'link') {
      const href = safeLinkHref(isObject(m.attrs) ? m.attrs.href : undefined);
      if (!href) return 'a link address is not allowed (http, https or mailto only)';
      out.push({ type: 'link', attrs: { href } });
    } else out.push({ type: m.type });
  }
  return out;
}

function clean(raw: unknown, depth: number): PmNode | string {
  if (depth > LIBRARY_LIMITS.contentDepth) return 'the content is nested too deeply';
  if (!isObject(raw) || typeof raw.type !== 'string') return 'every node needs a type';
  const type = raw.type;
  if (type === 'text') {
    if (typeof raw.text !== 'string' || !raw.text) return 'a text node needs text';
    const marks = cleanMarks(raw.marks);
    if (typeof marks === 'string') return marks;
    return marks.length ? { type, text: raw.text, marks } : { type, text: raw.text };
  }
  if (type === 'hardBreak') return { type };
  if (type !== 'doc' && !BLOCKS.has(type)) return `"${type}" nodes are not allowed in a library entry`;
  if (type === 'doc' && depth > 0) return 'a document cannot hold another';
  const node: PmNode = { type };
  if (type === 'heading') {
    const level = isObject(raw.attrs) ? raw.attrs.level : undefined;
    // The report's schema has headings of levels 2 to 4.
    node.attrs = { level: typeof level === 'number' && level >= 2 && level <= 4 ? Math.floor(level) : 2 };
  }
  if (type === 'orderedList' && isObject(raw.attrs) && typeof raw.attrs.start === 'number' && raw.attrs.start >= 1) {
    node.attrs = { start: Math.floor(raw.attrs.start) };
  }
  if (raw.content !== undefined) {
    if (!Array.isArray(raw.content)) return 'content must be a list';
    const children: PmNode[] = [];
    for (const c of raw.content) {
      const child = clean(c, depth + 1);
      if (typeof child === 'string') return child;
      const inline = INLINES.has(child.type);
      if (inline !== (type === 'paragraph' || type === 'heading')) return `"${child.type}" cannot sit in "${type}"`;
      children.push(child);
    }
    if (children.length) node.content = children;
  }
  return node;
}

/** The content cleaned to the allowed structures, or why it is refused. */
export function checkContent(raw: unknown): ContentCheck {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, message: 'content is not JSON' };
  }
  if (size > LIBRARY_LIMITS.contentBytes) return { ok: false, message: `content is larger than ${LIBRARY_LIMITS.contentBytes} bytes` };
  const node = clean(raw, 0);
  if (typeof node === 'string') return { ok: false, message: node };
  if (node.type !== 'doc') return { ok: false, message: 'content must be a "doc" node' };
  if (!node.content?.length) return { ok: false, message: 'content is empty' };
  return { ok: true, content: node };
}

/** Plain text as a document: a paragraph per line, blank lines dropped. */
export function textToContent(text: string): PmNode {
  const paragraphs = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text: l }] }));
  return { type: 'doc', content: paragraphs };
}

/** The entry's plain text: one line per block. */
export function contentText(content: PmNode): string {
  return nodeText(content);
}
