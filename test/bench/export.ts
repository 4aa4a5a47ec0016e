/**
 * Export benchmark: a 100,000-word report in 60 sections with 500 footnotes (and a table, a list and an Arabic
 * paragraph per section), built through the layout module, exported to .docx and PDF in Node; median of 3 runs.
 * Targets: DOCX under 3 s, PDF under 10 s. Run alone: `node --import tsx test/bench/export.ts`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addSection, getSectionBody, initReport, setSectionTag } from '../../shared/report/layout.ts';
import { addOrganisation, setCoverFields } from '../../shared/report/coverFields.ts';
import { defaultExportOptions, exportInputFromDoc, exportReport, loadPdfFonts, type PdfMakeEngine } from '../../shared/export/index.ts';
import { median } from './stats.ts';

const VOCABULARY = (
  'the State party should ensure that all women and girls enjoy equal access to education housing employment ' +
  'health care and justice without discrimination committee recommends adopting comprehensive legislation on ' +
  'gender based violence effective remedies for victims rural women migrants refugees data disaggregated by sex'
).split(' ');
const ARABIC = 'تطالب منظمات حقوق المرأة بحماية فعلية من العنف المنزلي ومن التمييز في العمل والتعليم والصحة';

const TARGET = { words: 100_000, sections: 60, notes: 500 };

function text(value: string, attrs?: Record<string, object>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attrs);
  return t;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  el.insert(0, children);
  return el;
}

/** Build the benchmark report; returns the document and its word count (notes included, as CERD counts them). */
export function buildExportBenchReport(): { doc: Y.Doc; words: number } {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Benchmark shadow report', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  setCoverFields(doc, { session: '89th session', confidentiality: 'public', wordLimit: 110_000 });
  addOrganisation(doc, 'Coalition A');
  addOrganisation(doc, 'Coalition B');
  let seed = 7;
  const word = () => VOCABULARY[(seed = (seed * 1103515245 + 12345) % 2147483648) % VOCABULARY.length]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const notesPerSection = Math.ceil(TARGET.notes / TARGET.sections);
  let notes = 0;
  let count = 0;
  for (let s = 0; s < TARGET.sections; s++) {
    const id = addSection(doc, { title: `Section ${s + 1}: ${words(4)}` });
    setSectionTag(doc, id, `art-${(s % 16) + 1}`, true);
    setSectionTag(doc, id, `sdg-5.${(s % 6) + 1}`, true);
    const blocks: Y.XmlElement[] = [element('heading', [text(words(5))], { level: 2 })];
    count += 5 + 4;
    const budget = Math.floor(TARGET.words / TARGET.sections) - 40;
    let used = 0;
    let p = 0;
    while (used < budget) {
      const n = Math.min(70, budget - used);
      const children: (Y.XmlElement | Y.XmlText)[] = [text(`${words(Math.max(1, n - 3))} `), text(words(3), { bold: {} })];
      if (p % 2 === 0 && notes < TARGET.notes && p / 2 < notesPerSection) {
        children.push(element('footnote', [text(`Source ${notes + 1}: ${words(6)}.`)]));
        notes++;
        count += 8;
      }
      blocks.push(element('paragraph', children));
      used += n;
      p++;
    }
    count += used;
    const cell = (type: string, v: string) => element(type, [element('paragraph', [text(v)])], { colspan: 1, rowspan: 1 });
    blocks.push(
      element('table', [
        element('tableRow', [cell('tableHeader', 'Indicator'), cell('tableHeader', 'Value')]),
        element('tableRow', [cell('tableCell', words(3)), cell('tableCell', String(s * 7))]),
      ]),
      element('bulletList', [element('listItem', [element('paragraph', [text(words(8))])]), element('listItem', [element('paragraph', [text(words(8))])])]),
      element('paragraph', [text(ARABIC)]),
    );
    count += 4 + 3 + 16 + ARABIC.split(' ').length;
    getSectionBody(doc, id)!.insert(0, blocks);
  }
  return { doc, words: count };
}

async function timed(fn: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await fn();
  return { ms: performance.now() - start, bytes: bytes.length };
}

export async function runExportBench(): Promise<{ docxMs: number; pdfMs: number; docxBytes: number; pdfBytes: number; words: number }> {
  const { doc } = buildExportBenchReport();
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
