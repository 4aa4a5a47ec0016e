/** Model blocks and inlines to `docx` paragraphs, runs and tables. */
import {
  AlignmentType,
  BorderStyle,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { safeLinkHref } from '../../schema/linkPolicy.ts';
import { firstStrongDirection, hasRtl } from '../direction.ts';
import { ADDRESSED_TO, type Block, type Inline, type TableCell as ModelCell } from '../model.ts';
import type { NotePlacement } from '../options.ts';
import { tableGrid } from '../tableGrid.ts';
import { NUMBERING_REFS, PAGE, STYLE_IDS } from './docxStyles.ts';
import { fitImage, missingImageText } from '../imageBlock.ts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

export interface DocxContext {
  notes: NotePlacement;
  /** Each ordered list gets its own numbering instance, so it counts from 1. */
  nextListInstance: number;
  /** Images so far, to name each ("Image 3") in Word's selection pane. */
  imageCount?: number;
}

function plainText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

export function runs(inlines: Inline[], ctx: DocxContext, extra: { bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out.push(new TextRun({ break: 1 }));
    } else if (inline.kind === 'note') {
      out.push(ctx.notes === 'endnotes' ? new EndnoteReferenceRun(inline.number) : new FootnoteReferenceRun(inline.number));
    } else {
      // The model holds only allowed links; checked again here so no other caller can put one in the file.
      const href = safeLinkHref(inline.href);
      const run = new TextRun({
        text: inline.text,
        bold: inline.bold || extra.bold,
        italics: inline.italic,
        underline: inline.underline ? {} : undefined,
        strike: inline.strike,
        rightToLeft: hasRtl(inline.text) || undefined,
        style: href ? 'Hyperlink' : undefined,
      });
      out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
    }
  }
  return out;
}

/** Paragraph options that make a right-to-left paragraph run from the right. */
function direction(inlines: Inline[]) {
  return firstStrongDirection(plainText(inlines)) === 'rtl' ? { bidirectional: true, alignment: AlignmentType.START } : {};
}

function listParagraphs(items: Block[][], ordered: boolean, level: number, ctx: DocxContext, instance: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const item of items) {
    let first = true;
    for (const block of item) {
      if (block.kind === 'list') {
        const nested = block.ordered ? ctx.nextListInstance++ : 0;
        out.push(...listParagraphs(block.items, block.ordered, Math.min(level + 1, 8), ctx, nested));
      } else if (block.kind === 'paragraph' && first) {
        out.push(
          new Paragraph({
            children: runs(block.inlines, ctx),
            numbering: { reference: ordered ? NUMBERING_REFS.ordered : NUMBERING_REFS.bullets, level, instance },
            ...direction(block.inlines),
          }),
        );
        first = false;
      } else {
        // Further paragraphs of an item sit under its text, without a bullet of their own.
        out.push(...docxBlocks([block], ctx));
      }
    }
  }
  return out;
}

/**
 * A Word table. A cell merged down (rowspan) is written once, as the start of a vertical merge (`w:vMerge restart`);
 * the `docx` package adds the continuing cells to the rows below at the cell's column.
 */
function table(rows: ModelCell[][], ctx: DocxContext): Table {
  const grid = tableGrid(rows);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.rows.map(
      (cells) =>
        new TableRow({
          tableHeader: (cells.length > 0 && cells.every((c) => c.cell.header)) || undefined,
          children: cells.map(({ cell, colspan, rowspan }) => {
            const content = docxBlocks(cell.blocks, ctx, cell.header ? { style: STYLE_IDS.tableHeader } : {});
            return new TableCell({
              columnSpan: colspan > 1 ? colspan : undefined,
              rowSpan: rowspan > 1 ? rowspan : undefined,
              width: { size: Math.round((100 * colspan) / grid.columns), type: WidthType.PERCENTAGE },
              // Word refuses a cell without a paragraph.
              children: content.length > 0 ? content : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

export function docxBlocks(blocks: Block[], ctx: DocxContext, opts: { style?: string; bold?: boolean } = {}): (Paragraph | Table)[] {
  const { style, bold } = opts;
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inlines, ctx), ...direction(block.inlines) }));
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            children: runs(block.inlines, ctx, { bold }),
            style: style ?? (block.number !== undefined ? STYLE_IDS.numberedParagraph : undefined),
            numbering: block.number !== undefined ? { reference: NUMBERING_REFS.paragraphs, level: 0, instance: 0, custom: true } : undefined,
            ...direction(block.inlines),
          }),
        );
        break;
      case 'list':
        out.push(...listParagraphs(block.items, block.ordered, 0, ctx, block.ordered ? ctx.nextListInstance++ : 0));
        break;
      case 'table':
        out.push(table(block.rows, ctx), new Paragraph({}));
        break;
      case 'quote':
        out.push(...docxBlocks(block.blocks, ctx, { style: STYLE_IDS.quote }));
        break;
      case 'recommendation':
        if (block.addressee) {
          const line: Inline[] = [{ kind: 'text', text: `${ADDRESSED_TO}: ${block.addressee}`, italic: true }];
          out.push(new Paragraph({ style: STYLE_IDS.recommendation, children: runs(line, ctx), ...direction(line) }));
        }
        out.push(...docxBlocks(block.blocks, ctx, { style: STYLE_IDS.recommendation }));
        break;
      case 'image': {
        if (block.image) {
          // docx sizes images in pixels at 96 per inch; the text is the page less its margins (1440 twips an inch).
          const textPx = ((PAGE.width - 2 * PAGE.margin) / 1440) * 96;
          const size = fitImage(block.image, block.widthPercent, textPx, 1);
          const run = new ImageRun({
            type: block.image.type,
            data: block.image.bytes,
            transformation: size,
            altText: { name: `Image ${(ctx.imageCount = (ctx.imageCount ?? 0) + 1)}`, description: block.alt, title: block.caption },
            ...(block.decorative ? { decorative: true } : {}),
          });
          out.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: block.caption !== '', children: [run] }));
        } else {
          out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: missingImageText(block), italics: true })] }));
        }
        if (block.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, italics: true, size: 20 })] }));
        break;
      }
      case 'rule':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
        break;
    }
  }
  return out;
}
