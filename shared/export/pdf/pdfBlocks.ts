/** Model blocks to pdfmake content, with the width each block has, so right-to-left lines can be broken here. */
import type { Content, TableCell as PdfCell } from 'pdfmake/interfaces';
import { hasRtl } from '../direction.ts';
import { ADDRESSED_TO, type Block, type Inline, type TableCell } from '../model.ts';
import { tableGrid } from '../tableGrid.ts';
import { bidiParagraph } from './bidiLines.ts';
import type { Measure } from './measure.ts';
import { pdfInlines } from './pdfInlines.ts';
import { fitImage, missingImageText } from '../imageBlock.ts';
import { imageDataUrl } from './imageDataUrl.ts';

export interface PdfContext {
  measure: Measure;
}

export const BODY_FONT_SIZE = 10.5;
export const HEADING_SIZES = [16, 13, 11.5, 10.5] as const;
const NUMBER_WIDTH = 28;
const LIST_INDENT = 18;
const BOX_INSET = 20;
/** pdfmake's default table layout: 4 pt padding each side and 1 pt rules. */
const CELL_CHROME = 9;

function hasRtlText(inlines: Inline[]): boolean {
  return inlines.some((i) => i.kind === 'text' && hasRtl(i.text));
}

/** The text of a paragraph-like block: pdfmake's own layout, or lines broken here when it holds right-to-left text. */
export function inlineContent(inlines: Inline[], width: number, ctx: PdfContext, style: { fontSize?: number; bold?: boolean } = {}): Content {
  const fontSize = style.fontSize ?? BODY_FONT_SIZE;
  if (!hasRtlText(inlines)) return { text: pdfInlines(inlines, { bold: style.bold }), fontSize } as Content;
  const { lines, alignment } = bidiParagraph(inlines, width, ctx.measure, fontSize, style.bold);
  return { stack: lines.map((line) => ({ text: line, alignment, fontSize })) } as Content;
}

function paragraph(block: Extract<Block, { kind: 'paragraph' }>, width: number, ctx: PdfContext, bold: boolean): Content {
  if (block.number === undefined) return { stack: [inlineContent(block.inlines, width, ctx, { bold })], margin: [0, 0, 0, 6] };
  const text = inlineContent(block.inlines, width - NUMBER_WIDTH, ctx, { bold });
  const number = { text: `${block.number}.`, width: NUMBER_WIDTH };
  const rtl = hasRtlText(block.inlines) && 'stack' in (text as object);
  return {
    columns: rtl ? [{ width: '*', stack: [text] }, { ...number, alignment: 'right' }] : [number, { width: '*', stack: [text] }],
    columnGap: 0,
    margin: [0, 0, 0, 6],
  } as Content;
}

/** A pdfmake table: every grid position holds a cell, and the positions a merged cell covers hold `{}`. */
function table(rows: TableCell[][], width: number, ctx: PdfContext): Content {
  const { columns, rows: placed } = tableGrid(rows);
  const columnWidth = (width - columns * CELL_CHROME - 1) / columns;
  const body: (PdfCell | null)[][] = rows.map(() => Array<PdfCell | null>(columns).fill(null));
  placed.forEach((cells, r) => {
    for (const { cell, column, colspan, rowspan } of cells) {
      const inner = columnWidth * colspan + CELL_CHROME * (colspan - 1);
      for (let below = r; below < r + rowspan; below++) for (let c = column; c < column + colspan; c++) body[below]![c] = {};
      body[r]![column] = { stack: pdfBlocks(cell.blocks, inner, ctx, cell.header), colSpan: colspan, rowSpan: rowspan, fillColor: cell.header ? '#EEEEEE' : undefined } as PdfCell;
    }
  });
  const headerRows = rows[0]?.every((c) => c.header) ? 1 : 0;
  return {
    table: { headerRows, widths: Array(columns).fill(columnWidth), body: body.map((row) => row.map((cell) => cell ?? { text: '' })), dontBreakRows: false },
    margin: [0, 2, 0, 8],
  } as Content;
}

function recommendation(blocks: Block[], addressee: string | undefined, width: number, ctx: PdfContext): Content {
  const inner = width - 2 * 8 - 4;
  const to: Content[] = addressee
    ? [{ stack: [inlineContent([{ kind: 'text', text: `${ADDRESSED_TO}: ${addressee}`, italic: true }], inner, ctx)], italics: true, margin: [0, 0, 0, 4] } as Content]
    : [];
  return {
    table: { widths: ['*'], body: [[{ stack: [...to, ...pdfBlocks(blocks, inner, ctx, true)], fillColor: '#EAF2FA' }]] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0.5),
      hLineColor: () => '#9DC3E6',
      vLineColor: (i: number) => (i === 0 ? '#1F4E79' : '#9DC3E6'),
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 0,
    },
    margin: [0, 2, 0, 8],
  } as Content;
}

export function pdfBlocks(blocks: Block[], width: number, ctx: PdfContext, bold = false): Content[] {
  const out: Content[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push({
          stack: [inlineContent(block.inlines, width, ctx, { fontSize: HEADING_SIZES[block.level - 1], bold: true })],
          margin: [0, block.level === 1 ? 14 : 8, 0, 6],
          ...(block.level === 1 ? { headlineLevel: 1 } : {}),
        } as Content);
        break;
      case 'paragraph':
        out.push(paragraph(block, width, ctx, bold));
        break;
      case 'list': {
        const items = block.items.map((item) => ({ stack: pdfBlocks(item, width - LIST_INDENT, ctx, bold) }));
        out.push((block.ordered ? { ol: items, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] }) as Content);
        break;
      }
      case 'table':
        out.push(table(block.rows, width, ctx));
        break;
      case 'quote':
        out.push({ stack: pdfBlocks(block.blocks, width - 2 * BOX_INSET, ctx, bold), italics: true, margin: [BOX_INSET, 0, BOX_INSET, 6] } as Content);
        break;
      case 'recommendation':
        out.push(recommendation(block.blocks, block.addressee, width, ctx));
        break;
      case 'image': {
        const parts: Content[] = [];
        if (block.image) {
          // Points: an image pixel is drawn at 0.75 pt (96 per inch), never wider than its share of the text.
          const size = fitImage(block.image, block.widthPercent, width, 0.75);
          parts.push({ image: imageDataUrl(block.image), width: size.width, height: size.height, alignment: 'center' } as Content);
        } else {
          parts.push({ text: missingImageText(block), italics: true, alignment: 'center' } as Content);
        }
        if (block.caption) parts.push({ text: block.caption, italics: true, fontSize: 9, alignment: 'center', margin: [0, 4, 0, 0] } as Content);
        out.push({ stack: parts, margin: [0, 4, 0, 10], unbreakable: true } as Content);
        break;
      }
      case 'rule':
        out.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 4, 0, 8] } as Content);
        break;
    }
  }
  return out;
}
