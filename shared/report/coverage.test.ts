import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate } from '../templates/applyTemplate.ts';
import { computeCoverage } from './coverage.ts';
import { addSection, initReport, listSections, setSectionTag } from './layout.ts';

function report(mechanism: 'CERD' | 'UPR' | 'CAT'): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  return doc;
}

describe('Coverage', () => {
  it('lists the substantive articles the CERD template addresses, and those it leaves out', () => {
    const doc = report('CERD');
    applyTemplate(doc, 'cerd', { mechanism: 'CERD', submissionType: null });
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
    addSection(doc, { title: 'Violence', tags: ['SDG:5.2.1'] });
    addSection(doc, { title: 'Education', tags: ['SDG:4'] });
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
    expect(computeCoverage(doc).articles).toMatchObject({ total: 16, addressed: 1 });
    setSectionTag(doc, id, 'CAT:2', false);
    setSectionTag(doc, id, 'CAT:16', true);
    const items = computeCoverage(doc).articles.items.filter((i) => i.addressedBy.length > 0);
    expect(items.map((i) => i.id)).toEqual(['CAT:16']);
    expect(listSections(doc)).toHaveLength(1);
  });

  it('has no articles for the UPR, which reviews every obligation, but covers the SDGs', () => {
    const doc = report('UPR');
    addSection(doc, { title: 'Poverty', tags: ['SDG:1.2'] });
    const coverage = computeCoverage(doc);
    expect(coverage.treaty).toBeNull();
    expect(coverage.articles).toEqual({ items: [], addressed: 0, total: 0, notAddressed: [] });
    expect(coverage.sdgs.addressed).toBe(1);
  });
});
