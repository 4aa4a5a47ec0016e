import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate } from '../templates/applyTemplate.ts';
import { computeCoverage } from './coverage.ts';
import { addSection, getSectionBody, initReport, listSections, setSectionTag } from './layout.ts';
import { docOf, paragraph, recommendation, writeBody } from '../../test/helpers/yjsContent.ts';

const THIRTY_WORDS = 'The State has not adopted a law that protects tenants from forced evictions, and local authorities continue to demolish homes in informal settlements without notice, consultation, compensation or any offer of alternative housing today.';

/** A section that says something: a paragraph of more than 30 words. */
function write(doc: Y.Doc, id: string, ...content: Parameters<typeof docOf>): void {
  writeBody(getSectionBody(doc, id)!, docOf(...content));
}


function report(mechanism: 'CERD' | 'UPR' | 'CAT'): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  return doc;
}

describe('Coverage', () => {
  it('lists the substantive articles the CERD template addresses, and those it leaves out', () => {
    const doc = report('CERD');
    applyTemplate(doc, 'cerd', { mechanism: 'CERD', submissionType: null });
    for (const s of listSections(doc)) write(doc, s.id, paragraph(THIRTY_WORDS));
    const coverage = computeCoverage(doc);
    expect(coverage.treaty).toBe('ICERD');
    expect(coverage.articles.total).toBe(7);
    expect(coverage.articles.addressed).toBe(6);
    expect(coverage.articles.notAddressed).toEqual(['ICERD:1']);
    const art5 = coverage.articles.items.find((i) => i.id === 'ICERD:5')!;
    expect(art5.addressedBy.map((s) => s.title)).toEqual(['Article 5']);
  });

  it('counts a goal addressed by a section tagged with one of its targets or indicators', () => {
    const doc = report('CERD');
    const housing = addSection(doc, { title: 'Housing', tags: ['SDG:11.1', 'ICERD:5'] });
    const violence = addSection(doc, { title: 'Violence', tags: ['SDG:5.2.1'] });
    const education = addSection(doc, { title: 'Education', tags: ['SDG:4'] });
    for (const id of [housing, violence, education]) write(doc, id, paragraph(THIRTY_WORDS));
    const { sdgs, articles } = computeCoverage(doc);
    expect(sdgs.total).toBe(17);
    expect(sdgs.addressed).toBe(3);
    expect(sdgs.items.filter((i) => i.addressedBy.length > 0).map((i) => i.id)).toEqual(['SDG:4', 'SDG:5', 'SDG:11']);
    expect(sdgs.notAddressed).toHaveLength(14);
    expect(sdgs.notAddressed).not.toContain('SDG:5');
    expect(articles.items.find((i) => i.id === 'ICERD:5')!.addressedBy).toEqual([{ sectionId: housing, title: 'Housing' }]);
  });

  it('follows tag edits, and ignores procedural articles and other treaties', () => {
    const doc = report('CAT');
    const id = addSection(doc, { title: 'Custody', tags: ['CAT:2', 'CAT:22', 'ICCPR:7'] });
    write(doc, id, paragraph(THIRTY_WORDS));
    expect(computeCoverage(doc).articles).toMatchObject({ total: 16, addressed: 1 });
    setSectionTag(doc, id, 'CAT:2', false);
    setSectionTag(doc, id, 'CAT:16', true);
    const items = computeCoverage(doc).articles.items.filter((i) => i.addressedBy.length > 0);
    expect(items.map((i) => i.id)).toEqual(['CAT:16']);
    expect(listSections(doc)).toHaveLength(1);
  });

  it('has no articles for the UPR, which reviews every obligation, but covers the SDGs', () => {
    const doc = report('UPR');
    write(doc, addSection(doc, { title: 'Poverty', tags: ['SDG:1.2'] }), paragraph(THIRTY_WORDS));
    const coverage = computeCoverage(doc);
    expect(coverage.treaty).toBeNull();
    expect(coverage.articles).toEqual({ items: [], addressed: 0, total: 0, notAddressed: [] });
    expect(coverage.sdgs.addressed).toBe(1);
  });
});

describe('Coverage counts what the report says', () => {
  it('on a blank report from the CERD template, counts no article as addressed: its sections are tagged, not written', () => {
    const doc = report('CERD');
    applyTemplate(doc, 'cerd', { mechanism: 'CERD', submissionType: null });
    const coverage = computeCoverage(doc);
    expect(coverage.articles.addressed).toBe(0);
    const art5 = coverage.articles.items.find((i) => i.id === 'ICERD:5')!;
    expect(art5.addressedBy).toEqual([]);
    expect(art5.taggedNotWritten.map((s) => s.title)).toEqual(['Article 5']);
  });

  it('counts a tagged section once it holds at least 30 words', () => {
    const doc = report('CERD');
    const id = addSection(doc, { title: 'Housing', tags: ['ICERD:5'] });
    write(doc, id, paragraph('Evictions continue.'));
    expect(computeCoverage(doc).articles.addressed).toBe(0);
    write(doc, id, paragraph(THIRTY_WORDS));
    const coverage = computeCoverage(doc);
    expect(coverage.articles.addressed).toBe(1);
    expect(coverage.articles.items.find((i) => i.id === 'ICERD:5')!.taggedNotWritten).toEqual([]);
  });

  it('counts passage tags and recommendation-block tags, including sub-paragraphs of an article', () => {
    const doc = report('CERD');
    const id = addSection(doc, { title: 'Situation' });
    write(
      doc,
      id,
      paragraph('Roma families ', { type: 'text', text: 'are evicted', marks: [{ type: 'passageTag', attrs: { tag: 'ICERD:5(e)(iii)' } }, { type: 'passageTag', attrs: { tag: 'SDG:11.1' } }] }, '.'),
      recommendation('Stop forced evictions.', { tags: ['ICERD:2'] }),
    );
    const coverage = computeCoverage(doc);
    expect(coverage.articles.items.filter((i) => i.addressedBy.length > 0).map((i) => i.id)).toEqual(['ICERD:2', 'ICERD:5']);
    expect(coverage.sdgs.items.filter((i) => i.addressedBy.length > 0).map((i) => i.id)).toEqual(['SDG:11']);
  });

  it('shows UPR themes for a UPR report, from sections, passages and recommendations', () => {
    const doc = report('UPR');
    const a = addSection(doc, { title: 'Justice', tags: ['UPR-THEME:access-to-justice-and-remedy'] });
    write(doc, a, paragraph(THIRTY_WORDS));
    addSection(doc, { title: 'Empty', tags: ['UPR-THEME:advancement-of-women'] });
    const b = addSection(doc, { title: 'Education' });
    write(doc, b, paragraph('Children ', { type: 'text', text: 'leave school', marks: [{ type: 'passageTag', attrs: { tag: 'UPR-THEME:right-to-education' } }] }));
    const { uprThemes } = computeCoverage(doc);
    expect(uprThemes).not.toBeNull();
    expect(uprThemes!.total).toBeGreaterThan(50);
    expect(uprThemes!.items.filter((i) => i.addressedBy.length > 0).map((i) => i.id)).toEqual(['UPR-THEME:access-to-justice-and-remedy', 'UPR-THEME:right-to-education']);
    expect(uprThemes!.items.find((i) => i.id === 'UPR-THEME:advancement-of-women')!.taggedNotWritten.map((s) => s.title)).toEqual(['Empty']);
    expect(computeCoverage(report('CERD')).uprThemes).toBeNull();
  });
});
