/**
 * Export in Node, in process: the long submission (100,000 words, 60 sections, 500 footnotes; see
 * test/helpers/longSubmission.ts) read from its Y.Doc and exported to .docx and PDF by the shared exporter, as
 * the server's export threads do; median of `rounds`. Part of the `export` phase of `npm run bench`
 * (exportPhase.ts); alone: `node --import tsx test/bench/exportNode.ts`.
 */
import * as Y from 'yjs';
import { initReport } from '../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../shared/schema/version.ts';
import { writeLongSubmission } from '../helpers/longSubmission.ts';
import { defaultExportOptions, exportInputFromDoc } from '../../shared/export/index.ts';
import { exportInNode } from '../../server/src/export/exportInNode.ts';
import { median } from './stats.ts';

/** The benchmark report in a fresh document. */
export function buildExportBenchReport(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Benchmark shadow report', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: EDITOR_SCHEMA_VERSION });
  writeLongSubmission(doc);
  return doc;
}

async function timed(fn: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number; file: Uint8Array }> {
  const start = performance.now();
  const bytes = await fn();
  return { ms: performance.now() - start, bytes: bytes.length, file: bytes };
}

export interface NodeExportResult {
  docxMs: number;
  pdfMs: number;
  docxBytes: number;
  pdfBytes: number;
  words: number;
  /** The .docx made in the first round (the LibreOffice reference converts it). */
  docx: Uint8Array;
}

export async function runExportBench(rounds = 3): Promise<NodeExportResult> {
  const doc = buildExportBenchReport();
  const options = defaultExportOptions('CEDAW');
  // Each run reads the report from the Y.Doc, as the server does per request.
  const docx = () => exportInNode(exportInputFromDoc(doc), 'docx', options).then((f) => f.bytes);
  const pdf = () => exportInNode(exportInputFromDoc(doc), 'pdf', options).then((f) => f.bytes);
  const docxRuns = [];
  const pdfRuns = [];
  for (let i = 0; i < rounds; i++) {
    docxRuns.push(await timed(docx));
    pdfRuns.push(await timed(pdf));
  }
  return {
    docxMs: Math.round(median(docxRuns.map((r) => r.ms))),
    pdfMs: Math.round(median(pdfRuns.map((r) => r.ms))),
    docxBytes: docxRuns[0]!.bytes,
    pdfBytes: pdfRuns[0]!.bytes,
    words: exportInputFromDoc(doc).wordCount,
    docx: docxRuns[0]!.file,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { docx: _file, ...result } = await runExportBench();
  console.log(JSON.stringify(result));
  console.log(`DOCX ${result.docxMs} ms (target < 3000), PDF ${result.pdfMs} ms (target < 10000), ${result.words} words`);
}
