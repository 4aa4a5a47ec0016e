import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt, linearize } from '../discussion/anchors.ts';
import type { SuggestionChange } from '../discussion/structure.ts';
import { docOf, paragraph, writeBody } from '../../test/helpers/yjsContent.ts';
import type { PmNode } from '../report/content.ts';
import { createSuggestion, decideSuggestion } from '../discussion/layout.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { reportContent } from '../report/content.ts';
import { buildExportModel } from './buildModel.ts';
import { exportInputFromDoc } from './input.ts';
import { defaultExportOptions } from './options.ts';

const author = { id: 'u1', name: 'Amina' };
const row = (...cells: string[]): PmNode => ({ type: 'tableRow', content: cells.map((t) => ({ type: 'tableCell', content: [paragraph(t)] })) });

function reportWithSuggestions(): { content: Y.Doc; discussion: Y.Doc; sectionId: string } {
  const content = new Y.Doc();
  initReport(content, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const sectionId = addSection(content, { title: 'Housing' });
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, 'Alpha Bravo Charlie.');
  p.insert(0, [t]);
  getSectionBody(content, sectionId)!.insert(0, [p]);
  const discussion = new Y.Doc();
  const body = getSectionBody(content, sectionId)!;
  // Insert "Xylophone " before "Charlie", delete "Bravo ".
  createSuggestion(discussion, author, { sectionId, anchor: anchorAt(body, 12, 12), originalText: '', insertText: 'Xylophone ' });
  createSuggestion(discussion, author, { sectionId, anchor: anchorAt(body, 6, 12), originalText: 'Bravo ', insertText: '' });
  return { content, discussion, sectionId };
}

const exportedText = (content: Y.Doc, discussion: Y.Doc, suggestions: 'accepted' | 'rejected') => {
  const input = exportInputFromDoc(content, { suggestions: { discussion, mode: suggestions } });
  const model = buildExportModel(input, { ...defaultExportOptions('CERD'), suggestions });
  return model.sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : '')).join('\n');
};

describe('open suggestions in an export', () => {
  it('are applied as accepted, or left out as rejected, and the live document is never changed', () => {
    const { content, discussion } = reportWithSuggestions();
    const before = Y.encodeStateVector(content);
    expect(exportedText(content, discussion, 'accepted')).toBe('Alpha Xylophone Charlie.');
    expect(exportedText(content, discussion, 'rejected')).toBe('Alpha Bravo Charlie.');
    expect(Y.encodeStateVector(content)).toEqual(before);
    expect(reportContent(content).sections[0]!.text).toBe('Alpha Bravo Charlie.');
  });

  it('leaves out suggestions already decided (their outcome is in the text) and ones whose text changed since', () => {
    const { content, discussion, sectionId } = reportWithSuggestions();
    for (const [id, m] of discussion.getMap('suggestions').entries()) {
      if ((m as Y.Map<unknown>).get('insertText') === 'Xylophone ') decideSuggestion(discussion, id, 'rejected', author);
    }
    // Someone rewrote "Bravo" after the deletion was suggested: a person must look at it first.
    const text = getSectionBody(content, sectionId)!.get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert(8, 'ZZ');
    expect(exportedText(content, discussion, 'accepted')).toBe('Alpha BrZZavo Charlie.');
  });
});

describe('open suggestions beyond the text in an export', () => {
  function structured() {
    const content = new Y.Doc();
    initReport(content, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
    const sectionId = addSection(content, { title: 'Housing' });
    const body = getSectionBody(content, sectionId)!;
    writeBody(body, docOf(paragraph('Rents doubled.'), paragraph('Drop me.'), { type: 'table', content: [row('Year'), row('2023'), row('2024')] }));
    const discussion = new Y.Doc();
    const text = () => linearize(body).text;
    const at = (needle: string) => text().indexOf(needle);
    const make = (start: number, end: number, change: SuggestionChange, insertText = '') =>
      createSuggestion(discussion, author, { sectionId, anchor: anchorAt(body, start, end), originalText: text().slice(start, end), insertText, change });
    make(at('Rents'), at('Rents') + 5, { kind: 'format', mark: 'italic', action: 'add' });
    make(at('doubled.') + 8, at('doubled.') + 8, { kind: 'footnote' }, 'Statistics office.');
    make(at('Drop me.'), at('Drop me.') + 8, { kind: 'deleteBlock', block: 'paragraph' });
    make(at('2023'), at('2023') + 4, { kind: 'deleteBlock', block: 'tableRow' });
    make(at('doubled.') + 8, at('doubled.') + 8, { kind: 'insertBlock', block: 'paragraph' }, 'Wages did not.');
    return { content, discussion };
  }

  const model = (content: Y.Doc, discussion: Y.Doc, suggestions: 'accepted' | 'rejected') =>
    buildExportModel(exportInputFromDoc(content, { suggestions: { discussion, mode: suggestions } }), { ...defaultExportOptions('CERD'), suggestions });

  it('as accepted: new and deleted paragraphs and rows, footnotes and formatting are in the file', () => {
    const { content, discussion } = structured();
    const m = model(content, discussion, 'accepted');
    const blocks = m.sections[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    const first = blocks[0]!.kind === 'paragraph' ? blocks[0]!.inlines : [];
    expect(first[0]).toMatchObject({ kind: 'text', text: 'Rents', italic: true });
    expect(first.some((i) => i.kind === 'note')).toBe(true);
    expect(JSON.stringify(blocks[1])).toContain('Wages did not.');
    expect(blocks[2]!.kind === 'table' ? blocks[2]!.rows.length : 0).toBe(2);
    expect(JSON.stringify(m)).toContain('Statistics office.');
  });

  it('as rejected: the text as written', () => {
    const { content, discussion } = structured();
    const blocks = model(content, discussion, 'rejected').sections[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    expect(JSON.stringify(blocks)).toContain('Drop me.');
    expect(JSON.stringify(blocks)).not.toContain('Wages');
    expect(blocks[2]!.kind === 'table' ? blocks[2]!.rows.length : 0).toBe(3);
  });
});
