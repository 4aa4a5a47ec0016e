/**
 * Runs of a Word paragraph to ProseMirror inline nodes: text with marks, links, breaks and footnotes. A picture
 * embedded in the body becomes a placeholder (IMPORTED_IMAGE, its package path and alt text) that sections.ts lifts
 * out of its paragraph as an image block; charts, shapes, linked pictures and pictures in notes are counted.
 */
import type { PmMark, PmNode } from '../report/content.ts';
import { FOOTNOTE_NODE } from '../schema/nodeNames.ts';
import { safeLinkHref } from '../schema/linkPolicy.ts';
import { child, textOf, type XNode } from './xml.ts';

/** What the document holds that import leaves out, so the person importing can be told. */
export interface SkippedContent {
  /** Drawings that could not come in (charts, shapes, linked pictures, pictures in notes, older VML pictures). */
  images: number;
  /** What each of those was, in words ("a chart", "a picture in a footnote"), in document order. */
  which?: string[];
}

/** The placeholder of a picture to import: `ref` is its path in the package. */
export const IMPORTED_IMAGE = 'importedImage';

function skip(ctx: InlineContext, what: string): void {
  ctx.skipped.images++;
  (ctx.skipped.which ??= []).push(what);
}

/** The first descendant named `name`. */
function find(node: XNode, name: string): XNode | undefined {
  for (const c of node.children) {
    if (c.name === name) return c;
    const inner = find(c, name);
    if (inner) return inner;
  }
  return undefined;
}

function drawing(node: XNode, ctx: InlineContext, out: PmNode[]): void {
  if (find(node, 'chart')) return skip(ctx, 'a chart');
  const blip = find(node, 'blip');
  const ref = blip?.attrs.embed ? ctx.images?.get(blip.attrs.embed) : undefined;
  if (!blip) return skip(ctx, 'a shape or drawing');
  if (!ctx.images) return skip(ctx, 'a picture in a note');
  if (!ref) return skip(ctx, blip.attrs.link ? 'a linked picture' : 'a picture');
  const docPr = find(node, 'docPr');
  const alt = (docPr?.attrs.descr ?? docPr?.attrs.title ?? '').trim();
  out.push({ type: IMPORTED_IMAGE, attrs: { ref, alt } });
}

export interface InlineContext {
  /** Relationship id -> URL, for the part being read (document, footnotes or endnotes). */
  rels: Map<string, string>;
  /** The inline content of a footnote or endnote by its id; null outside the document body. */
  note: ((kind: 'footnote' | 'endnote', id: string) => PmNode[]) | null;
  /** Counts what is left out; shared by the body and the notes. */
  skipped: SkippedContent;
  /** Relationship id -> package path of embedded pictures; only in the document body (pictures in notes are skipped). */
  images?: Map<string, string>;
}

function on(node: XNode | undefined): boolean {
  if (!node) return false;
  const v = node.attrs.val;
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

function runMarks(rPr: XNode | undefined, href: string | null): PmMark[] {
  const marks: PmMark[] = [];
  if (on(child(rPr, 'b'))) marks.push({ type: 'bold' });
  if (on(child(rPr, 'i'))) marks.push({ type: 'italic' });
  if (on(child(rPr, 'u'))) marks.push({ type: 'underline' });
  if (on(child(rPr, 'strike')) || on(child(rPr, 'dstrike'))) marks.push({ type: 'strike' });
  if (href) marks.push({ type: 'link', attrs: { href } });
  return marks;
}

function pushText(out: PmNode[], text: string, marks: PmMark[]): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) {
    last.text += text;
    return;
  }
  out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
}

/** Whether a VML element (w:pict, w:object) shows a picture; a VML horizontal rule or empty shape does not. */
function hasPicture(node: XNode): boolean {
  return node.name === 'imagedata' || node.name === 'drawing' || node.children.some(hasPicture);
}

/**
 * Markup compatibility: the first choice a reader understands, else the fallback. Word writes a drawing as a
 * DrawingML choice and a VML fallback of the same picture, so reading both would count (or repeat) it twice.
 */
function alternative(node: XNode): XNode | undefined {
  return child(node, 'Choice') ?? child(node, 'Fallback');
}

function run(r: XNode, href: string | null, ctx: InlineContext, out: PmNode[]): void {
  runContent(r, runMarks(child(r, 'rPr'), href), ctx, out);
}

/** The children of a run (or of the alternative chosen inside one), all with the run's marks. */
function runContent(r: XNode, marks: PmMark[], ctx: InlineContext, out: PmNode[]): void {
  for (const c of r.children) {
    switch (c.name) {
      case 't':
        pushText(out, textOf(c), marks);
        break;
      case 'tab':
      case 'ptab':
        pushText(out, ' ', marks);
        break;
      case 'noBreakHyphen':
        pushText(out, '\u2011', marks);
        break;
      case 'br':
      case 'cr':
        // Page and column breaks are layout, not text.
        if (c.attrs.type !== 'page' && c.attrs.type !== 'column') out.push({ type: 'hardBreak' });
        break;
      case 'footnoteReference':
      case 'endnoteReference':
        if (ctx.note && c.attrs.id) {
          const content = ctx.note(c.name === 'footnoteReference' ? 'footnote' : 'endnote', c.attrs.id);
          out.push(content.length > 0 ? { type: FOOTNOTE_NODE, content } : { type: FOOTNOTE_NODE });
        }
        break;
      case 'drawing':
        drawing(c, ctx, out);
        break;
      case 'pict':
      case 'object':
        if (hasPicture(c)) skip(ctx, c.name === 'object' ? 'an embedded object' : 'an older (VML) picture');
        break;
      case 'AlternateContent': {
        const chosen = alternative(c);
        if (chosen) runContent(chosen, marks, ctx, out);
        break;
      }
      default:
      // footnoteRef (a note's own number), instrText (field codes), delText: not text.
    }
  }
}

/** Inline content of the children of a paragraph (or of a hyperlink, an insertion, a content control ...). */
export function paragraphInlines(node: XNode, ctx: InlineContext, href: string | null = null, out: PmNode[] = []): PmNode[] {
  for (const c of node.children) {
    switch (c.name) {
      case 'r':
        run(c, href, ctx, out);
        break;
      case 'hyperlink': {
        // A target outside the allow-list (file:, UNC, javascript: ...) comes in as the plain text of the link.
        const target = c.attrs.id ? safeLinkHref(ctx.rels.get(c.attrs.id)) : null;
        paragraphInlines(c, ctx, target ?? href, out);
        break;
      }
      case 'del':
      case 'moveFrom':
      case 'pPr':
        break;
      case 'sdt':
        paragraphInlines(child(c, 'sdtContent') ?? c, ctx, href, out);
        break;
      case 'AlternateContent': {
        const chosen = alternative(c);
        if (chosen) paragraphInlines(chosen, ctx, href, out);
        break;
      }
      default:
        // ins, moveTo, smartTag, customXml, fldSimple, bookmarks: their runs are the visible text.
        if (c.children.length > 0) paragraphInlines(c, ctx, href, out);
    }
  }
  return out;
}

/**
 * A note's content as the footnote node holds it: text only (no breaks), paragraphs joined by a space, and the
 * space Word puts after the note's number removed.
 */
export function noteInlines(paragraphs: XNode[], ctx: InlineContext): PmNode[] {
  const out: PmNode[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) pushText(out, ' ', []);
    for (const node of paragraphInlines(p, ctx)) {
      if (node.type === 'text') pushText(out, node.text ?? '', node.marks ?? []);
      else if (node.type === 'hardBreak') pushText(out, ' ', []);
    }
  });
  const first = out[0];
  if (first?.text) first.text = first.text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.text) last.text = last.text.replace(/\s+$/, '');
  return out.filter((n) => n.text);
}
