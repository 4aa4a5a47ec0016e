/**
 * The body of a Word document as a flat list of paragraphs and tables, each paragraph with what structure needs:
 * heading level, list membership, quote style. `sections.ts` groups them into sections, lists and quotes.
 */
import type { PmNode } from '../report/content.ts';
import { paragraphInlines, type InlineContext } from './docxInlines.ts';
import type { NumberingInfo, StyleInfo } from './docxStyles.ts';
import { child, childrenNamed, type XNode } from './xml.ts';

/** Styles the exporter writes (see shared/export/docx/docxStyles.ts), recognised so a round trip is faithful. */
export const EXPORT_STYLES = {
  numberedParagraph: 'RDNumberedParagraph',
  quote: 'RDQuote',
  recommendation: 'RDRecommendation',
  cover: 'RDCover',
  annexHeading: 'RDAnnexHeading',
} as const;

export interface BodyParagraph {
  kind: 'paragraph';
  inlines: PmNode[];
  headingLevel: number | null;
  list: { numId: string; level: number; ordered: boolean } | null;
  role: 'body' | 'title' | 'cover' | 'quote' | 'annex';
}

export interface BodyTable {
  kind: 'table';
  rows: { header: boolean; cells: { colspan: number; items: BodyItem[] }[] }[];
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
  if (styleId === EXPORT_STYLES.cover) role = 'cover';
  else if (styleId === EXPORT_STYLES.annexHeading) role = 'annex';
  else if (styleName === 'title' || styleId === 'Title') role = 'title';
  else if (styleId === EXPORT_STYLES.quote || /quote/.test(styleName)) role = 'quote';

  // Paragraph numbering of an exported report (and recommendation boxes) is not a list.
  const exportNumbering = styleId === EXPORT_STYLES.numberedParagraph || styleId === EXPORT_STYLES.recommendation;
  const numPr = child(pPr, 'numPr');
  const numId = child(numPr, 'numId')?.attrs.val ?? ctx.styles.numId(styleId);
  const level = Number(child(numPr, 'ilvl')?.attrs.val ?? 0);
  const list =
    !exportNumbering && headingLevel === null && numId && numId !== '0'
      ? { numId, level: Number.isInteger(level) ? Math.max(0, Math.min(8, level)) : 0, ordered: ctx.numbering.isOrdered(numId, level) }
      : null;
  return { kind: 'paragraph', inlines: paragraphInlines(p, ctx), headingLevel, list, role };
}

function table(tbl: XNode, ctx: BodyContext): BodyTable {
  const rows: BodyTable['rows'] = [];
  for (const tr of childrenNamed(tbl, 'tr')) {
    const header = child(child(tr, 'trPr'), 'tblHeader') !== undefined;
    const cells = childrenNamed(tr, 'tc').map((tc) => {
      const tcPr = child(tc, 'tcPr');
      const span = Number(child(tcPr, 'gridSpan')?.attrs.val ?? 1);
      const vMerge = child(tcPr, 'vMerge');
      // A cell continuing a vertical merge repeats nothing: it stays empty, so no text appears twice.
      const continued = vMerge !== undefined && vMerge.attrs.val !== 'restart';
      return { colspan: Number.isInteger(span) && span > 1 ? span : 1, items: continued ? [] : bodyItems(tc, ctx) };
    });
    if (cells.length > 0) rows.push({ header, cells });
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
