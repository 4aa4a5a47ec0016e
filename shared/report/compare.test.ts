import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareReports, diffText } from './compare.ts';
import { reportContent } from './content.ts';
import { addSection, deleteSection, getSectionBody, initReport, moveSection, renameSection } from './layout.ts';

function para(doc: Y.Doc, id: string, text: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  getSectionBody(doc, id)!.insert(getSectionBody(doc, id)!.length, [p]);
}

describe('diffText', () => {
  it('finds the words inserted and deleted', () => {
    expect(diffText('The State should adopt a law', 'The State must urgently adopt a law')).toEqual([
      { kind: 'equal', text: 'The State ' },
      { kind: 'delete', text: 'should ' },
      { kind: 'insert', text: 'must urgently ' },
      { kind: 'equal', text: 'adopt a law' },
    ]);
    expect(diffText('', 'new text')).toEqual([{ kind: 'insert', text: 'new text' }]);
    expect(diffText('same', 'same')).toEqual([{ kind: 'equal', text: 'same' }]);
  });
});

describe('compareReports', () => {
  it('reports sections added, removed, moved and renamed, and the text changed', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'X', editorSchemaVersion: 1 });
    const a = addSection(doc, { title: 'Intro' });
    const b = addSection(doc, { title: 'Article 5' });
    const c = addSection(doc, { title: 'Old section' });
    para(doc, a, 'We are a coalition.');
    para(doc, b, 'Roma children are segregated in schools.');
    const before = reportContent(doc);
    deleteSection(doc, c);
    const d = addSection(doc, { title: 'Recommendations' });
    para(doc, d, 'End segregation by 2027.');
    moveSection(doc, b, 0);
    renameSection(doc, a, 'Introduction');
    const body = getSectionBody(doc, b)!;
    (body.get(0) as Y.XmlElement).get(0)!.delete(0, 4);
    const after = reportContent(doc);
    const cmp = compareReports(before, after);
    const by = (id: string) => cmp.find((s) => s.id === id)!;
    expect(by(c).change).toBe('removed');
    expect(by(d).change).toBe('added');
    expect(by(d).inserted).toBe(4);
    expect(by(b).moved).toBe(true);
    expect(by(b).deleted).toBe(1);
    expect(by(a)).toMatchObject({ change: 'changed', previousTitle: 'Intro', title: 'Introduction' });
  });
});
