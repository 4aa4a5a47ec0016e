/** Turns a report (its content JSON, cover fields and annex data) into the export document model. */
import { isMechanism } from '../api/mechanisms.ts';
import { documentWords, fill, type DocumentWords } from '../i18n/documentWords.ts';
import { mechanismName } from '../i18n/mechanismNames.ts';
import type { PmNode } from '../report/content.ts';
import { FOOTNOTE_NODE } from '../schema/nodeNames.ts';
import { safeLinkHref } from '../schema/linkPolicy.ts';
import { labelResolver, tagAnnexRows, type TagResolver } from './annex.ts';
import type { ExportInput } from './input.ts';
import { documentLanguage } from './language.ts';
import { CONFIDENTIAL_MARKING, type Block, type CoverLine, type ExportDocument, type ExportImage, type Inline, type Note, type ProgressCallback, type TableCell, type TextInline } from './model.ts';
import { imageBlock } from './imageBlock.ts';
import type { ExportOptions } from './options.ts';

export interface BuildOptions {
  tagResolver?: TagResolver;
  onProgress?: ProgressCallback;
}

interface Context {
  images: Record<string, ExportImage>;
  options: ExportOptions;
  notes: Note[];
  paragraphNumber: number;
}

function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The cover's lines, labelled in the report's language (`words`). */
function coverLines(input: ExportInput, words: DocumentWords, language: string): CoverLine[] {
  const { meta, cover } = input;
  const lines: CoverLine[] = [];
  const add = (label: string, value: string) => {
    if (value.trim()) lines.push({ label, value: value.trim() });
  };
  add(words.mechanism, isMechanism(meta.mechanism) ? mechanismName(meta.mechanism, language) : meta.mechanism);
  add(words.session, cover.session);
  add(words.stateUnderReview, meta.stateUnderReview);
  add(words.submissionType, cover.submissionType);
  add(cover.organisations.length > 1 ? words.organisations : words.organisation, cover.organisations.join('\n'));
  add(words.contact, cover.contact);
  if (cover.confidentiality === 'public') add(words.publication, words.public);
  if (cover.confidentiality === 'confidential') add(words.publication, words.confidential);
  return lines;
}

function wordCountLine(input: ExportInput, words: DocumentWords): string {
  if (input.wordCount === 0 && !input.cover.wordLimit) return '';
  let line = fill(words.wordCount, { count: formatNumber(input.wordCount) });
  if (input.cover.wordLimit) line += fill(words.ofLimit, { limit: formatNumber(input.cover.wordLimit) });
  const left = [...(input.notesCounted ? [] : [words.notes]), ...(input.annexesNotCounted ? [words.annexes] : [])];
  if (left.length > 0) line += fill(words.notCounted, { parts: left.join(words.and) });
  return line;
}

function textInline(node: PmNode): TextInline {
  const inline: TextInline = { kind: 'text', text: node.text ?? '' };
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') inline.bold = true;
    else if (mark.type === 'italic') inline.italic = true;
    else if (mark.type === 'underline') inline.underline = true;
    else if (mark.type === 'strike') inline.strike = true;
    else if (mark.type === 'link') {
      const href = safeLinkHref(mark.attrs?.href);
      if (href) inline.href = href;
    }
  }
  return inline;
}

function inlines(nodes: PmNode[] | undefined, ctx: Context): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if (node.text) out.push(textInline(node));
    } else if (node.type === 'hardBreak') {
      out.push({ kind: 'break' });
    } else if (node.type === FOOTNOTE_NODE) {
      const number = ctx.notes.length + 1;
      // Reserve the number before converting the note's own content, so numbering follows document order.
      const note: Note = { number, inlines: [] };
      ctx.notes.push(note);
      note.inlines = inlines(node.content, ctx);
      out.push({ kind: 'note', number });
    } else {
      out.push(...inlines(node.content, ctx));
    }
  }
  return out;
}

function isInlineNode(node: PmNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak' || node.type === FOOTNOTE_NODE;
}

function hasText(list: Inline[]): boolean {
  return list.some((i) => i.kind === 'note' || (i.kind === 'text' && i.text.trim().length > 0));
}

/** A cell's colspan or rowspan attribute as a whole number of at least 1. */
function span(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

function tableRows(table: PmNode, ctx: Context): TableCell[][] {
  const rows: TableCell[][] = [];
  // Cells merged down, with the index of the last row they reach.
  const spanning: { cell: TableCell; end: number }[] = [];
  for (const [index, row] of (table.content ?? []).entries()) {
    const cells: TableCell[] = [];
    for (const cell of row.content ?? []) {
      cells.push({
        blocks: blocks(cell.content, ctx, false),
        header: cell.type === 'tableHeader',
        colspan: span(cell.attrs?.colspan),
        rowspan: span(cell.attrs?.rowspan),
      });
    }
    if (cells.length > 0) {
      rows.push(cells);
      for (const cell of cells) if (cell.rowspan > 1) spanning.push({ cell, end: index + cell.rowspan - 1 });
    } else {
      // A row without cells of its own is left out (Word refuses an empty row), so the cells crossing it span one less.
      for (const s of spanning) if (s.end >= index) s.cell.rowspan--;
    }
  }
  return rows;
}

function blocks(nodes: PmNode[] | undefined, ctx: Context, numbered: boolean): Block[] {
  const out: Block[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const list = inlines(node.content, ctx);
        if (!hasText(list)) break;
        const numberIt = numbered && ctx.options.numberParagraphs;
        out.push(numberIt ? { kind: 'paragraph', inlines: list, number: ++ctx.paragraphNumber } : { kind: 'paragraph', inlines: list });
        break;
      }
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(node.attrs?.level ?? 2))) as 2 | 3 | 4;
        const list = inlines(node.content, ctx);
        if (hasText(list)) out.push({ kind: 'heading', level, inlines: list });
        break;
      }
      case 'bulletList':
      case 'orderedList':
        out.push({
          kind: 'list',
          ordered: node.type === 'orderedList',
          items: (node.content ?? []).map((item) => blocks(item.content, ctx, false)).filter((b) => b.length > 0),
        });
        break;
      case 'blockquote':
        out.push({ kind: 'quote', blocks: blocks(node.content, ctx, false) });
        break;
      case 'table': {
        const rows = tableRows(node, ctx);
        if (rows.length > 0) out.push({ kind: 'table', rows });
        break;
      }
      case 'horizontalRule':
        out.push({ kind: 'rule' });
        break;
      case 'image':
        out.push(imageBlock(node, ctx.images));
        break;
      default: {
        // Nodes this version does not know (a recommendation block, a future container) are rendered, not dropped.
        const inline = (node.content ?? []).some(isInlineNode);
        if (/recommendation/i.test(node.type)) {
          const inner = inline ? blocks([{ type: 'paragraph', content: node.content }], ctx, numbered) : blocks(node.content, ctx, numbered);
          const addressee = typeof node.attrs?.addressee === 'string' ? node.attrs.addressee.replace(/\s+/g, ' ').trim() : '';
          if (inner.length > 0) out.push({ kind: 'recommendation', blocks: inner, ...(addressee ? { addressee } : {}) });
        } else if (inline) {
          const list = inlines(node.content, ctx);
          if (hasText(list)) out.push({ kind: 'paragraph', inlines: list });
        } else {
          out.push(...blocks(node.content, ctx, numbered));
        }
      }
    }
  }
  return out;
}

/** Build the document model; `onProgress` reports up to 0.3 of the whole export. */
export function buildExportModel(input: ExportInput, options: ExportOptions, build: BuildOptions = {}): ExportDocument {
  const ctx: Context = { images: input.images ?? {}, options, notes: [], paragraphNumber: 0 };
  const language = documentLanguage(input.cover.language, input.sections.map((s) => `${s.title}\n${s.text}`).join('\n'));
  const words = documentWords(language);
  // Annex sections follow the body as "Annex 1: ...", their paragraphs outside the body's numbering.
  const ordered = [...input.sections.filter((s) => !s.annex), ...input.sections.filter((s) => s.annex)];
  let annexNumber = 0;
  const sections = ordered.map((section, i) => {
    const title = section.annex ? fill(words.annexPrefix, { n: ++annexNumber }) + section.title : section.title;
    const converted = { id: section.id, title, blocks: blocks(section.content.content, ctx, !section.annex) };
    build.onProgress?.((0.3 * (i + 1)) / ordered.length);
    return converted;
  });
  const annex = options.includeAnnex;
  return {
    title: input.meta.title,
    language,
    cover: coverLines(input, words, language),
    wordCountLine: wordCountLine(input, words),
    sections,
    notes: ctx.notes,
    tagAnnex: annex ? tagAnnexRows(input.sections, build.tagResolver ?? labelResolver(input.tagLabels)) : null,
    priorRecommendations: annex && input.priorRecommendations.length > 0 ? input.priorRecommendations : null,
    options,
    confidentialMarking: input.cover.confidentiality === 'confidential' || options.audience === 'committee' ? CONFIDENTIAL_MARKING : null,
  };
}
