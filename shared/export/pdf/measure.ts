/** Word widths for laying out right-to-left lines ourselves, measured with the same engine pdfmake uses. */
import { create, type Font } from 'fontkit';
import type { Script } from '../direction.ts';
import type { PdfFonts } from './pdfFonts.ts';

export interface MeasureStyle {
  script: Script;
  bold: boolean;
  italic: boolean;
  fontSize: number;
}

export type Measure = (text: string, style: MeasureStyle) => number;

const parsed = new WeakMap<Uint8Array, Font>();

function font(bytes: Uint8Array): Font {
  let f = parsed.get(bytes);
  if (!f) {
    f = create(bytes);
    parsed.set(bytes, f);
  }
  return f;
}

function bytesFor(fonts: PdfFonts, style: MeasureStyle): Uint8Array {
  if (style.script === 'arabic') return style.bold ? fonts.arabic.bold : fonts.arabic.normal;
  if (style.script === 'cjk') return fonts.cjk;
  if (style.bold) return style.italic ? fonts.latin.bolditalics : fonts.latin.bold;
  return style.italic ? fonts.latin.italics : fonts.latin.normal;
}

/** A measuring function with a cache of widths per font and text (reports repeat their words a lot). */
export function createMeasure(fonts: PdfFonts): Measure {
  const cache = new Map<string, number>();
  return (text, style) => {
    const key = `${style.script}${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}\u0000${text}`;
    let unitsPerEm = cache.get(key);
    if (unitsPerEm === undefined) {
      const f = font(bytesFor(fonts, style));
      unitsPerEm = f.layout(text).advanceWidth / f.unitsPerEm;
      cache.set(key, unitsPerEm);
    }
    return unitsPerEm * style.fontSize;
  };
}
