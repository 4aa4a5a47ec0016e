import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt, linearize } from '../../../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../../../shared/discussion/layout.ts';
import type { SuggestionChange } from '../../../../shared/discussion/structure.ts';
import { addSection, getSectionBody, initReport } from '../../../../shared/report/layout.ts';
import { fragmentToJson, nodeText } from '../../../../shared/report/content.ts';
import { docOf, paragraph, writeBody } from '../../../../test/helpers/yjsContent.ts';
import { acceptAll, rejectAll } from './decideAll.ts';

const edwin = { id: 'u-edwin', name: 'Edwin' };
const rania = { id: 'u-rania', name: 'Rania' };

function setUp() {
  const content = new Y.Doc();
  initReport(content, { title: 'T', mechanism: 'CERD', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
  const sectionId = addSection(content, { title: 'Housing' });
  const body = getSectionBody(content, sectionId)!;
  writeBody(body, docOf(paragraph('Keep this.'), paragraph('Drop this.'), paragraph('The State must act.')));
  const discussion = new Y.Doc();
  const add = (needle: string, change: SuggestionChange, insertText = '', point = false) => {
    const at = linearize(body).text.indexOf(needle);
    const [start, end] = point ? [at + needle.length, at + needle.length] : [at, at + needle.length];
    createSuggestion(discussion, rania, { sectionId, anchor: anchorAt(body, start, end), originalText: point ? '' : needle, insertText, change });
  };
  add('Keep this.', { kind: 'insertBlock', block: 'paragraph' }, 'Added.', true);
  add('Drop this.', { kind: 'deleteBlock', block: 'paragraph' });
  add('must', { kind: 'format', mark: 'bold', action: 'add' });
  add('act.', { kind: 'footnote' }, 'A source.', true);
  return { content, discussion, body };
}

const text = (body: Y.XmlFragment) => nodeText(fragmentToJson(body), { notes: 'inline' });

describe('accept all and reject all with suggestions beyond the text', () => {
  it('accepts every kind at once, and its undo takes all of it back and reopens them', () => {
    const { content, discussion, body } = setUp();
    const result = acceptAll(content, discussion, edwin, listSuggestions(discussion));
    expect(result.decided).toHaveLength(4);
    expect(text(body)).toBe('Keep this.\nAdded.\nThe State must act. [A source.]');
    expect(JSON.stringify(fragmentToJson(body))).toContain('"text":"must","marks":[{"type":"bold"}]');
    expect(listSuggestions(discussion).every((s) => s.status === 'accepted' && s.decidedBy === edwin.id)).toBe(true);
    result.undo();
    expect(text(body)).toBe('Keep this.\nDrop this.\nThe State must act.');
    expect(listSuggestions(discussion).every((s) => s.status === 'open')).toBe(true);
  });

  it('rejects every kind at once without touching the text', () => {
    const { content, discussion, body } = setUp();
    const before = Y.encodeStateVector(content);
    expect(rejectAll(discussion, edwin, listSuggestions(discussion)).decided).toHaveLength(4);
    expect(Y.encodeStateVector(content)).toEqual(before);
    expect(text(body)).toBe('Keep this.\nDrop this.\nThe State must act.');
  });
});
