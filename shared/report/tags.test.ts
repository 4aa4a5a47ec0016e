/**
 * Tags on sections: concurrent adds and removes merge, unknown ids survive, and filtering finds sections by a
 * tag or a narrower SDG tag. The randomised case prints its seed; replay a failure with TAG_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../test/helpers/random.ts';
import { addEarlierRecommendations } from './earlierRecommendations.ts';
import { addSection, getSection, initReport, listSections, setSectionTag } from './layout.ts';
import { describeReportTag, reportTags, sectionsWithTag } from './tags.ts';

function newReport(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('Section tags', () => {
  it('keeps both tags when two people tag the same section at once', () => {
    const a = newReport();
    const id = addSection(a, { title: 'Article 5', tags: ['ICERD:2'] });
    const b = new Y.Doc();
    sync(a, b);
    setSectionTag(a, id, 'ICERD:5', true);
    setSectionTag(b, id, 'SDG:5.2', true);
    setSectionTag(b, id, 'ICERD:2', false);
    sync(a, b);
    expect(getSection(a, id)!.tags).toEqual(['ICERD:5', 'SDG:5.2']);
    expect(getSection(b, id)!.tags).toEqual(getSection(a, id)!.tags);
  });

  it('converges when one person removes a tag another adds again at the same moment', () => {
    const a = newReport();
    const id = addSection(a, { title: 'S', tags: ['ICERD:5'] });
    const b = new Y.Doc();
    sync(a, b);
    setSectionTag(a, id, 'ICERD:5', false);
    setSectionTag(b, id, 'ICERD:5', true);
    sync(a, b);
    expect(getSection(a, id)!.tags).toEqual(getSection(b, id)!.tags);
  });

  it('converges under random concurrent tag edits delivered in random order', () => {
    const seed = Number(process.env.TAG_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    const origin = newReport();
    const sectionIds = [addSection(origin, { title: 'A' }), addSection(origin, { title: 'B' })];
    const docs = [origin, new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (const d of docs.slice(1)) sync(origin, d);
    const tags = ['ICERD:2', 'ICERD:5', 'SDG:5', 'SDG:5.2', 'CERD-GR:35', 'REC:A/HRC/46/15:26.45', 'local:unknown'];
    const pending: { update: Uint8Array; to: number }[] = [];
    docs.forEach((d, i) =>
      d.on('update', (update: Uint8Array, from: unknown) => {
        if (from !== 'remote') docs.forEach((_, j) => j !== i && pending.push({ update, to: j }));
      }),
    );
    for (let step = 0; step < 300; step++) {
      if (random() < 0.6) setSectionTag(pick(docs), pick(sectionIds), pick(tags), random() < 0.7);
      else if (pending.length > 0) {
        const { update, to } = pending.splice(Math.floor(random() * pending.length), 1)[0]!;
        Y.applyUpdate(docs[to]!, update, 'remote');
      }
    }
    while (pending.length > 0) {
      const { update, to } = pending.shift()!;
      Y.applyUpdate(docs[to]!, update, 'remote');
    }
    const outlines = docs.map((d) => JSON.stringify(listSections(d).map((s) => s.tags)));
    expect(new Set(outlines).size, `seed ${seed}`).toBe(1);
  });

  it('keeps and shows tags nobody knows', () => {
    const doc = newReport();
    const id = addSection(doc, { title: 'S', tags: ['local:roma-housing', 'ICERD:5'] });
    expect(getSection(doc, id)!.tags).toEqual(['ICERD:5', 'local:roma-housing']);
    expect(describeReportTag(doc, 'local:roma-housing')).toEqual({ id: 'local:roma-housing', kind: 'unknown', label: 'local:roma-housing' });
  });

  it('lists the sections with a tag, an SDG goal finding its targets and indicators', () => {
    const doc = newReport();
    const housing = addSection(doc, { title: 'Housing', tags: ['ICERD:5', 'SDG:11.1'] });
    const violence = addSection(doc, { title: 'Violence', tags: ['SDG:5.2.1'] });
    addSection(doc, { title: 'Other', tags: ['SDG:15.1'] });
    expect(sectionsWithTag(doc, 'ICERD:5').map((s) => s.id)).toEqual([housing]);
    expect(sectionsWithTag(doc, 'SDG:5').map((s) => s.id)).toEqual([violence]);
    expect(sectionsWithTag(doc, 'SDG:1').map((s) => s.id)).toEqual([]);
    expect(sectionsWithTag(doc, 'SDG:11').map((s) => s.id)).toEqual([housing]);
  });

  it("describes the report's tags, earlier recommendations included", () => {
    const doc = newReport();
    addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Combat hate speech', recommendedBy: ['Germany'] }]);
    const id = addSection(doc, { title: 'Hate speech', tags: ['REC:A/HRC/46/15:26.45', 'CERD-GR:35'] });
    expect(reportTags(doc)).toEqual([
      { id: 'CERD-GR:35', kind: 'general-comment', label: 'CERD general recommendation No. 35 (2013)', text: expect.any(String), sectionIds: [id] },
      { id: 'REC:A/HRC/46/15:26.45', kind: 'recommendation', label: 'A/HRC/46/15 para. 26.45 (Germany)', text: 'Combat hate speech', sectionIds: [id] },
    ]);
  });
});
