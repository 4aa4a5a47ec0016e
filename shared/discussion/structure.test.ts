import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { anchorAt, linearize } from './anchors.ts';
import { createSuggestion, decideSuggestion, getSuggestion, type Author } from './layout.ts';
import { applySuggestion, suggestionState } from './suggestions.ts';
import { encodeRowCells, type SuggestionChange } from './structure.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { fragmentToJson, nodeText } from '../report/content.ts';
import { editorExtensions } from '../schema/extensions.ts';
import { contentWithSuggestions } from '../export/withSuggestions.ts';
import { docOf, footnote, paragraph, writeBody } from '../../test/helpers/yjsContent.ts';
import type { PmNode } from '../report/content.ts';

const amina: Author = { id: 'u-amina', name: 'Amina' };
const schema = getSchema(editorExtensions());

const list = (...items: string[]): PmNode => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [paragraph(t)] })) });
const cell = (t: string): PmNode => ({ type: 'tableCell', content: [paragraph(t)] });
const table = (...rows: string[][]): PmNode => ({ type: 'table', content: rows.map((r) => ({ type: 'tableRow', content: r.map(cell) })) });

function report(...blocks: PmNode[]): { content: Y.Doc; body: Y.XmlFragment; sectionId: string; discussion: Y.Doc } {
  const content = new Y.Doc();
  initReport(content, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const sectionId = addSection(content, { title: 'Housing' });
  const body = getSectionBody(content, sectionId)!;
  writeBody(body, docOf(...blocks));
  return { content, body, sectionId, discussion: new Y.Doc() };
}

/** Linear offsets of `needle` in the body's plain text. */
function find(body: Y.XmlFragment, needle: string): [number, number] {
  const at = linearize(body).text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in the text`);
  return [at, at + needle.length];
}

function suggest(r: ReturnType<typeof report>, start: number, end: number, change: SuggestionChange, insertText = ''): string {
  const originalText = linearize(r.body).text.slice(start, end);
  return createSuggestion(r.discussion, amina, { sectionId: r.sectionId, anchor: anchorAt(r.body, start, end), originalText, insertText, change });
}

const accept = (r: ReturnType<typeof report>, id: string) => applySuggestion(r.content, getSuggestion(r.discussion, id)!, 'test');
const text = (r: ReturnType<typeof report>) => nodeText(fragmentToJson(r.body), { notes: 'inline' });
/** The editor can open the result (the binding's schema accepts it). */
const opensInEditor = (r: ReturnType<typeof report>) => expect(yXmlFragmentToProseMirrorRootNode(r.body, schema).check()).toBeUndefined();

describe('suggestions beyond the text', () => {
  it('a new paragraph goes after the one it was suggested at, with its text; rejected, nothing changes', () => {
    const r = report(paragraph('First point.'), paragraph('Second point.'));
    const [, end] = find(r.body, 'First point.');
    const id = suggest(r, end, end, { kind: 'insertBlock', block: 'paragraph' }, 'A new point.');
    expect(suggestionState(r.content, getSuggestion(r.discussion, id)!)).toMatchObject({ stale: false, detached: false });
    const copy = contentWithSuggestions(r.content, { discussion: r.discussion, mode: 'rejected' });
    expect(copy.copied).toBe(false);
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('First point.\nA new point.\nSecond point.');
    opensInEditor(r);
  });

  it('a suggested new paragraph of several lines becomes that many paragraphs, in order', () => {
    const r = report(paragraph('First.'), paragraph('Last.'));
    const [, end] = find(r.body, 'First.');
    const id = suggest(r, end, end, { kind: 'insertBlock', block: 'paragraph' }, 'Second.\nThird.');
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('First.\nSecond.\nThird.\nLast.');
    opensInEditor(r);
  });

  it('a new list item goes into the list after its item', () => {
    const r = report(list('Water', 'Schools'));
    const [, end] = find(r.body, 'Water');
    const id = suggest(r, end, end, { kind: 'insertBlock', block: 'listItem' }, 'Health care');
    expect(accept(r, id)).toBe(true);
    expect(fragmentToJson(r.body).content![0]!.content!.map((li) => nodeText(li))).toEqual(['Water', 'Health care', 'Schools']);
    opensInEditor(r);
  });

  it('deletes a list item as one change, and the list with its last item', () => {
    const r = report(list('Water', 'Schools'), paragraph('After.'));
    const id = suggest(r, ...find(r.body, 'Schools'), { kind: 'deleteBlock', block: 'listItem' });
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('Water\nAfter.');
    const last = suggest(r, ...find(r.body, 'Water'), { kind: 'deleteBlock', block: 'listItem' });
    expect(accept(r, last)).toBe(true);
    expect(fragmentToJson(r.body).content!.map((b) => b.type)).toEqual(['paragraph']);
    opensInEditor(r);
  });

  it('deletes a table row as one change', () => {
    const r = report(table(['Year', 'Evictions'], ['2023', '41'], ['2024', '57']));
    const [start] = find(r.body, '2023');
    const [, end] = find(r.body, '41');
    const id = suggest(r, start, end, { kind: 'deleteBlock', block: 'tableRow' });
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('Year\nEvictions\n2024\n57');
    opensInEditor(r);
  });

  it('deletes a paragraph; once its text changed, only a person who looked may apply it', () => {
    const r = report(paragraph('Keep this.'), paragraph('Drop this.'));
    const id = suggest(r, ...find(r.body, 'Drop this.'), { kind: 'deleteBlock', block: 'paragraph' });
    ((r.body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Really ');
    expect(accept(r, id)).toBe(false);
    expect(applySuggestion(r.content, getSuggestion(r.discussion, id)!, 'test', true)).toBe(true);
    expect(text(r)).toBe('Keep this.');
  });

  it('puts a footnote at its point, splitting the text around it with its formatting kept', () => {
    const r = report(paragraph('Evictions rose ', { type: 'text', text: 'sharply', marks: [{ type: 'italic' }] }, ' in 2024.'));
    const [, at] = find(r.body, 'Evictions rose sharp');
    const id = suggest(r, at, at, { kind: 'footnote' }, 'Housing ministry, 2025.');
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('Evictions rose sharp [Housing ministry, 2025.]ly in 2024.');
    const json = fragmentToJson(r.body).content![0]!.content!;
    expect(json.map((n) => n.type)).toEqual(['text', 'text', 'footnote', 'text', 'text']);
    expect(json[3]).toMatchObject({ text: 'ly', marks: [{ type: 'italic' }] });
    opensInEditor(r);
  });

  it('puts a footnote at the end of a paragraph that has one already', () => {
    const r = report(paragraph('Rents doubled.', footnote('Census.'), ' Again.'));
    const [, at] = find(r.body, 'Again.');
    const id = suggest(r, at, at, { kind: 'footnote' }, 'Survey.');
    expect(accept(r, id)).toBe(true);
    expect(text(r)).toBe('Rents doubled. [Census.] Again. [Survey.]');
    opensInEditor(r);
  });

  it('adds and removes bold, and adds a link, over exactly the suggested words', () => {
    const r = report(paragraph('The State must act now.'));
    const bold = suggest(r, ...find(r.body, 'must'), { kind: 'format', mark: 'bold', action: 'add' });
    expect(accept(r, bold)).toBe(true);
    expect(fragmentToJson(r.body).content![0]!.content).toEqual([
      { type: 'text', text: 'The State ' },
      { type: 'text', text: 'must', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' act now.' },
    ]);
    const link = suggest(r, ...find(r.body, 'State'), { kind: 'format', mark: 'link', action: 'add', href: 'https://example.org/state' });
    expect(accept(r, link)).toBe(true);
    expect(fragmentToJson(r.body).content![0]!.content![1]).toMatchObject({ text: 'State', marks: [{ type: 'link', attrs: { href: 'https://example.org/state' } }] });
    const unbold = suggest(r, ...find(r.body, 'must'), { kind: 'format', mark: 'bold', action: 'remove' });
    expect(accept(r, unbold)).toBe(true);
    expect(fragmentToJson(r.body).content![0]!.content!.some((n) => n.marks?.some((m) => m.type === 'bold'))).toBe(false);
    opensInEditor(r);
  });

  it('a rejected suggestion of any kind leaves the text alone, in the document and in an export', () => {
    const r = report(list('Water', 'Schools'), paragraph('The State must act.'));
    const [, endWater] = find(r.body, 'Water');
    const ids = [
      suggest(r, endWater, endWater, { kind: 'insertBlock', block: 'listItem' }, 'Health'),
      suggest(r, ...find(r.body, 'Schools'), { kind: 'deleteBlock', block: 'listItem' }),
      suggest(r, ...find(r.body, 'must'), { kind: 'format', mark: 'bold', action: 'add' }),
    ];
    const before = text(r);
    for (const id of ids) decideSuggestion(r.discussion, id, 'rejected', amina);
    expect(contentWithSuggestions(r.content, { discussion: r.discussion, mode: 'accepted' }).copied).toBe(false);
    expect(text(r)).toBe(before);
  });

  it('an export "as accepted" applies every open kind to a copy and never the live text', () => {
    const r = report(list('Water', 'Schools'), table(['Year', 'Cases'], ['2023', '9']), paragraph('The State must act.'));
    const [, endWater] = find(r.body, 'Water');
    suggest(r, endWater, endWater, { kind: 'insertBlock', block: 'listItem' }, 'Health');
    suggest(r, ...find(r.body, 'Schools'), { kind: 'deleteBlock', block: 'listItem' });
    const [rowStart] = find(r.body, '2023');
    suggest(r, rowStart, rowStart + '2023\n9'.length, { kind: 'deleteBlock', block: 'tableRow' });
    const [, endAct] = find(r.body, 'act.');
    suggest(r, endAct, endAct, { kind: 'footnote' }, 'CERD/C/GC/37.');
    suggest(r, ...find(r.body, 'must'), { kind: 'format', mark: 'bold', action: 'add' });
    const live = text(r);
    const { doc, copied } = contentWithSuggestions(r.content, { discussion: r.discussion, mode: 'accepted' });
    expect(copied).toBe(true);
    const exported = getSectionBody(doc, r.sectionId)!;
    expect(nodeText(fragmentToJson(exported), { notes: 'inline' })).toBe('Water\nHealth\nYear\nCases\nThe State must act. [CERD/C/GC/37.]');
    expect(JSON.stringify(fragmentToJson(exported))).toContain('"text":"must","marks":[{"type":"bold"}]');
    expect(text(r)).toBe(live);
  });
});

describe('deleting a paragraph that holds a container together', () => {
  it('leaves the only paragraph of a table cell or a list item alone, and keeps an empty paragraph in an emptied section', () => {
    const r = report(list('Water'), table(['Year']), paragraph('Alone.'));
    const inItem = suggest(r, ...find(r.body, 'Water'), { kind: 'deleteBlock', block: 'paragraph' });
    const inCell = suggest(r, ...find(r.body, 'Year'), { kind: 'deleteBlock', block: 'paragraph' });
    expect(accept(r, inItem)).toBe(false);
    expect(accept(r, inCell)).toBe(false);
    expect(text(r)).toBe('Water\nYear\nAlone.');
    const only = report(paragraph('The whole section.'));
    const id = suggest(only, ...find(only.body, 'The whole section.'), { kind: 'deleteBlock', block: 'paragraph' });
    expect(accept(only, id)).toBe(true);
    expect(fragmentToJson(only.body)).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    opensInEditor(only);
  });
});

describe('a suggested new table row', () => {
  const rowAfter = (r: ReturnType<typeof report>, lastCellText: string, cells: string[]) => {
    const [, end] = find(r.body, lastCellText);
    return suggest(r, end, end, { kind: 'insertBlock', block: 'tableRow' }, encodeRowCells(cells));
  };
  const rows = (r: ReturnType<typeof report>) =>
    fragmentToJson(r.body).content!.find((b) => b.type === 'table')!.content!.map((row) => row.content!.map((c) => nodeText(c)));

  it('goes below the row it was suggested at, one cell per column, as one change', () => {
    const r = report(table(['Year', 'Evictions'], ['2023', '41'], ['2024', '57']));
    const id = rowAfter(r, '41', ['2023½', '48']);
    expect(suggestionState(r.content, getSuggestion(r.discussion, id)!)).toMatchObject({ stale: false, detached: false });
    expect(accept(r, id)).toBe(true);
    expect(rows(r)).toEqual([['Year', 'Evictions'], ['2023', '41'], ['2023½', '48'], ['2024', '57']]);
    opensInEditor(r);
  });

  it('fills the columns it does not name with empty cells, and keeps the cells\' widths', () => {
    const r = report(table(['Year', 'Evictions', 'Source']));
    const id = rowAfter(r, 'Source', ['2025']);
    expect(accept(r, id)).toBe(true);
    expect(rows(r)).toEqual([['Year', 'Evictions', 'Source'], ['2025', '', '']]);
    expect(fragmentToJson(r.body).content![0]!.content![1]!.content!.map((c) => c.type)).toEqual(['tableCell', 'tableCell', 'tableCell']);
    opensInEditor(r);
  });

  it('rejected, the table stays as it was, in the document and in an export', () => {
    const r = report(table(['Year', 'Evictions'], ['2023', '41']));
    const id = rowAfter(r, '41', ['2024', '57']);
    const before = text(r);
    decideSuggestion(r.discussion, id, 'rejected', amina);
    expect(contentWithSuggestions(r.content, { discussion: r.discussion, mode: 'accepted' }).copied).toBe(false);
    expect(text(r)).toBe(before);
  });

  it('is stale once the row it goes after is deleted, or has fewer cells than it suggests; not applied', () => {
    const r = report(table(['Year', 'Evictions'], ['2023', '41'], ['2024', '57']));
    const id = rowAfter(r, '41', ['2023½', '48']);
    const table0 = r.body.get(0) as Y.XmlElement;
    table0.delete(1, 1);
    expect(suggestionState(r.content, getSuggestion(r.discussion, id)!)).toMatchObject({ stale: true });
    expect(accept(r, id)).toBe(false);
    expect(applySuggestion(r.content, getSuggestion(r.discussion, id)!, 'test', true)).toBe(false);
    expect(text(r)).toBe('Year\nEvictions\n2024\n57');
    const wide = rowAfter(r, '57', ['2025', '63', 'Ministry']);
    expect(suggestionState(r.content, getSuggestion(r.discussion, wide)!)).toMatchObject({ stale: true });
    expect(accept(r, wide)).toBe(false);
  });

  it('an export "as accepted" shows the new row in a copy and never in the live table', () => {
    const r = report(table(['Year', 'Evictions'], ['2023', '41']), paragraph('After.'));
    rowAfter(r, '41', ['2024', '57']);
    const live = text(r);
    const { doc, copied } = contentWithSuggestions(r.content, { discussion: r.discussion, mode: 'accepted' });
    expect(copied).toBe(true);
    expect(nodeText(fragmentToJson(getSectionBody(doc, r.sectionId)!), { notes: 'inline' })).toBe('Year\nEvictions\n2023\n41\n2024\n57\nAfter.');
    expect(text(r)).toBe(live);
  });
});
