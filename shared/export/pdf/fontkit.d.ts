/** The part of fontkit (the font engine inside pdfkit and pdfmake) that export uses to measure words. */
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    layout(text: string): GlyphRun;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
