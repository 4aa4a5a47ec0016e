import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, initReport } from './layout.ts';
import { reportContent } from './content.ts';
import { countWords } from './wordCount.ts';

describe('countWords', () => {
  it('counts words the way a word processor does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('The State party should ensure follow-up.')).toBe(6);
    expect(countWords("The State's report, 2024, covers 10,000 people and 1.5 million")).toBe(10);
    expect(countWords('  spaces\tand\nnewlines  ')).toBe(3);
    expect(countWords('— – … ; !')).toBe(0);
  });

  it('counts Arabic and Cyrillic words and each Chinese character', () => {
    expect(countWords('حقوق الإنسان للجميع')).toBe(3);
    expect(countWords('Права человека')).toBe(2);
    expect(countWords('人权报告')).toBe(4);
  });
});

describe('reportContent', () => {
  it('returns sections in order with ProseMirror JSON, text and word counts', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 1 });
    const first = addSection(doc, { title: 'Introduction' });
    addSection(doc, { title: 'Recommendations' });
    const body = getSectionBody(doc, first)!;
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Background')]);
    const para = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Roma children ');
    text.insert(14, 'are segregated', { bold: {} });
    para.insert(0, [text]);
    body.insert(0, [heading, para]);

    const content = reportContent(doc);
    expect(content.title).toBe('T');
    expect(content.sections.map((s) => s.title)).toEqual(['Introduction', 'Recommendations']);
    const intro = content.sections[0]!;
    expect(intro.text).toBe('Background\nRoma children are segregated');
    expect(intro.wordCount).toBe(5);
    expect(intro.content).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Roma children ' },
            { type: 'text', text: 'are segregated', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    });
    expect(content.wordCount).toBe(5);
    expect(content.sections[1]!.status).toBe('drafting');
  });
});

describe('editor schema version', () => {
  it('keeps the highest version when two clients raise it at the same time', async () => {
    const { raiseEditorSchemaVersion, getReportMeta, canEditWithSchema } = await import('./layout.ts');
    const a = new Y.Doc();
    initReport(a, { title: 'T', mechanism: 'CRC', stateUnderReview: 'X', editorSchemaVersion: 1 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    raiseEditorSchemaVersion(a, 3);
    raiseEditorSchemaVersion(b, 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getReportMeta(a).editorSchemaVersion).toBe(3);
    expect(getReportMeta(b).editorSchemaVersion).toBe(3);
    expect(canEditWithSchema(b, 2)).toBe(false);
  });
});

describe('footnotes in content', () => {
  function reportWithNotes(mechanism: 'UPR' | 'CCPR') {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism, stateUnderReview: 'Freedonia', editorSchemaVersion: 2 });
    const first = addSection(doc, { title: 'One' });
    const second = addSection(doc, { title: 'Two' });
    const para = (words: string, notes: string[]) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(words)]);
      notes.forEach((n, i) => {
        const note = new Y.XmlElement('footnote');
        note.insert(0, [new Y.XmlText(n)]);
        p.insert(1 + i, [note]);
      });
      return p;
    };
    getSectionBody(doc, second)!.insert(0, [para('Second section text.', ['Third note here'])]);
    getSectionBody(doc, first)!.insert(0, [para('First section words', ['First note', 'Second note'])]);
    return doc;
  }

  it('numbers notes in document order across sections and leaves them out of the text', async () => {
    const { numberFootnotes } = await import('./content.ts');
    const content = reportContent(reportWithNotes('CCPR'));
    expect(content.sections[0]!.text).toBe('First section words');
    expect(content.sections[0]!.notes).toEqual(['First note', 'Second note']);
    const numbered = numberFootnotes(content.sections);
    expect(numbered.map((n) => [n.number, n.text])).toEqual([
      [1, 'First note'],
      [2, 'Second note'],
      [3, 'Third note here'],
    ]);
    expect(numbered[2]!.sectionId).toBe(content.sections[1]!.id);
  });

  it('counts note words for the treaty bodies but not for UPR, where endnotes hold references only', () => {
    expect(reportContent(reportWithNotes('CCPR')).wordCount).toBe(6 + 7);
    const upr = reportContent(reportWithNotes('UPR'));
    expect(upr.wordCount).toBe(6);
    expect(upr.sections[0]!.noteWordCount).toBe(4);
    expect(reportContent(reportWithNotes('UPR'), { countNotes: true }).wordCount).toBe(13);
  });

  it('can put note text inline in brackets', async () => {
    const { nodeText } = await import('./content.ts');
    const content = reportContent(reportWithNotes('UPR'));
    expect(nodeText(content.sections[0]!.content, { notes: 'inline' })).toBe('First section words [First note] [Second note]');
  });
});
