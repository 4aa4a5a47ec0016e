/**
 * Read a report's Y.Doc as plain data: ProseMirror JSON, plain text and word counts per section. Used by the
 * content API, export and tests; it reads the Yjs types directly, so it needs no editor or DOM.
 */
import * as Y from 'yjs';
import { getReportMeta, getSectionBody, listSections, type ReportMeta, type SectionInfo } from './layout.ts';
import { countWords } from './wordCount.ts';
import { wordLimitFor } from '../submission/wordLimits.ts';
import { countedWords } from '../submission/countedWords.ts';
import { getCoverFields } from './coverFields.ts';
import { FOOTNOTE_NODE } from '../schema/nodeNames.ts';
import { isSafeLinkHref } from '../schema/linkPolicy.ts';
import { taggedPassages, type TaggedPassage } from './passageTags.ts';

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
  /** Plain text of the body, notes left out. */
  text: string;
  /** Plain text of each footnote in the section, in document order. */
  notes: string[];
  /** Words of `text`, plus the notes' words when the report's mechanism counts them (see `notesCountAsWords`). */
  wordCount: number;
  /** Words in the notes alone, counted or not. */
  noteWordCount: number;
  /** Passage tags in the body (marks on text): each tag with the words it is on. */
  passageTags: TaggedPassage[];
  content: PmNode;
}

export interface ContentOptions {
  /** Count the words of footnotes in `wordCount`; the default follows the mechanism (`notesCountAsWords`). */
  countNotes?: boolean;
}

export interface TextOptions {
  /** 'omit' leaves footnote text out (the default); 'inline' puts it in brackets where the note is anchored. */
  notes?: 'omit' | 'inline';
}

export interface ReportContent extends ReportMeta {
  sections: SectionContent[];
  /** The words the report's word limit applies to (shared/submission/countedWords.ts): the same as the app's count. */
  wordCount: number;
}

/** Block nodes whose text starts on a new line in the plain-text rendering. */
const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', FOOTNOTE_NODE]);

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
      const marks: PmMark[] = [];
      for (const [key, value] of Object.entries(op.attributes)) {
        const mark: PmMark = { type: markType(key) };
        if (value && typeof value === 'object' && Object.keys(value).length > 0) {
          mark.attrs = value as Record<string, unknown>;
        }
        // A link outside the allow-list (written by a client that skipped the editor) is read as plain text.
        if (mark.type === 'link' && !isSafeLinkHref(mark.attrs?.href)) continue;
        marks.push(mark);
      }
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
export function nodeText(node: PmNode, options: TextOptions = {}): string {
  const notes = options.notes ?? 'omit';
  const lines: string[] = [];
  let line = '';
  const walk = (n: PmNode) => {
    if (n.type === FOOTNOTE_NODE) {
      if (notes === 'inline') line += ` [${inlineText(n)}]`;
      return;
    }
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

/** The text of an inline container (a footnote), hard breaks as spaces. */
function inlineText(node: PmNode): string {
  let out = '';
  for (const c of node.content ?? []) out += c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? ' ' : inlineText(c);
  return out;
}

/** The footnote nodes of a tree in document order (notes inside notes are not possible in the schema). */
export function footnotesIn(node: PmNode): PmNode[] {
  const out: PmNode[] = [];
  const walk = (n: PmNode) => {
    if (n.type === FOOTNOTE_NODE) out.push(n);
    else for (const c of n.content ?? []) walk(c);
  };
  walk(node);
  return out;
}

/** Plain text of one footnote node. */
export function footnoteText(note: PmNode): string {
  return inlineText(note);
}

/**
 * Whether the words of notes count toward a mechanism's word limit, as the limits table says (UPR stakeholder
 * submissions keep references in endnotes, which OHCHR does not count).
 */
export function notesCountAsWords(mechanism: string): boolean {
  return !wordLimitFor(mechanism, null).notCounted.includes('footnotes');
}

export interface NumberedNote {
  /** 1-based, continuous through the report in document order. */
  number: number;
  sectionId: string;
  /** Position among the section's own notes, 0-based. */
  indexInSection: number;
  node: PmNode;
  text: string;
}

/** Number every footnote of the report in document order across sections (sections in display order). */
export function numberFootnotes(sections: { id: string; content: PmNode }[]): NumberedNote[] {
  const out: NumberedNote[] = [];
  for (const section of sections) {
    footnotesIn(section.content).forEach((node, indexInSection) => {
      out.push({ number: out.length + 1, sectionId: section.id, indexInSection, node, text: footnoteText(node) });
    });
  }
  return out;
}

export function sectionContent(doc: Y.Doc, section: SectionInfo, options: ContentOptions = {}): SectionContent {
  const body = getSectionBody(doc, section.id);
  const content = body ? fragmentToJson(body) : { type: 'doc', content: [] };
  const text = nodeText(content);
  const notes = footnotesIn(content).map(footnoteText);
  const noteWordCount = notes.reduce((sum, n) => sum + countWords(n), 0);
  const countNotes = options.countNotes ?? true;
  const passageTags = taggedPassages(content);
  return { ...section, text, notes, wordCount: countWords(text) + (countNotes ? noteWordCount : 0), noteWordCount, passageTags, content };
}

/** The whole report in display order, with per-section and total word counts (notes counted as the mechanism says). */
export function reportContent(doc: Y.Doc, options: ContentOptions = {}): ReportContent {
  const meta = getReportMeta(doc);
  const countNotes = options.countNotes ?? notesCountAsWords(meta.mechanism);
  const sections = listSections(doc).map((s) => sectionContent(doc, s, { countNotes }));
  const cover = getCoverFields(doc);
  const limit = wordLimitFor(meta.mechanism, cover.submissionType, cover.wordLimit);
  // An explicit `countNotes` overrides the table's rule for notes; annexes follow the table.
  const notCounted = limit.notCounted.filter((n) => n !== 'footnotes' || !countNotes);
  if (!countNotes && !notCounted.includes('footnotes')) notCounted.push('footnotes');
  const wordCount = sections.reduce((sum, s) => sum + countedWords({ annex: s.annex, body: countWords(s.text), footnotes: s.noteWordCount }, notCounted), 0);
  return { ...meta, sections, wordCount };
}
