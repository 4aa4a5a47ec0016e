/**
 * Export in Node: the shared exporter with pdfmake's Node build and the fonts read from the repository. Runs in
 * the office worker threads. pdfmake may not read local files or fetch URLs: a report's links and text can
 * never make it do either.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { exportReport, loadPdfFonts, type ExportedFile, type ExportFormat, type ExportInput, type ExportOptions, type PdfFonts, type PdfMakeEngine } from '../../../shared/export/index.ts';
import { FONT_DIR } from '../runtimeLayout.ts';


interface NodePdfMake extends PdfMakeEngine {
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
}

let engine: NodePdfMake | null = null;
let fonts: Promise<PdfFonts> | null = null;

/** pdfmake's Node build (a CommonJS singleton), locked down once. */
function pdfEngine(): NodePdfMake {
  if (!engine) {
    const require = createRequire(import.meta.url);
    engine = require('pdfmake') as NodePdfMake;
    engine.setUrlAccessPolicy(() => false);
    engine.setLocalAccessPolicy(() => false);
  }
  return engine;
}

function pdfFonts(): Promise<PdfFonts> {
  if (!fonts) {
    fonts = loadPdfFonts(async (name) => new Uint8Array(await fs.readFile(`${FONT_DIR}/${name}`)));
    // A failed read (a missing font file) is retried on the next export rather than cached.
    fonts.catch(() => (fonts = null));
  }
  return fonts;
}

export async function exportInNode(input: ExportInput, format: ExportFormat, options: ExportOptions): Promise<ExportedFile> {
  const pdf = format === 'pdf' ? { engine: pdfEngine(), fonts: await pdfFonts() } : undefined;
  return exportReport(input, { format, options, pdf });
}
