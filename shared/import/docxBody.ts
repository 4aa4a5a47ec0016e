/**
 * The body of a Word document as a flat list of paragraphs and tables, each paragraph with what structure needs:
 * heading level, list membership, quote style. `sections.ts` groups them into sections, lists and quotes.
 */
import type { PmNode } from '../report/content.ts';
import { paragraphInlines, type InlineContext } from './docxInlines.ts';
import type { NumberingInfo, StyleInfo } from './docxStyles.ts';
import { child, childrenNamed, type XNode } from './xml.ts';
import { isExportStyle } from '../export/docx/styleIds.ts';

export interface BodyParagraph {
  kind: 'paragraph';
  inlines: PmNode[];
  headingLevel: number | null;
  list: { numId: string; level: number; ordered: boolean } | null;
  role: 'body' | 'title' | 'cover' | 'quote' | 'annex';
}

export interface BodyCell {
  colspan: number;
  rowspan: number;
  items: BodyItem[];
}

export interface BodyTable {
  kind: 'table';
  /** Each row holds the cells that start in it; a cell merged down from above is only in its first row. */
  rows: { header: boolean; cells: BodyCell[] }[];
}

export type BodyItem = BodyParagraph | BodyTable;

export interface BodyContext extends InlineContext {
  styles: StyleInfo;
  numbering: NumberingInfo;
}

function paragraph(p: XNode, ctx: BodyContext): BodyParagraph {
  const pPr = child(p, 'pPr');
  const styleId = child(pPr, 'pStyle')?.attrs.val ?? null;
  const styleName = ctx.styles.name(styleId);
  const ownOutline = child(pPr, 'outlineLvl')?.attrs.val;
  let headingLevel = ctx.styles.headingLevel(styleId);
  if (ownOutline !== undefined && Number(ownOutline) < 9) headingLevel = Number(ownOutline) + 1;

  let role: BodyParagraph['role'] = 'body';
  if (isExportStyle('cover', styleId, styleName)) role = 'cover';
  else if (isExportStyle('annexHeading', styleId, styleName)) role = 'annex';
  else if (styleName === 'title' || styleId === 'Title') role = 'title';
  else if (isExportStyle('quote', styleId, styleName) || /quote/.test(styleName)) role = 'quote';

  // Paragraph numbering of an exported report (and recommendation boxes) is not a list.
  const exportNumbering = isExportStyle('numberedParagraph', styleId, styleName) || isExportStyle('recommendation', styleId, styleName);
  const numPr = child(pPr, 'numPr');
  const numId = child(numPr, 'numId')?.attrs.val ?? ctx.styles.numId(styleId);
  const level = Number(child(numPr, 'ilvl')?.attrs.val ?? 0);
  const list =
    !exportNumbering && headingLevel === null && numId && numId !== '0'
      ? { numId, level: Number.isInteger(level) ? Math.max(0, Math.min(8, level)) : 0, ordered: ctx.numbering.isOrdered(numId, level) }
      : null;
  return { kind: 'paragraph', inlines: paragraphInlines(p, ctx), headingLevel, list, role };
}

/** A whole number of grid columns from a `w:val` (gridSpan, gridBefore, gridAfter); `fallback` when absent or odd. */
function gridCount(node: XNode | undefined, fallback: number): number {
  const n = Number(node?.attrs.val ?? fallback);
  return Number.isInteger(n) && n >= 0 && n <= 1000 ? n : fallback;
}

/** OOXML on/off: present means on, unless its value says off. */
function isOn(node: XNode | undefined): boolean {
  return node !== undefined && !['0', 'false', 'off'].includes(node.attrs.val ?? '');
}

/** The `name` children of a table or row, looking through the content controls and custom XML wrapping them. */
function tableParts(container: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of container.children) {
    if (c.name === name) out.push(c);
    else if (c.name === 'sdt') tableParts(child(c, 'sdtContent') ?? c, name, out);
    else if (c.name === 'customXml') tableParts(c, name, out);
  }
  return out;
}

/**
 * Rows of cells with their spans. `w:gridSpan` is the colspan; a `w:vMerge` that is not "restart" continues the
 * cell above that starts at the same grid column, which then spans one more row (the continuing cell is empty in
 * Word, so it adds no text). Grid columns a row skips (`w:gridBefore`, `w:gridAfter`) become empty cells, so every
 * cell keeps its column.
 */
function table(tbl: XNode, ctx: BodyContext): BodyTable {
  const rows: BodyTable['rows'] = [];
  // The cell starting at each grid column in the row above (or merged down through it): what a vMerge continues.
  let above = new Map<number, BodyCell>();
  for (const tr of tableParts(tbl, 'tr')) {
    const trPr = child(tr, 'trPr');
    const header = isOn(child(trPr, 'tblHeader'));
    const cells: BodyCell[] = [];
    const here = new Map<number, BodyCell>();
    const before = gridCount(child(trPr, 'gridBefore'), 0);
    if (before > 0) cells.push({ colspan: before, rowspan: 1, items: [] });
    let column = before;
    for (const tc of tableParts(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const colspan = Math.max(1, gridCount(child(tcPr, 'gridSpan'), 1));
      const vMerge = child(tcPr, 'vMerge');
      const continued = vMerge !== undefined && vMerge.attrs.val !== 'restart';
      const merged = continued ? above.get(column) : undefined;
      if (merged && merged.colspan === colspan) {
        merged.rowspan++;
        here.set(column, merged);
      } else {
        // A continuation with nothing above to continue is kept as an empty cell, so its row keeps its columns.
        const cell: BodyCell = { colspan, rowspan: 1, items: continued ? [] : bodyItems(tc, ctx) };
        cells.push(cell);
        here.set(column, cell);
      }
      column += colspan;
    }
    const after = gridCount(child(trPr, 'gridAfter'), 0);
    if (after > 0 && cells.length > 0) cells.push({ colspan: after, rowspan: 1, items: [] });
    if (cells.length > 0) {
      rows.push({ header, cells });
    } else {
      // Every cell continues one from above: the row adds nothing, so it is left out and spans nothing.
      for (const cell of new Set(here.values())) cell.rowspan--;
    }
    above = here;
  }
  return { kind: 'table', rows };
}

/** Paragraphs and tables of the body (or of a table cell), content controls opened. */
export function bodyItems(container: XNode, ctx: BodyContext, out: BodyItem[] = []): BodyItem[] {
  for (const c of container.children) {
    if (c.name === 'p') out.push(paragraph(c, ctx));
    else if (c.name === 'tbl') out.push(table(c, ctx));
    else if (c.name === 'sdt') bodyItems(child(c, 'sdtContent') ?? c, ctx, out);
    else if (c.name === 'customXml' || c.name === 'ins') bodyItems(c, ctx, out);
  }
  return out;
}
