import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportContent } from '../../../../shared/report/content.ts';
import { addSection, deleteSection, getSectionBody, initReport, listSections, moveSectionBy, renameSection } from '../../../../shared/report/layout.ts';
import { createOutlineUndo, OUTLINE_ORIGIN } from './outlineUndo.ts';

function newReport(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Report', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 1 });
  return doc;
}

function write(doc: Y.Doc, sectionId: string, text: string, origin: unknown = 'editor'): void {
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    getSectionBody(doc, sectionId)!.insert(0, [p]);
  }, origin);
}

describe('createOutlineUndo', () => {
  it('brings back a deleted section with its text and its place', () => {
    const doc = newReport();
    const a = addSection(doc, { title: 'Introduction' }, OUTLINE_ORIGIN);
    const b = addSection(doc, { title: 'Article 5' }, OUTLINE_ORIGIN);
    addSection(doc, { title: 'Recommendations' }, OUTLINE_ORIGIN);
    const undo = createOutlineUndo(doc);
    write(doc, b, 'Housing evictions');
    deleteSection(doc, b, OUTLINE_ORIGIN);
    expect(listSections(doc).map((s) => s.title)).toEqual(['Introduction', 'Recommendations']);
    undo.undo();
    const content = reportContent(doc);
    expect(content.sections.map((s) => s.title)).toEqual(['Introduction', 'Article 5', 'Recommendations']);
    expect(content.sections[1]!.text).toBe('Housing evictions');
    expect(content.sections[1]!.id).toBe(b);
    expect(a).toBeTruthy();
  });

  it('undoes outline steps one at a time and never text typed in a section', () => {
    const doc = newReport();
    const undo = createOutlineUndo(doc);
    const a = addSection(doc, { title: 'One' }, OUTLINE_ORIGIN);
    addSection(doc, { title: 'Two' }, OUTLINE_ORIGIN);
    write(doc, a, 'typed text');
    renameSection(doc, a, 'First', OUTLINE_ORIGIN);
    moveSectionBy(doc, a, 1, OUTLINE_ORIGIN);
    undo.undo();
    expect(listSections(doc).map((s) => s.title)).toEqual(['First', 'Two']);
    undo.undo();
    expect(listSections(doc).map((s) => s.title)).toEqual(['One', 'Two']);
    expect(reportContent(doc).sections[0]!.text).toBe('typed text');
  });

  it('leaves a co-author’s outline change alone', () => {
    const mine = newReport();
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const undo = createOutlineUndo(mine);
    addSection(mine, { title: 'Mine' }, OUTLINE_ORIGIN);
    const remote = addSection(theirs, { title: 'Theirs' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), 'provider');
    undo.undo();
    expect(listSections(mine).map((s) => s.id)).toEqual([remote]);
  });
});
