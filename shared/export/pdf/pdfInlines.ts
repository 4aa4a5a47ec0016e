/** Model inlines to pdfmake text pieces, each in the font of its script. */
import { safeLinkHref } from '../../schema/linkPolicy.ts';
import { splitByScript } from '../direction.ts';
import type { Inline, TextInline } from '../model.ts';
import { FAMILY } from './pdfFonts.ts';

/** One pdfmake text inline (the subset of properties export sets). */
export interface PdfText {
  text: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  decoration?: 'underline' | 'lineThrough';
  color?: string;
  link?: string;
  sup?: boolean;
  linkToDestination?: string;
}

export const LINK_COLOR = '#1F4E79';

export function noteDestination(number: number): string {
  return `note-${number}`;
}

export function noteMark(number: number): PdfText {
  return { text: String(number), sup: true, font: FAMILY.latin, linkToDestination: noteDestination(number) };
}

/** The pieces of one text inline, split where the script (and so the font) changes. */
export function textPieces(inline: TextInline, extra: { bold?: boolean } = {}): PdfText[] {
  // The model holds only allowed links; checked again here so no other caller can put one in the file.
  const href = safeLinkHref(inline.href);
  return splitByScript(inline.text).map(({ script, text }) => {
    const piece: PdfText = { text, font: FAMILY[script] };
    if (inline.bold || extra.bold) piece.bold = true;
    if (inline.italic) piece.italics = true;
    if (inline.underline || href) piece.decoration = 'underline';
    else if (inline.strike) piece.decoration = 'lineThrough';
    if (href) {
      piece.link = href;
      piece.color = LINK_COLOR;
    }
    return piece;
  });
}

export function pdfInlines(inlines: Inline[], extra: { bold?: boolean } = {}): PdfText[] {
  const out: PdfText[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') out.push({ text: '\n' });
    else if (inline.kind === 'note') out.push(noteMark(inline.number));
    else out.push(...textPieces(inline, extra));
  }
  return out;
}
