import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { editorExtensions } from '../../../../shared/schema/extensions.ts';
import { autolinkGuardPlugin, PREVENT_AUTOLINK, touchesParagraphWithNote } from './autolinkGuard.ts';

const schema = getSchema(editorExtensions());

function state(): EditorState {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Detained.' }, { type: 'footnote', content: [{ type: 'text', text: 'Source' }] }, { type: 'text', text: ' after.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'No notes here.' }] },
    ],
  });
  return EditorState.create({ doc, plugins: [autolinkGuardPlugin()] });
}

/** Position of the first occurrence of `text` in the document. */
function posOf(s: EditorState, text: string): number {
  let found = -1;
  s.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  return found;
}

describe('touchesParagraphWithNote', () => {
  it('is true for typing in a note or beside one, false elsewhere', () => {
    const s = state();
    expect(touchesParagraphWithNote(s.tr.insertText(' Press ', posOf(s, 'Source') + 6))).toBe(true);
    expect(touchesParagraphWithNote(s.tr.insertText('x ', posOf(s, ' after.') + 7))).toBe(true);
    expect(touchesParagraphWithNote(s.tr.insertText('example.org ', posOf(s, 'here.') + 5))).toBe(false);
    expect(touchesParagraphWithNote(s.tr.setSelection(TextSelection.create(s.doc, 2)))).toBe(false);
  });
});

describe('autolinkGuardPlugin', () => {
  it('marks the changes autolink must skip and lets every change through', () => {
    const s = state();
    const inNote = s.tr.insertText(' Press ', posOf(s, 'Source') + 6);
    const { transactions } = s.applyTransaction(inNote);
    expect(transactions).toHaveLength(1);
    expect(inNote.getMeta(PREVENT_AUTOLINK)).toBe(true);
    const elsewhere = s.tr.insertText('example.org ', posOf(s, 'here.') + 5);
    s.applyTransaction(elsewhere);
    expect(elsewhere.getMeta(PREVENT_AUTOLINK)).toBeUndefined();
  });
});
