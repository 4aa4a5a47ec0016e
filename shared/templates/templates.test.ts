import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MECHANISMS, type Mechanism } from '../api/mechanisms.ts';
import { getCoverFields } from '../report/coverFields.ts';
import { initReport, listSections } from '../report/layout.ts';
import { MECHANISM_TREATY } from '../taxonomy/treaties.ts';
import { applyTemplate } from './applyTemplate.ts';
import { defaultTemplateFor, templateFits, templatesFor, type TemplateId } from './templateIds.ts';

function reportFrom(template: TemplateId, mechanism: Mechanism, submissionType: 'individual' | 'joint' | null = null) {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Shadow report', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  applyTemplate(doc, template, { mechanism, submissionType });
  return doc;
}

const outline = (doc: Y.Doc) => listSections(doc).map((s) => [s.title, s.tags]);

describe('Report templates', () => {
  it('gives CERD reports ICERD articles 2 to 7 in their own tagged sections', () => {
    expect(outline(reportFrom('cerd', 'CERD'))).toEqual([
      ['Introduction', []],
      ['Methodology and the coalition', []],
      ['Article 2', ['ICERD:2']],
      ['Article 3', ['ICERD:3']],
      ['Article 4', ['ICERD:4']],
      ['Article 5', ['ICERD:5']],
      ['Article 6', ['ICERD:6']],
      ['Article 7', ['ICERD:7']],
      ['Recommendations', []],
    ]);
  });

  it('gives CEDAW reports articles 1 to 16 with their captions', () => {
    const sections = outline(reportFrom('cedaw', 'CEDAW'));
    expect(sections).toHaveLength(19);
    expect(sections[2]).toEqual(['Article 1: Discrimination', ['CEDAW:1']]);
    expect(sections[11]).toEqual(['Article 10: Education', ['CEDAW:10']]);
    expect(sections[17]).toEqual(['Article 16: Marriage and Family Life', ['CEDAW:16']]);
    expect(sections.at(-1)).toEqual(['Recommendations', []]);
  });

  it('gives UPR submissions the OHCHR structure, naming one or several organisations', () => {
    const joint = reportFrom('upr', 'UPR', 'joint');
    expect(outline(joint).map(([title]) => title)).toEqual([
      'Introduction and the submitting organisations',
      'Methodology and consultation',
      "Follow-up of the previous cycle's recommendations",
      'Thematic issues',
      'Recommendations',
    ]);
    expect(listSections(reportFrom('upr', 'UPR', 'individual'))[0]!.title).toBe('Introduction and the submitting organisation');
  });

  it.each(['CERD', 'CEDAW', 'CCPR', 'CESCR', 'CAT', 'CRC', 'CRPD', 'CMW', 'CED'] as const)('gives %s reports the generic treaty-body template too', (mechanism) => {
    const titles = listSections(reportFrom('treaty', mechanism)).map((s) => s.title);
    expect(titles[0]).toBe('Introduction');
    expect(titles).toContain('Follow-up of the previous concluding observations');
    expect(titles).toContain(`Issues under ${MECHANISM_TREATY[mechanism]}`);
    expect(titles.at(-1)).toBe('Recommendations');
  });

  it('starts a templated report with paragraph numbering on', () => {
    expect(getCoverFields(reportFrom('cerd', 'CERD')).paragraphNumbering).toBe(true);
  });

  it('offers each mechanism its own template first, and refuses templates of other mechanisms', () => {
    expect(defaultTemplateFor('CERD')).toBe('cerd');
    expect(defaultTemplateFor('UPR')).toBe('upr');
    expect(defaultTemplateFor('CAT')).toBe('cat');
    expect(templatesFor('CEDAW')).toEqual(['cedaw', 'loi', 'followup', 'treaty']);
    expect(templatesFor('UPR')).toEqual(['upr']);
    expect(templateFits('cerd', 'CEDAW')).toBe(false);
    expect(templateFits('treaty', 'UPR')).toBe(false);
    for (const m of MECHANISMS) expect(templateFits(defaultTemplateFor(m), m), m).toBe(true);
  });
});
