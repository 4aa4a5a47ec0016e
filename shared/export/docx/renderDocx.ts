/** The export model as a Word (.docx) file: cover page, numbered body, real footnotes or endnotes, annexes. */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { ExportDocument, ProgressCallback } from '../model.ts';
import { annexTitles, priorAnnexCells, priorAnnexHeader, tagAnnexTable } from '../annexTables.ts';
import { docxBlocks, runs, type DocxContext } from './docxBlocks.ts';
import { PAGE, STYLE_IDS, docxNumbering, docxStyles } from './docxStyles.ts';

function coverPage(model: ExportDocument): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] })];
  for (const line of model.cover) {
    const values = line.value.split('\n');
    out.push(
      new Paragraph({
        style: STYLE_IDS.cover,
        children: [
          new TextRun({ text: `${line.label}: `, bold: true }),
          ...values.map((v, i) => new TextRun({ text: v, break: i > 0 ? 1 : undefined })),
        ],
      }),
    );
  }
  if (model.wordCountLine) out.push(new Paragraph({ style: STYLE_IDS.cover, children: [new TextRun({ text: model.wordCountLine, italics: true })] }));
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function simpleTable(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      width: { size: Math.round(100 / header.length), type: WidthType.PERCENTAGE },
      children: text.split('\n').map((line) => new Paragraph({ style: bold ? STYLE_IDS.tableHeader : undefined, children: [new TextRun(line)] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function annexes(model: ExportDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (model.tagAnnex) {
    out.push(new Paragraph({ style: STYLE_IDS.annexHeading, pageBreakBefore: true, children: [new TextRun(annexTitles(model.language).tags)] }));
    const table = tagAnnexTable(model.tagAnnex, model.language);
    out.push(simpleTable(table.header, table.rows));
  }
  if (model.priorRecommendations) {
    out.push(new Paragraph({ style: STYLE_IDS.annexHeading, pageBreakBefore: true, children: [new TextRun(annexTitles(model.language).prior)] }));
    out.push(simpleTable(priorAnnexHeader(model.language), priorAnnexCells(model.priorRecommendations)));
  }
  return out;
}

function footer(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
}

/** The page header: the confidential marking on every page, the DRAFT watermark; none when neither applies. */
function header(model: ExportDocument): { default: Header } | undefined {
  const children: Paragraph[] = [];
  if (model.confidentialMarking) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: model.confidentialMarking, bold: true, size: 18 })] }));
  }
  if (model.options.watermark) children.push(new Paragraph({ children: [new TextWatermark({ text: 'DRAFT' })] }));
  return children.length > 0 ? { default: new Header({ children }) } : undefined;
}

/** Render the model; `onProgress` goes from 0.3 (the model is built) to 1. */
export async function renderDocx(model: ExportDocument, onProgress?: ProgressCallback): Promise<Uint8Array> {
  const ctx: DocxContext = { notes: model.options.notes, nextListInstance: 1 };
  const body: (Paragraph | Table)[] = [...coverPage(model)];
  model.sections.forEach((section, i) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    body.push(...docxBlocks(section.blocks, ctx));
    onProgress?.(0.3 + (0.4 * (i + 1)) / Math.max(1, model.sections.length));
  });
  body.push(...annexes(model));

  const notes = Object.fromEntries(model.notes.map((n) => [String(n.number), { children: [new Paragraph({ children: runs(n.inlines, ctx) })] }]));
  const section: ISectionOptions = {
    properties: {
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
      // Word and LibreOffice number endnotes i, ii, iii unless told; UPR endnotes are 1, 2, 3.
      endnoteProperties: { numberFormat: { type: NumberFormat.DECIMAL } },
    },
    headers: header(model),
    footers: { default: footer() },
    children: body,
  };
  const doc = new Document({
    title: model.title,
    // The document properties name the tool, never a person: no author, last editor or company (docProps).
    creator: 'Rightsdraft',
    lastModifiedBy: 'Rightsdraft',
    styles: docxStyles(model.language),
    numbering: docxNumbering(),
    ...(model.options.notes === 'endnotes' ? { endnotes: notes } : { footnotes: notes }),
    sections: [section],
  });
  onProgress?.(0.75);
  const bytes = await Packer.pack(doc, 'uint8array');
  onProgress?.(1);
  return bytes;
}
