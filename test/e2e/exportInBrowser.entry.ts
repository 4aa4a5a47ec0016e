/** Bundled for Chromium by exportInBrowser.test.ts: the shared exporter with pdfmake's browser build, offline. */
import * as Y from 'yjs';
import { defaultExportOptions, exportInputFromDoc, exportReport, type PdfFonts, type PdfMakeEngine } from '../../shared/export/index.ts';
import { addSection, getSectionBody, initReport } from '../../shared/report/layout.ts';
import { writeSampleReport } from '../helpers/sampleReport.ts';
import { UNSAFE_LINKS } from '../helpers/unsafeLinks.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';

function fromBase64(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function runExport(fonts: Record<string, string>): Promise<{ docx: string; pdf: string; progress: number[]; fileName: string }> {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Exported in the browser', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  writeSampleReport(doc);
  const sources = addSection(doc, { title: 'Sources' });
  writeBody(
    getSectionBody(doc, sources)!,
    docOf(paragraph(...Object.entries(UNSAFE_LINKS).map(([text, href]) => ({ type: 'text', text: `See the ${text}. `, marks: [{ type: 'link', attrs: { href } }] })))),
  );
  const pdfFonts: PdfFonts = {
    latin: { normal: fromBase64(fonts.latinNormal!), bold: fromBase64(fonts.latinBold!), italics: fromBase64(fonts.latinItalics!), bolditalics: fromBase64(fonts.latinBoldItalics!) },
    arabic: { normal: fromBase64(fonts.arabicNormal!), bold: fromBase64(fonts.arabicBold!) },
    cjk: fromBase64(fonts.cjk!),
  };
  const engine = (window as unknown as { pdfMake: PdfMakeEngine }).pdfMake;
  const progress: number[] = [];
  const input = exportInputFromDoc(doc);
  const docx = await exportReport(input, { format: 'docx', options: defaultExportOptions('UPR'), onProgress: (p) => progress.push(p) });
  const pdf = await exportReport(input, { format: 'pdf', options: defaultExportOptions('UPR'), pdf: { engine, fonts: pdfFonts } });
  return { docx: toBase64(docx.bytes), pdf: toBase64(pdf.bytes), progress, fileName: docx.fileName };
}

(window as unknown as { runExport: typeof runExport }).runExport = runExport;
