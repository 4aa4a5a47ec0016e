import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, deleteSection, getSectionBody, initReport, observeSectionChanges, renameSection } from '../../../../shared/report/layout.ts';
import { reportWords } from '../../../../shared/submission/reportWords.ts';
import { cachedSectionWords } from './sectionWordsCache.ts';

function paragraph(doc: Y.Doc, sectionId: string, text: string): Y.XmlText {
  const t = new Y.XmlText();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [t]);
  const body = getSectionBody(doc, sectionId)!;
  body.insert(body.length, [p]);
  t.insert(0, text);
  return t;
}

describe('observeSectionChanges', () => {
  it('names the sections a change touched: typing, renaming, adding and deleting', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'R', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
    const a = addSection(doc, { title: 'A' });
    const b = addSection(doc, { title: 'B' });
    const text = paragraph(doc, a, 'One two');
    const seen: string[][] = [];
    observeSectionChanges(doc, (ids) => seen.push([...ids]));
    text.insert(text.length, ' three');
    renameSection(doc, b, 'Bee');
    const c = addSection(doc, { title: 'C' });
    deleteSection(doc, a);
    expect(seen).toEqual([[a], [b], [c], [a]]);
  });
});

describe('cachedSectionWords', () => {
  it('gives the same report counts as a full recount through typing, notes of other people, and sections added and deleted', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'R', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
    const ids = Array.from({ length: 5 }, (_, i) => addSection(doc, { title: `S${i}` }));
    const texts = ids.map((id, i) => paragraph(doc, id, `Section ${i} has some words`));
    const same = () => expect(reportWords(doc, cachedSectionWords)).toEqual(reportWords(doc));
    same();
    texts[2]!.insert(texts[2]!.length, ' and three more');
    same();
    // A co-author's change arrives as an update.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    paragraph(other, ids[4]!, 'Another paragraph of five');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    same();
    deleteSection(doc, ids[0]!);
    const added = addSection(doc, { title: 'New' });
    paragraph(doc, added, 'Fresh words here');
    same();
    expect(reportWords(doc, cachedSectionWords).total).toBe(reportWords(doc).total);
  });
});
