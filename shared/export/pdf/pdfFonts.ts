/**
 * The fonts PDF export embeds, passed in as bytes (the server reads them from disk, the browser fetches them), so
 * the exporter itself never touches a file system. Noto Sans covers Latin, Greek and Cyrillic; Noto Naskh Arabic
 * covers Arabic; a Droid Sans Fallback subset covers Chinese (and Japanese kana).
 */

export interface PdfFonts {
  latin: { normal: Uint8Array; bold: Uint8Array; italics: Uint8Array; bolditalics: Uint8Array };
  arabic: { normal: Uint8Array; bold: Uint8Array };
  cjk: Uint8Array;
}

/** File names under `shared/export/fonts/`, for whoever loads the bytes. */
export const PDF_FONT_FILES = {
  latin: {
    normal: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
    italics: 'NotoSans-Italic.ttf',
    bolditalics: 'NotoSans-BoldItalic.ttf',
  },
  arabic: { normal: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  cjk: 'DroidSansFallback-Chinese.ttf',
} as const;

/** Read every font with `read(fileName)`: one loader for Node (fs) and the browser (fetch). */
export async function loadPdfFonts(read: (fileName: string) => Promise<Uint8Array>): Promise<PdfFonts> {
  const f = PDF_FONT_FILES;
  const [normal, bold, italics, bolditalics, arNormal, arBold, cjk] = await Promise.all(
    [f.latin.normal, f.latin.bold, f.latin.italics, f.latin.bolditalics, f.arabic.normal, f.arabic.bold, f.cjk].map(read),
  );
  return {
    latin: { normal: normal!, bold: bold!, italics: italics!, bolditalics: bolditalics! },
    arabic: { normal: arNormal!, bold: arBold! },
    cjk: cjk!,
  };
}

/** pdfmake family names used in document definitions. */
export const FAMILY = { latin: 'RDSans', arabic: 'RDArabic', cjk: 'RDCjk' } as const;

/** The slice of pdfmake 0.3 export uses: pass the Node build on a server, the browser build in the client. */
export interface PdfMakeEngine {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setProgressCallback(callback: ((progress: number) => void) | undefined): void;
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

const registered = new WeakMap<PdfMakeEngine, PdfFonts>();

/** Put the fonts into the engine's virtual file system once per engine and font set. */
export function registerFonts(engine: PdfMakeEngine, fonts: PdfFonts): void {
  if (registered.get(engine) === fonts) return;
  const put = (name: string, data: Uint8Array) => {
    engine.virtualfs.writeFileSync(name, data);
    return name;
  };
  const latin = {
    normal: put('rd-latin-normal.ttf', fonts.latin.normal),
    bold: put('rd-latin-bold.ttf', fonts.latin.bold),
    italics: put('rd-latin-italics.ttf', fonts.latin.italics),
    bolditalics: put('rd-latin-bolditalics.ttf', fonts.latin.bolditalics),
  };
  // Arabic and Chinese have no italic faces here: italic text keeps the upright face (Word does the same).
  const arNormal = put('rd-arabic-normal.ttf', fonts.arabic.normal);
  const arBold = put('rd-arabic-bold.ttf', fonts.arabic.bold);
  const cjk = put('rd-cjk.ttf', fonts.cjk);
  engine.setFonts({
    [FAMILY.latin]: latin,
    [FAMILY.arabic]: { normal: arNormal, bold: arBold, italics: arNormal, bolditalics: arBold },
    [FAMILY.cjk]: { normal: cjk, bold: cjk, italics: cjk, bolditalics: cjk },
  });
  registered.set(engine, fonts);
}
