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
