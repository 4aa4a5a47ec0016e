/**
 * The report's language reaches the words Rightsdraft writes into it: the sections a template starts with, the
 * export's cover and annex headings, and the document language; a language without translations falls back to
 * English instead of guessing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCoverFields } from '../report/coverFields.ts';
import { initReport, listSections } from '../report/layout.ts';
import { applyTemplate } from '../templates/applyTemplate.ts';
import { buildExportModel } from '../export/buildModel.ts';
import { exportInputFromDoc } from '../export/input.ts';
import { defaultExportOptions } from '../export/options.ts';
import { languageDirection, pickUiLanguage } from './languages.ts';
import { sectionTitle } from './documentWords.ts';

function templated(language: string, template: 'upr' | 'cedaw' | 'loi', mechanism: 'UPR' | 'CEDAW' = 'UPR'): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  applyTemplate(doc, template, { mechanism, submissionType: null, language });
  if (language) setCoverFields(doc, { language });
  return doc;
}

const titles = (doc: Y.Doc) => listSections(doc).map((s) => s.title);

describe('the report language', () => {
  it('[RL1] titles the UPR template sections in French and Spanish, and keeps English for English', () => {
    expect(titles(templated('fr', 'upr'))).toEqual([
      'Introduction et organisation auteure',
      'Méthodologie et consultation',
      'Suivi des recommandations du cycle précédent',
      'Questions thématiques',
      'Recommandations',
    ]);
    expect(titles(templated('es-419', 'upr'))[4]).toBe('Recomendaciones');
    expect(titles(templated('en', 'upr'))[2]).toBe("Follow-up of the previous cycle's recommendations");
  });

  it('[RL2] numbers translated article sections without the English-only captions', () => {
    const fr = titles(templated('fr', 'cedaw', 'CEDAW'));
    expect(fr).toContain('Article 10');
    expect(fr.some((t) => /Education/.test(t))).toBe(false);
    expect(titles(templated('en', 'cedaw', 'CEDAW')).some((t) => t.startsWith('Article 10: '))).toBe(true);
    expect(sectionTitle('Issue 2', 'es')).toBe('Cuestión 2');
  });

  it('[RL3] writes the export cover and annex words in the report language, and declares it', () => {
    const model = buildExportModel(exportInputFromDoc(templated('es', 'upr')), defaultExportOptions('UPR'));
    expect(model.language).toBe('es');
    expect(model.cover.map((l) => l.label)).toEqual(expect.arrayContaining(['Mecanismo', 'Estado examinado']));
    expect(model.cover.find((l) => l.label === 'Mecanismo')?.value).toBe('Examen Periódico Universal (EPU)');
  });

  it('[RL4] falls back to English words for a language it has no translation for', () => {
    const model = buildExportModel(exportInputFromDoc(templated('sw', 'upr')), defaultExportOptions('UPR'));
    expect(model.language).toBe('sw');
    expect(model.cover.map((l) => l.label)).toContain('State under review');
  });

  it('[RL5] picks the interface language from the browser, and the direction of a language', () => {
    expect(pickUiLanguage(['de-CH', 'fr-CA', 'en'])).toBe('fr');
    expect(pickUiLanguage(['de'])).toBe('en');
    expect(pickUiLanguage(['zh-Hans-CN'])).toBe('zh');
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('ar-EG')).toBe('rtl');
    expect(languageDirection('ru')).toBe('ltr');
  });
});
