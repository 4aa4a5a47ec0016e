import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { reportContent } from '../report/content.ts';
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
