/** The PDF made in Node declares the language the text is in, and none when the text does not tell. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultExportOptions, exportInputFromDoc } from '../../../shared/export/index.ts';
import { addSection, getSectionBody, initReport } from '../../../shared/report/layout.ts';
import { exportInNode } from './exportInNode.ts';

async function pdfLanguage(text: string): Promise<string | null> {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Rapport', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const id = addSection(doc, { title: 'Section' });
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  getSectionBody(doc, id)!.insert(0, [p]);
  const file = await exportInNode(exportInputFromDoc(doc), 'pdf', defaultExportOptions('CERD'));
  return /\/Lang\s*\(([^)]*)\)/.exec(Buffer.from(file.bytes).toString('latin1'))?.[1] ?? null;
}

describe('the language of a PDF export', () => {
  it('is the language of the text, never English by default', async () => {
    expect(await pdfLanguage("Les enfants roms sont scolarisés dans des écoles séparées et la coalition demande la fin de la ségrégation.")).toBe('fr');
    expect(await pdfLanguage('Freedonia 2024: 1,204 / 1,187')).toBeNull();
  }, 60_000);
});
