/**
 * Export benchmark: a 100,000-word report in 60 sections with 500 footnotes (and a table, a list and an Arabic
 * paragraph per section), built through the layout module, exported to .docx and PDF in Node; median of 3 runs.
 * Targets: DOCX under 3 s, PDF under 10 s. Run alone: `node --import tsx test/bench/export.ts`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { initReport } from '../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../shared/schema/version.ts';
import { writeLongSubmission } from '../helpers/longSubmission.ts';
import { defaultExportOptions, exportInputFromDoc, exportReport, loadPdfFonts, type PdfMakeEngine } from '../../shared/export/index.ts';
import { median } from './stats.ts';

/** The benchmark report in a fresh document. */
export function buildExportBenchReport(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Benchmark shadow report', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: EDITOR_SCHEMA_VERSION });
  writeLongSubmission(doc);
  return doc;
}

async function timed(fn: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await fn();
  return { ms: performance.now() - start, bytes: bytes.length };
}

export async function runExportBench(): Promise<{ docxMs: number; pdfMs: number; docxBytes: number; pdfBytes: number; words: number }> {
  const doc = buildExportBenchReport();
  const fontDir = fileURLToPath(new URL('../../shared/export/fonts/', import.meta.url));
  const fonts = await loadPdfFonts(async (name) => new Uint8Array(fs.readFileSync(fontDir + name)));
  const engine = createRequire(import.meta.url)('pdfmake') as PdfMakeEngine & {
    setUrlAccessPolicy(cb: () => boolean): void;
    setLocalAccessPolicy(cb: () => boolean): void;
  };
  engine.setUrlAccessPolicy(() => false);
  engine.setLocalAccessPolicy(() => false);
  const options = defaultExportOptions('CEDAW');
  // Each run reads the report from the Y.Doc, as the server does per request.
  const docx = () => exportReport(exportInputFromDoc(doc), { format: 'docx', options }).then((f) => f.bytes);
  const pdf = () => exportReport(exportInputFromDoc(doc), { format: 'pdf', options, pdf: { engine, fonts } }).then((f) => f.bytes);
  const docxRuns = [];
  const pdfRuns = [];
  for (let i = 0; i < 3; i++) {
    docxRuns.push(await timed(docx));
    pdfRuns.push(await timed(pdf));
  }
  return {
    docxMs: Math.round(median(docxRuns.map((r) => r.ms))),
    pdfMs: Math.round(median(pdfRuns.map((r) => r.ms))),
    docxBytes: docxRuns[0]!.bytes,
    pdfBytes: pdfRuns[0]!.bytes,
    words: exportInputFromDoc(doc).wordCount,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runExportBench();
  console.log(JSON.stringify(result));
  console.log(`DOCX ${result.docxMs} ms (target < 3000), PDF ${result.pdfMs} ms (target < 10000), ${result.words} words`);
}
