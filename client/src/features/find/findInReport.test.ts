import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJson, type PmNode } from '../../../../shared/report/content.ts';
import { addSection, getSectionBody, initReport, listSections } from '../../../../shared/report/layout.ts';
import { editorExtensions } from '../../../../shared/schema/extensions.ts';
import { FIND_ORIGIN, findInReport, replaceAllInReport, replaceMatch } from './findInReport.ts';
import { findInText } from './findText.ts';
import { createFindUndo } from './findUndo.ts';

const schema = getSchema(editorExtensions());
const text = (t: string, marks?: PmNode['marks']): PmNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const note = (...content: PmNode[]): PmNode => ({ type: 'footnote', content });
const cell = (t: string): PmNode => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text(t))] });
const plain = { matchCase: false, wholeWord: false };

function report(sections: { title: string; content: PmNode[] }[]): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Find', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const ids = sections.map((s) => {
    const id = addSection(doc, { title: s.title });
    if (s.content.length > 0) prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: s.content }, getSectionBody(doc, id)!);
    return id;
  });
  return { doc, ids };
}

/** The section's text as the editor reads it back (ProseMirror JSON, marks included). */
const body = (doc: Y.Doc, id: string) => fragmentToJson(getSectionBody(doc, id)!).content ?? [];

describe('findInText', () => {
  it('ignores case unless Match case is on', () => {
    expect(findInText('Police and police and POLICE', 'police', plain)).toHaveLength(3);
    expect(findInText('Police and police and POLICE', 'police', { matchCase: true, wholeWord: false })).toEqual([{ index: 11, length: 6 }]);
  });

  it('whole word keeps to word boundaries in Latin with accents, Cyrillic and Arabic', () => {
    const whole = { matchCase: false, wholeWord: true };
    // "café" must not match inside "cafés"; \b would see the é as a boundary and match "caf" in "café".
    expect(findInText('café cafés', 'café', whole)).toEqual([{ index: 0, length: 4 }]);
    expect(findInText('caféteria', 'caf', whole)).toEqual([]);
    expect(findInText('право правозащитник право.', 'право', whole)).toEqual([
      { index: 0, length: 5 },
      { index: 20, length: 5 },
    ]);
    // Arabic: "حق" (right) alone, not inside "حقوق" (rights).
    expect(findInText('حق حقوق الحق', 'حق', whole)).toEqual([{ index: 0, length: 2 }]);
    // Cyrillic case-insensitively.
    expect(findInText('Право', 'право', whole)).toHaveLength(1);
    // Without whole word, the same query matches inside words.
    expect(findInText('право правозащитник', 'право', plain)).toHaveLength(2);
  });

  it('treats the query as text, not a pattern', () => {
    expect(findInText('a.b axb (c) [d]', 'a.b', plain)).toEqual([{ index: 0, length: 3 }]);
    expect(findInText('a.b axb (c) [d]', '(c)', plain)).toEqual([{ index: 8, length: 3 }]);
    expect(findInText('anything', '', plain)).toEqual([]);
  });
});

describe('findInReport', () => {
  it('finds matches in every section, its title, footnotes, table cells, list items and recommendations, in reading order', () => {
    const { doc, ids } = report([
      { title: 'Police conduct', content: [para(text('The police said'), note(text('Police report 2024.')), text(' nothing.'))] },
      {
        title: 'Detention',
        content: [
          { type: 'table', content: [{ type: 'tableRow', content: [cell('Police stations'), cell('12')] }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Military police'))] }] },
          { type: 'recommendation', attrs: { addressee: null, tags: [] }, content: [para(text('Train the police.'))] },
        ],
      },
    ]);
    const matches = findInReport(doc, 'police', plain);
    expect(matches.map((m) => [m.sectionId === ids[0] ? 1 : 2, m.field, m.text, m.inFootnote])).toEqual([
      [1, 'title', 'Police', false],
      [1, 'body', 'police', false],
      [1, 'body', 'Police', true],
      [2, 'body', 'Police', false],
      [2, 'body', 'police', false],
      [2, 'body', 'police', false],
    ]);
    expect(matches.filter((m) => m.field === 'body').map((m) => m.ordinal)).toEqual([0, 1, 0, 1, 2]);
  });

  it('finds text across bold and italic, but not across a footnote anchor or a line break', () => {
    const { doc } = report([
      {
        title: 'A',
        content: [
          para(text('human '), text('rig', [{ type: 'bold' }]), text('hts')),
          para(text('human'), note(text('x')), text(' rights')),
          para(text('human'), { type: 'hardBreak' }, text(' rights')),
        ],
      },
    ]);
    expect(findInReport(doc, 'human rights', plain)).toHaveLength(1);
  });
});

describe('replace', () => {
  it('replace all changes titles, text, footnotes and cells, keeping each match’s formatting', () => {
    const { doc, ids } = report([
      { title: 'Police conduct', content: [para(text('The '), text('police', [{ type: 'bold' }]), text(' said'), note(text('See '), text('police', [{ type: 'italic' }]), text(' records.')))] },
      { title: 'Detention', content: [{ type: 'table', content: [{ type: 'tableRow', content: [cell('police stations'), cell('police')] }] }] },
    ]);
    expect(replaceAllInReport(doc, 'police', { matchCase: false, wholeWord: true }, 'security forces')).toBe(5);
    expect(listSections(doc).map((s) => s.title)).toEqual(['security forces conduct', 'Detention']);
    expect(body(doc, ids[0]!)).toEqual([
      para(
        text('The '),
        text('security forces', [{ type: 'bold' }]),
        text(' said'),
        note(text('See '), text('security forces', [{ type: 'italic' }]), text(' records.')),
      ),
    ]);
    expect(findInReport(doc, 'security forces', plain).map((m) => m.inFootnote)).toEqual([false, false, true, false, false]);
    expect(findInReport(doc, 'police', plain)).toEqual([]);
  });

  it('replacing with text that contains the query does not loop, and Match case leaves other cases alone', () => {
    const { doc, ids } = report([{ title: 'T', content: [para(text('state State state'))] }]);
    expect(replaceAllInReport(doc, 'state', { matchCase: true, wholeWord: false }, 'the state')).toBe(2);
    expect(body(doc, ids[0]!)).toEqual([para(text('the state State the state'))]);
  });

  it('replaces one match only if it is still where it was found', () => {
    const { doc, ids } = report([{ title: 'T', content: [para(text('one two one two'))] }]);
    const [first, second] = findInReport(doc, 'two', plain);
    expect(replaceMatch(doc, second!, 'two', plain, '2')).toBe(true);
    expect(body(doc, ids[0]!)).toEqual([para(text('one two one 2'))]);
    // The same match again is gone; the first is still there.
    expect(replaceMatch(doc, second!, 'two', plain, '2')).toBe(false);
    expect(replaceMatch(doc, first!, 'two', plain, '2')).toBe(true);
    expect(body(doc, ids[0]!)).toEqual([para(text('one 2 one 2'))]);
  });

  it('a replace all reaches a collaborator and is undone in one step', () => {
    const { doc, ids } = report([
      { title: 'Police', content: [para(text('police here'))] },
      { title: 'Other', content: [para(text('and police there'), note(text('police note')))] },
    ]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(other, u, 'remote'));
    const undo = createFindUndo(doc);
    const before = ids.map((id) => body(doc, id));
    expect(replaceAllInReport(doc, 'police', plain, 'gendarmerie', FIND_ORIGIN)).toBe(4);
    expect(findInReport(other, 'gendarmerie', plain)).toHaveLength(4);
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(ids.map((id) => body(doc, id))).toEqual(before);
    expect(listSections(doc).map((s) => s.title)).toEqual(['Police', 'Other']);
    expect(findInReport(other, 'police', plain)).toHaveLength(4);
    expect(undo.canUndo()).toBe(false);
    undo.destroy();
  });
});
