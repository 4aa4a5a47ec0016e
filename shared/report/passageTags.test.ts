import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docOf, footnote, paragraph, recommendation, writeBody } from '../../test/helpers/yjsContent.ts';
import type { PmNode } from './content.ts';
import { addSection, getSectionBody, initReport } from './layout.ts';
import { recommendationTags, taggedPassages } from './passageTags.ts';
import { reportTags } from './tags.ts';

const t = (text: string, ...tags: string[]): PmNode => ({ type: 'text', text, marks: tags.map((tag) => ({ type: 'passageTag', attrs: { tag } })) });

describe('Passage tags read from a section body', () => {
  it('joins adjacent runs with one tag into one passage, per tag, and leaves footnotes out', () => {
    const body = docOf(
      paragraph('Before ', t('Roma ', 'ICERD:5'), { type: 'text', text: 'families', marks: [{ type: 'bold' }, { type: 'passageTag', attrs: { tag: 'ICERD:5' } }, { type: 'passageTag', attrs: { tag: 'SDG:11.1' } }] }, footnote('A note.'), t(' evicted', 'SDG:11.1'), ' after.'),
      paragraph(t('Second paragraph', 'ICERD:5')),
    );
    expect(taggedPassages(body)).toEqual([
      { tag: 'ICERD:5', text: 'Roma families' },
      { tag: 'SDG:11.1', text: 'families evicted' },
      { tag: 'ICERD:5', text: 'Second paragraph' },
    ]);
  });

  it('ignores marks without a usable tag, and reads recommendation-block tags', () => {
    const body = docOf(
      paragraph({ type: 'text', text: 'x', marks: [{ type: 'passageTag', attrs: { tag: 42 } }, { type: 'passageTag' }] }),
      recommendation('Adopt a law.', { tags: ['ICERD:2', 'SDG:10.3'] }),
    );
    expect(taggedPassages(body)).toEqual([]);
    expect(recommendationTags(body)).toEqual(['ICERD:2', 'SDG:10.3']);
  });

  it('lists passage and recommendation tags among the report\'s tags, with their sections', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 4 });
    const a = addSection(doc, { title: 'A', tags: ['ICERD:5'] });
    const b = addSection(doc, { title: 'B' });
    writeBody(getSectionBody(doc, b)!, docOf(paragraph(t('evicted', 'ICERD:5(e)(iii)')), recommendation('Stop.', { tags: ['ICERD:5'] })));
    const tags = reportTags(doc);
    expect(tags.find((x) => x.id === 'ICERD:5')!.sectionIds).toEqual([a, b]);
    expect(tags.find((x) => x.id === 'ICERD:5(e)(iii)')).toMatchObject({ label: 'ICERD article 5(e)(iii)', sectionIds: [b] });
  });
});
