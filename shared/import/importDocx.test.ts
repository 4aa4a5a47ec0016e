import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strToU8, zipSync } from 'fflate';
import { getSchema } from '@tiptap/core';
import { TableMap } from '@tiptap/pm/tables';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { nodeText, reportContent, type PmNode } from '../report/content.ts';
import { editorExtensions } from '../schema/extensions.ts';
import { defaultExportOptions, exportInputFromDoc, exportReport } from '../export/index.ts';
import { importIntoSection, parseDocx, writeImportedSections } from './importDocx.ts';

const schema = getSchema(editorExtensions());

function sourceReport(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Source', mechanism: 'CRC', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  const id = addSection(doc, { title: 'Child labour' });
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Children work in mines.' }, { type: 'footnote', content: [{ type: 'text', text: 'ILO 2022.' }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inspect mines' }] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'monthly' }] }] }] }] }] },
      ],
    },
    getSectionBody(doc, id)!,
  );
  return doc;
}

async function exported(): Promise<Uint8Array> {
  return (await exportReport(exportInputFromDoc(sourceReport()), { format: 'docx', options: defaultExportOptions('CRC') })).bytes;
}

describe('importing into a report', () => {
  it('adds imported sections after a chosen section, nested lists and notes kept', async () => {
    const { sections } = parseDocx(await exported());
    const doc = new Y.Doc();
    initReport(doc, { title: 'Target', mechanism: 'CRC', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    const first = addSection(doc, { title: 'First' });
    addSection(doc, { title: 'Last' });
    writeImportedSections(doc, sections, { after: first });
    const content = reportContent(doc);
    expect(content.sections.map((s) => s.title)).toEqual(['First', 'Child labour', 'Last']);
    expect(content.sections[1]!.content).toEqual(reportContent(sourceReport()).sections[0]!.content);
    expect(content.sections[1]!.notes).toEqual(['ILO 2022.']);
  });

  it('appends to an existing section under a heading, keeping what is there', async () => {
    const { sections } = parseDocx(await exported());
    const doc = new Y.Doc();
    initReport(doc, { title: 'Target', mechanism: 'CRC', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    const id = addSection(doc, { title: 'Existing' });
    const body = getSectionBody(doc, id)!;
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('Already written.')]);
    body.insert(0, [para]);
    importIntoSection(doc, id, sections);
    expect(body.get(0)).toBe(para);
    expect(reportContent(doc).sections[0]!.text).toBe('Already written.\nChild labour\nChildren work in mines.\nInspect mines\nmonthly');
  });
});

/** A .docx holding `body` as word/document.xml's body, and any other parts given (footnotes ...). */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const ns =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml.replace('<w:footnotes>', `<w:footnotes ${ns}>`));
  return zipSync(files);
}

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
/** A table cell: `props` go into w:tcPr (gridSpan, vMerge); a cell continuing a merge holds an empty paragraph, as Word writes it. */
const tc = (text: string | null, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text === null ? '<w:p/>' : p(text)}</w:tc>`;
const tr = (cells: string[], rowProps = '') => `<w:tr>${rowProps ? `<w:trPr>${rowProps}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const merged = '<w:vMerge w:val="continue"/>';

/** The first table imported from a document, as checked by the editor schema and prosemirror-tables. */
function importedTable(bytes: Uint8Array): PmNode {
  const { sections } = parseDocx(bytes);
  const table = sections[0]!.content.content!.find((n) => n.type === 'table')!;
  const node = schema.nodeFromJSON(table);
  node.check();
  // No overlapping cells, and every row as wide as the table: what the editor would otherwise "fix" by adding cells.
  expect(TableMap.get(node).problems).toBeNull();
  return table;
}

/** Each row's cells as "text colspan×rowspan" (header cells marked with #). */
function cellGrid(table: PmNode): string[][] {
  return table.content!.map((row) =>
    row.content!.map((cell) => `${cell.type === 'tableHeader' ? '#' : ''}${nodeText(cell)} ${String(cell.attrs!.colspan)}×${String(cell.attrs!.rowspan)}`),
  );
}

describe('importing merged table cells', () => {
  it('merges cells down a column (w:vMerge) into one cell with a rowspan, instead of empty cells below it', () => {
    const table = importedTable(
      docx(
        tbl(
          tr([tc('Region'), tc('Year'), tc('Cases')], '<w:tblHeader/>'),
          tr([tc('North', restart), tc('2022'), tc('10')]),
          tr([tc(null, merged), tc('2023'), tc('12')]),
          // A vMerge without a value continues too.
          tr([tc(null, '<w:vMerge/>'), tc('2024'), tc('15')]),
          tr([tc('South'), tc('2022'), tc('7')]),
        ),
      ),
    );
    expect(cellGrid(table)).toEqual([
      ['#Region 1×1', '#Year 1×1', '#Cases 1×1'],
      ['North 1×3', '2022 1×1', '10 1×1'],
      ['2023 1×1', '12 1×1'],
      ['2024 1×1', '15 1×1'],
      ['South 1×1', '2022 1×1', '7 1×1'],
    ]);
  });

  it('reads rows and cells inside content controls, and a header row only when tblHeader is on', () => {
    const sdt = (inner: string) => `<w:sdt><w:sdtPr/><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const table = importedTable(
      docx(
        tbl(
          tr([tc('Region'), tc('Cases')], '<w:tblHeader w:val="0"/>'),
          sdt(tr([tc('North'), sdt(tc('10'))])),
          tr([tc('South'), tc('7')], '<w:tblHeader w:val="true"/>'),
        ),
      ),
    );
    expect(cellGrid(table)).toEqual([
      ['Region 1×1', 'Cases 1×1'],
      ['North 1×1', '10 1×1'],
      ['#South 1×1', '#7 1×1'],
    ]);
  });

  it('spans columns (w:gridSpan), merges blocks both ways, and keeps the columns a row skips (gridBefore, gridAfter)', () => {
    const table = importedTable(
      docx(
        tbl(
          tr([tc('Indicator', span(2)), tc('2023')]),
          tr([tc('Women', restart), tc('Employment'), tc('45%')]),
          tr([tc(null, merged), tc('Unpaid care'), tc('20 h')]),
          tr([tc('Block', span(2) + restart), tc('a')]),
          tr([tc(null, span(2) + merged), tc('b')]),
          tr([tc('Note', span(2))], '<w:gridBefore w:val="1"/>'),
          tr([tc('Source')], '<w:gridAfter w:val="2"/>'),
        ),
      ),
    );
    expect(cellGrid(table)).toEqual([
      ['Indicator 2×1', '2023 1×1'],
      ['Women 1×2', 'Employment 1×1', '45% 1×1'],
      ['Unpaid care 1×1', '20 h 1×1'],
      ['Block 2×2', 'a 1×1'],
      ['b 1×1'],
      [' 1×1', 'Note 2×1'],
      ['Source 1×1', ' 2×1'],
    ]);
  });

  it('leaves out a row whose cells all continue merges, and keeps a continuation with nothing above as an empty cell', () => {
    const table = importedTable(
      docx(
        tbl(
          tr([tc(null, merged), tc('Top')]),
          tr([tc('A', restart), tc('B', restart)]),
          tr([tc(null, merged), tc(null, merged)]),
          tr([tc(null, merged), tc('C')]),
        ),
      ),
    );
    expect(cellGrid(table)).toEqual([
      [' 1×1', 'Top 1×1'],
      ['A 1×2', 'B 1×1'],
      ['C 1×1'],
    ]);
  });

  it('keeps merged cells through export and import', async () => {
    const cell = (type: 'tableCell' | 'tableHeader', text: string, colspan = 1, rowspan = 1): PmNode => ({
      type,
      attrs: { colspan, rowspan, colwidth: null },
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const row = (...content: PmNode[]): PmNode => ({ type: 'tableRow', content });
    const table: PmNode = {
      type: 'table',
      content: [
        row(cell('tableHeader', 'Region'), cell('tableHeader', 'Cases', 2)),
        row(cell('tableCell', 'North', 1, 2), cell('tableCell', '2022'), cell('tableCell', '10')),
        row(cell('tableCell', '2023'), cell('tableCell', '12')),
        row(cell('tableCell', 'South and east', 2, 2), cell('tableCell', '7')),
        row(cell('tableCell', '9')),
      ],
    };
    const doc = new Y.Doc();
    initReport(doc, { title: 'Cases', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    const id = addSection(doc, { title: 'Violence against women' });
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [table] }, getSectionBody(doc, id)!);
    const { bytes } = await exportReport(exportInputFromDoc(doc), { format: 'docx', options: { ...defaultExportOptions('CEDAW'), includeAnnex: false } });

    const { sections } = parseDocx(bytes);
    expect(sections.map((s) => s.title)).toEqual(['Violence against women']);
    expect(sections[0]!.content.content).toEqual([table]);
  });
});

describe('images in an imported document', () => {
  const drawing = '<w:drawing><wp:inline><wp:extent cx="100" cy="100"/></wp:inline></w:drawing>';
  const vmlPicture = '<w:pict><v:shape><v:imagedata o:title="photo"/></v:shape></w:pict>';

  it('counts the images it leaves out, once each, in the body, tables and notes', () => {
    const body = [
      `<w:p><w:r><w:t xml:space="preserve">Shelters by region </w:t></w:r><w:r>${drawing}</w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
      tbl(tr([tc('Map'), `<w:tc><w:p><w:r>${drawing}</w:r></w:p></w:tc>`])),
      // Word writes a drawing with a VML fallback of the same picture: one image.
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${vmlPicture}</mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      // An embedded object shows as a picture; a VML horizontal rule and a deleted picture are not images left out.
      `<w:p><w:r><w:object>${vmlPicture.replace(/w:pict/g, 'v:group')}</w:object></w:r></w:p>`,
      '<w:p><w:r><w:pict><v:rect o:hr="t"/></w:pict></w:r></w:p>',
      `<w:p><w:del w:id="9"><w:r>${drawing}</w:r></w:del><w:r><w:t>End.</w:t></w:r></w:p>`,
    ].join('');
    const footnotes = `<w:footnotes><w:footnote w:id="1"><w:p><w:r><w:t>Photo: shelter network.</w:t></w:r><w:r>${vmlPicture}</w:r></w:p></w:footnote></w:footnotes>`;
    const result = parseDocx(docx(body, { 'word/footnotes.xml': footnotes }));
    // Drawings without a picture (these have no a:blip) and pictures in notes cannot come; each is named.
    expect(result.skipped).toEqual({
      images: 5,
      which: ['a shape or drawing', 'an older (VML) picture', 'a shape or drawing', 'a shape or drawing', 'an embedded object'],
    });
    const text = nodeText(result.sections[0]!.content, { notes: 'inline' });
    expect(text).toContain('Shelters by region');
    expect(text).toContain('Photo: shelter network.');
    expect(text).toContain('End.');
  });

  it('counts none in a document without images', async () => {
    expect(parseDocx(await exported()).skipped).toEqual({ images: 0 });
  });
});
