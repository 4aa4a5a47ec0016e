import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { setCoverFields } from '../report/coverFields.ts';
import { exportReport } from './exportReport.ts';
import { exportInputFromDoc } from './input.ts';
import { defaultExportOptions } from './options.ts';

function reportIn(text: string): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Rapport', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const id = addSection(doc, { title: 'Section' });
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  getSectionBody(doc, id)!.insert(0, [p]);
  return doc;
}

/** The document language a .docx claims for its text (`w:lang w:val` of the default run style), or null. */
async function docxLanguage(doc: Y.Doc): Promise<string | null> {
  const { bytes } = await exportReport(exportInputFromDoc(doc), { format: 'docx', options: defaultExportOptions('CERD') });
  const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
  return /<w:lang [^>]*w:val="([^"]+)"/.exec(styles)?.[1] ?? null;
}

const FRENCH = "Les enfants roms sont scolarisés dans des écoles séparées et la coalition demande à l'État de mettre fin à la ségrégation dans les écoles de la région.";
const ENGLISH = 'Roma children are placed in separate schools and the coalition asks the State to end the segregation of the schools in the region.';
const ARABIC = 'تطالب منظمات حقوق المرأة في كل مكان بحماية فعلية من العنف المنزلي ومن التمييز في العمل والتعليم والصحة';

describe('the language an export claims', () => {
  it('never claims English for a French report whose cover names no language', async () => {
    expect(await docxLanguage(reportIn(FRENCH))).not.toBe('en');
  });

  it('names the language the text is written in when it can tell, and the cover field first', async () => {
    expect(await docxLanguage(reportIn(FRENCH))).toBe('fr');
    expect(await docxLanguage(reportIn(ENGLISH))).toBe('en');
    expect(await docxLanguage(reportIn(ARABIC))).toBe('ar');
    const doc = reportIn(ENGLISH);
    setCoverFields(doc, { language: 'es' });
    expect(await docxLanguage(doc)).toBe('es');
  });

  it('claims no language when the text does not show one', async () => {
    expect(await docxLanguage(reportIn('Freedonia 2024: 1,204 / 1,187'))).toBeNull();
  });
});
