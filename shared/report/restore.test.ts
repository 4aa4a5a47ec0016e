import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportContent } from './content.ts';
import { addSection, deleteSection, getSectionBody, initReport, moveSection, renameSection, restoreReport, setReportField } from './layout.ts';

function para(doc: Y.Doc, id: string, text: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  getSectionBody(doc, id)!.insert(getSectionBody(doc, id)!.length, [p]);
}

describe('restoreReport', () => {
  it('brings back what a version said as new changes that another replica receives normally', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'Sent to OHCHR', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 1 });
    const a = addSection(doc, { title: 'Introduction' });
    const b = addSection(doc, { title: 'Education' });
    para(doc, a, 'The coalition brings together 12 organisations.');
    para(doc, b, 'Roma children are placed in special schools.');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
    const expected = reportContent(version);

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // Later edits: rename, delete, add, move, retitle, rewrite.
    setReportField(doc, 'title', 'Draft after sending');
    deleteSection(doc, a);
    const c = addSection(doc, { title: 'Housing' });
    para(doc, c, 'Evictions increased.');
    moveSection(doc, b, 5);
    renameSection(doc, b, 'Education and schools');
    para(doc, b, 'Extra paragraph.');
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));

    const before = Y.encodeStateVector(doc);
    restoreReport(doc, version, 'restore');
    const change = Y.encodeStateAsUpdate(doc, before);
    expect(reportContent(doc)).toEqual(expected);
    // The restore is an ordinary update: a replica that applies it says the same.
    Y.applyUpdate(peer, change);
    expect(reportContent(peer)).toEqual(expected);
  });

  it('keeps an unchanged section body untouched (an editor bound to it keeps its place)', () => {
    const doc = new Y.Doc();
    const a = addSection(doc, { title: 'Kept' });
    para(doc, a, 'Unchanged text.');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
    renameSection(doc, a, 'Renamed');
    const body = getSectionBody(doc, a)!;
    const child = body.get(0);
    restoreReport(doc, version);
    expect(getSectionBody(doc, a)).toBe(body);
    expect(body.get(0)).toBe(child);
  });
});
