/**
 * The export model as a PDF with pdfmake 0.3 and the fonts passed in. pdfmake has no footnotes, so notes of either
 * placement are printed as endnotes under "Notes" after the body, each linked from its mark.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ExportDocument, ProgressCallback } from '../model.ts';
import { annexTitles, priorAnnexCells, priorAnnexHeader, tagAnnexTable } from '../annexTables.ts';
import { createMeasure } from './measure.ts';
import { BODY_FONT_SIZE, HEADING_SIZES, inlineContent, pdfBlocks, type PdfContext } from './pdfBlocks.ts';
import { FAMILY, registerFonts, type PdfFonts, type PdfMakeEngine } from './pdfFonts.ts';
import { noteDestination } from './pdfInlines.ts';

/** A4 in points, with 2.5 cm margins. */
const PAGE = { width: 595.28, margin: 70.87 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const NOTE_NUMBER_WIDTH = 24;

export interface PdfRenderOptions {
  engine: PdfMakeEngine;
  fonts: PdfFonts;
  onProgress?: ProgressCallback;
}

function cover(model: ExportDocument): Content[] {
  const out: Content[] = [{ text: model.title, fontSize: 22, bold: true, margin: [0, 120, 0, 24] }];
  for (const line of model.cover) {
    out.push({ text: [{ text: `${line.label}: `, bold: true }, line.value], margin: [0, 0, 0, 8] });
  }
  if (model.wordCountLine) out.push({ text: model.wordCountLine, italics: true, margin: [0, 8, 0, 0] });
  out.push({ text: '', pageBreak: 'after' });
  return out;
}

function heading(text: string, pageBreak: boolean): Content {
  return { text, fontSize: HEADING_SIZES[0], bold: true, margin: [0, 0, 0, 10], ...(pageBreak ? { pageBreak: 'before' } : {}) } as Content;
}

function notes(model: ExportDocument, ctx: PdfContext): Content[] {
  if (model.notes.length === 0) return [];
  const out: Content[] = [heading(annexTitles(model.language).notes, true)];
  for (const note of model.notes) {
    out.push({
      id: noteDestination(note.number),
      columns: [
        { text: `${note.number}.`, width: NOTE_NUMBER_WIDTH },
        { width: '*', stack: [inlineContent(note.inlines, CONTENT_WIDTH - NOTE_NUMBER_WIDTH, ctx, { fontSize: 9.5 })] },
      ],
      columnGap: 0,
      fontSize: 9.5,
      margin: [0, 0, 0, 4],
    } as Content);
  }
  return out;
}

function simpleTable(header: string[], rows: string[][]): Content {
  return {
    table: {
      headerRows: 1,
      widths: header.map(() => '*'),
      body: [header.map((h) => ({ text: h, bold: true, fillColor: '#EEEEEE' })), ...rows.map((r) => r.map((c) => ({ text: c })))],
    },
    fontSize: 9.5,
  } as Content;
}

function annexes(model: ExportDocument): Content[] {
  const out: Content[] = [];
  if (model.tagAnnex) {
    const table = tagAnnexTable(model.tagAnnex, model.language);
    out.push(heading(annexTitles(model.language).tags, true), simpleTable(table.header, table.rows));
  }
  if (model.priorRecommendations) {
    out.push(heading(annexTitles(model.language).prior, true), simpleTable(priorAnnexHeader(model.language), priorAnnexCells(model.priorRecommendations)));
  }
  return out;
}

export function pdfDefinition(model: ExportDocument, fonts: PdfFonts, onProgress?: ProgressCallback): TDocumentDefinitions {
  const ctx: PdfContext = { measure: createMeasure(fonts) };
  const content: Content[] = cover(model);
  model.sections.forEach((section, i) => {
    content.push(...pdfBlocks([{ kind: 'heading', level: 1, inlines: [{ kind: 'text', text: section.title }] }, ...section.blocks], CONTENT_WIDTH, ctx));
    onProgress?.(0.3 + (0.05 * (i + 1)) / Math.max(1, model.sections.length));
  });
  content.push(...notes(model, ctx), ...annexes(model));
  return {
    pageSize: 'A4',
    pageMargins: PAGE.margin,
    ...(model.language ? { language: model.language } : {}),
    // The document information names the tool, never a person (no Author).
    info: { title: model.title, creator: 'Rightsdraft', producer: 'Rightsdraft' },
    ...(model.confidentialMarking
      ? { header: { text: model.confidentialMarking, alignment: 'center', fontSize: 9, bold: true, margin: [0, 24, 0, 0] } }
      : {}),
    defaultStyle: { font: FAMILY.latin, fontSize: BODY_FONT_SIZE, lineHeight: 1.2 },
    footer: (page: number) => ({ text: String(page), alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
    ...(model.options.watermark ? { watermark: { text: 'DRAFT', color: '#888888', opacity: 0.15, bold: true, font: FAMILY.latin } } : {}),
    content,
  } as TDocumentDefinitions;
}

/** Render the model; `onProgress` goes from 0.3 (the model is built) to 1. */
export async function renderPdf(model: ExportDocument, options: PdfRenderOptions): Promise<Uint8Array> {
  const { engine, fonts, onProgress } = options;
  registerFonts(engine, fonts);
  const definition = pdfDefinition(model, fonts, onProgress);
  // pdfmake reads the callback when createPdf is called, so setting it just around the call keeps concurrent
  // exports from reporting into each other's progress bar.
  engine.setProgressCallback(onProgress ? (p: number) => onProgress(0.35 + 0.6 * p) : undefined);
  let created: { getBuffer(): Promise<Uint8Array> };
  try {
    created = engine.createPdf(definition);
  } finally {
    engine.setProgressCallback(undefined);
  }
  const bytes = await created.getBuffer();
  onProgress?.(1);
  return bytes;
}
