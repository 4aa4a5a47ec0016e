import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEarlierRecommendations } from '../../../../shared/report/earlierRecommendations.ts';
import { addSection, getSectionBody, initReport, setSectionTag } from '../../../../shared/report/layout.ts';
import { docOf, paragraph, writeBody } from '../../../../test/helpers/yjsContent.ts';
import { computeCoverage } from '../../../../shared/report/coverage.ts';
import { reportTags } from '../../../../shared/report/tags.ts';
import { coverageModel } from './coverageModel.ts';

const taxonomy = { computeCoverage, reportTags };

function report(mechanism: 'UPR' | 'CERD') {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  return doc;
}

describe('Coverage view model', () => {
  it('lists, for a UPR report, the treaty articles and other tags its sections cite, but not the SDGs and UPR themes it counts already', () => {
    const doc = report('UPR');
    const housing = addSection(doc, { title: 'Housing', tags: ['SDG:11.1', 'ICERD:5', 'UPR-THEME:right-to-adequate-housing'] });
    writeBody(
      getSectionBody(doc, housing)!,
      docOf(paragraph('Thousands of families in informal settlements have been evicted since the last review, without notice, without consultation and without any offer of alternative housing or compensation for the homes that were destroyed.')),
    );
    const follow = addSection(doc, { title: 'Follow-up' });
    const [rec] = addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.1', text: 'Ratify OP-CAT', recommendedBy: ['Denmark'] }]).ids;
    setSectionTag(doc, follow, rec!, true);
    setSectionTag(doc, follow, 'ICERD:5', true);
    setSectionTag(doc, follow, 'XYZ:1', true);
    const model = coverageModel(taxonomy, doc);
    expect(model.treaty).toBeNull();
    expect(model.sdgs.items.find((i) => i.id === 'SDG:11')!.addressedBy.map((s) => s.title)).toEqual(['Housing']);
    expect(model.others.map((o) => [o.id, o.kind, o.sections.map((s) => s.title)])).toEqual([
      ['ICERD:5', 'article', ['Housing', 'Follow-up']],
      ['REC:A/HRC/46/15:26.1', 'recommendation', ['Follow-up']],
      ['XYZ:1', 'unknown', ['Follow-up']],
    ]);
    expect(model.others.find((o) => o.id.startsWith('REC:'))!.label).toBe('A/HRC/46/15 para. 26.1 (Denmark)');
  });

  it('keeps a treaty report’s own substantive articles in their group, not among the other tags', () => {
    const doc = report('CERD');
    const id = addSection(doc, { title: 'Article 5', tags: ['ICERD:5', 'CERD-GR:35', 'CEDAW:10'] });
    writeBody(
      getSectionBody(doc, id)!,
      docOf(paragraph('Roma families ', { type: 'text', text: 'are evicted', marks: [{ type: 'passageTag', attrs: { tag: 'ICERD:5(e)(iii)' } }] }, ' from their homes.')),
    );
    const model = coverageModel(taxonomy, doc);
    expect(model.articles.items.find((i) => i.id === 'ICERD:5')!.addressedBy).toHaveLength(1);
    expect(model.others.map((o) => o.id)).toEqual(['CEDAW:10', 'CERD-GR:35']);
  });

  it('lists, for a UPR report, the UPR themes in their own group and not among the other tags', () => {
    const doc = report('UPR');
    addSection(doc, { title: 'Housing', tags: ['UPR-THEME:right-to-adequate-housing', 'CEDAW:10'] });
    const model = coverageModel(taxonomy, doc);
    expect(model.uprThemes!.items.find((i) => i.id === 'UPR-THEME:right-to-adequate-housing')!.taggedNotWritten.map((s) => s.title)).toEqual(['Housing']);
    expect(model.others.map((o) => o.id)).toEqual(['CEDAW:10']);
  });
});
