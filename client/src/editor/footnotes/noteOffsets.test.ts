import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { numberFootnotes, reportContent, type PmNode } from '../../../../shared/report/content.ts';
import { addSection, deleteSection, getSectionBody, initReport, moveSection } from '../../../../shared/report/layout.ts';
import { editorExtensions } from '../../../../shared/schema/extensions.ts';
import { countFootnotes, notesBefore, NoteOffsetTracker } from './noteOffsets.ts';

const schema = getSchema(editorExtensions());
const text = (t: string): PmNode => ({ type: 'text', text: t });
const note = (t: string): PmNode => ({ type: 'footnote', content: [text(t)] });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });

function report(): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Notes', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  return doc;
}

function section(doc: Y.Doc, title: string, content: PmNode[]): string {
  const id = addSection(doc, { title });
  if (content.length > 0) prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, getSectionBody(doc, id)!);
  return id;
}

/** Runs scheduled recounts when the test says so, like animation frames. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (run: () => void) => {
      queue.set(next, run);
      return next++;
    },
    cancel: (handle: number) => void queue.delete(handle),
    flush: () => {
      const runs = [...queue.values()];
      queue.clear();
      for (const run of runs) run();
    },
    pending: () => queue.size,
  };
}

describe('countFootnotes and notesBefore', () => {
  it('count notes in paragraphs, lists and table cells, and agree with numberFootnotes', () => {
    const doc = report();
    const a = section(doc, 'A', [para(text('One'), note('a1')), para(text('Two'), note('a2'), text(' and'), note('a3'))]);
    const b = section(doc, 'B', [
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Item'), note('b1'))] }] },
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text('Cell'), note('b2'))] }] }],
      },
    ]);
    const c = section(doc, 'C', [para(text('No notes'))]);
    const d = section(doc, 'D', [para(note('d1'))]);

    expect(countFootnotes(getSectionBody(doc, a)!)).toBe(3);
    expect(countFootnotes(getSectionBody(doc, b)!)).toBe(2);
    const content = reportContent(doc).sections;
    const numbered = numberFootnotes(content);
    const order = content.map((s) => s.id);
    for (const id of [a, b, c, d]) {
      const earlier = numbered.filter((n) => order.indexOf(n.sectionId) < order.indexOf(id)).length;
      expect(notesBefore(doc, getSectionBody(doc, id)!)).toBe(earlier);
    }
    expect([a, b, c, d].map((id) => notesBefore(doc, getSectionBody(doc, id)!))).toEqual([0, 3, 5, 5]);
  });

  it('is 0 for a body that is not a section of the report', () => {
    const doc = report();
    section(doc, 'A', [para(note('a1'))]);
    expect(notesBefore(doc, new Y.Doc().getXmlFragment('elsewhere'))).toBe(0);
  });
});

describe('NoteOffsetTracker', () => {
  it('follows notes added and removed in earlier sections, by this device or another', () => {
    const doc = report();
    const a = section(doc, 'A', [para(text('First'), note('a1'))]);
    const b = section(doc, 'B', [para(text('Second'), note('b1'))]);
    const frames = manualFrames();
    const seen: number[] = [];
    const tracker = new NoteOffsetTracker(getSectionBody(doc, b)!, (n) => seen.push(n), frames.schedule, frames.cancel);
    expect(seen).toEqual([1]);

    // A co-author adds a note to section A.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [para(text('First'), note('a1')), para(note('a2'))] }, getSectionBody(other, a)!);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    frames.flush();
    expect(seen).toEqual([1, 2]);
    expect(tracker.current).toBe(2);

    // Section A is deleted: B's notes start at 1 again.
    deleteSection(doc, a);
    frames.flush();
    expect(seen).toEqual([1, 2, 0]);
    tracker.destroy();
  });

  it('does not recount while others type text in other sections, and does when they add a note', () => {
    const doc = report();
    const a = section(doc, 'A', [para(text('Earlier text'), note('a1'))]);
    const b = section(doc, 'B', [para(text('Open section'))]);
    const frames = manualFrames();
    const seen: number[] = [];
    const tracker = new NoteOffsetTracker(getSectionBody(doc, b)!, (n) => seen.push(n), frames.schedule, frames.cancel);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const typed = (getSectionBody(other, a)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    typed.insert(typed.length, ' and more');
    typed.format(0, 7, { bold: true });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(frames.pending()).toBe(0);

    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [para(text('Earlier text'), note('a1'), note('a2'))] }, getSectionBody(other, a)!);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(frames.pending()).toBe(1);
    frames.flush();
    expect(seen).toEqual([1, 2]);
    tracker.destroy();
  });

  it('does not recount for edits inside the open section, and recounts once per frame', () => {
    const doc = report();
    const a = section(doc, 'A', [para(note('a1'))]);
    const b = section(doc, 'B', [para(text('Text'))]);
    const frames = manualFrames();
    const seen: number[] = [];
    const tracker = new NoteOffsetTracker(getSectionBody(doc, b)!, (n) => seen.push(n), frames.schedule, frames.cancel);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [para(text('Text'), note('b1'))] }, getSectionBody(doc, b)!);
    expect(frames.pending()).toBe(0);

    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [para(note('a1'), note('a2'))] }, getSectionBody(doc, a)!);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [para(note('a1'), note('a2'), note('a3'))] }, getSectionBody(doc, a)!);
    expect(frames.pending()).toBe(1);
    frames.flush();
    expect(seen).toEqual([1, 3]);
    tracker.destroy();
  });

  it('renumbers when sections are reordered, and stops when destroyed', () => {
    const doc = report();
    section(doc, 'A', [para(note('a1'), note('a2'))]);
    const b = section(doc, 'B', [para(note('b1'))]);
    const frames = manualFrames();
    const seen: number[] = [];
    const tracker = new NoteOffsetTracker(getSectionBody(doc, b)!, (n) => seen.push(n), frames.schedule, frames.cancel);
    moveSection(doc, b, 0);
    frames.flush();
    expect(seen).toEqual([2, 0]);
    tracker.destroy();
    moveSection(doc, b, 1);
    frames.flush();
    expect(seen).toEqual([2, 0]);
  });
});
