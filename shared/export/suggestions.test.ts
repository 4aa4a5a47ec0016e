import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../discussion/anchors.ts';
import { createSuggestion, decideSuggestion } from '../discussion/layout.ts';
import { addSection, getSectionBody, initReport } from '../report/layout.ts';
import { reportContent } from '../report/content.ts';
import { buildExportModel } from './buildModel.ts';
import { exportInputFromDoc } from './input.ts';
import { defaultExportOptions } from './options.ts';

const author = { id: 'u1', name: 'Amina' };

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
