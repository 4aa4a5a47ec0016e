import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt, linearize, resolveAnchor } from '../discussion/anchors.ts';
import { seededRandom } from '../../test/helpers/random.ts';
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

  it('replaces only the paragraphs that changed, so comments on the others stay anchored', () => {
    const doc = new Y.Doc();
    const a = addSection(doc, { title: 'Housing' });
    para(doc, a, 'Evictions doubled in 2023.');
    para(doc, a, 'Most families were never rehoused.');
    para(doc, a, 'The State should stop evictions.');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
    const body = getSectionBody(doc, a)!;
    const onFirst = anchorAt(body, 0, 9);
    const onLast = anchorAt(body, linearize(body).text.indexOf('stop evictions'), linearize(body).text.indexOf('stop evictions') + 14);
    const middle = ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText);
    middle.delete(0, middle.length);
    middle.insert(0, 'Some families were rehoused far away.');
    para(doc, a, 'A paragraph added after the version.');

    restoreReport(doc, version);
    expect(reportContent(doc).sections[0]!.text).toBe(reportContent(version).sections[0]!.text);
    expect(resolveAnchor(doc, body, onFirst)).toMatchObject({ text: 'Evictions', detached: false });
    expect(resolveAnchor(doc, body, onLast)).toMatchObject({ text: 'stop evictions', detached: false });
  });

  it('gives back exactly what the version said after random paragraph edits, moves and deletions (fuzz)', () => {
    const rnd = seededRandom(11);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const words = ['Evictions', 'rose', 'in', '2023.', 'Schools', 'segregate', 'Roma', 'pupils.', 'The', 'State', 'should', 'act.'];
    const sentence = () => Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(words)).join(' ');
    for (let round = 0; round < 60; round++) {
      const doc = new Y.Doc();
      const a = addSection(doc, { title: 'Section' });
      const n = Math.floor(rnd() * 8);
      for (let k = 0; k < n; k++) para(doc, a, sentence());
      const version = new Y.Doc();
      Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
      const body = getSectionBody(doc, a)!;
      for (let e = 0; e < 1 + Math.floor(rnd() * 6); e++) {
        const op = rnd();
        if (op < 0.3 && body.length > 0) body.delete(Math.floor(rnd() * body.length), 1);
        else if (op < 0.6) para(doc, a, sentence());
        else if (body.length > 0) {
          const text = (body.get(Math.floor(rnd() * body.length)) as Y.XmlElement).get(0) as Y.XmlText;
          text.insert(Math.floor(rnd() * (text.length + 1)), ` ${pick(words)}`);
        }
      }
      restoreReport(doc, version);
      expect(getSectionBody(doc, a)!.toString()).toBe(getSectionBody(version, a)!.toString());
    }
  });
});
