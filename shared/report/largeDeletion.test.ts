import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, deleteSection, getSectionBody } from './layout.ts';
import { isLargeDeletion, measureDeletion, reportBodyWords } from './largeDeletion.ts';

function para(body: Y.XmlFragment, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  body.insert(body.length, [p]);
}

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

/** A server copy and a client copy in sync; returns the client's next change as it would arrive. */
function pair(build: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  build(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const change = (edit: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    edit(client);
    const update = Y.encodeStateAsUpdate(client, before);
    return measureDeletion(server, Y.decodeUpdate(update).ds);
  };
  return { server, client, change };
}

describe('measuring what a change deletes', () => {
  it('counts a whole section with its words, once', () => {
    const { server, change } = pair((doc) => {
      const a = addSection(doc, { id: 'a', title: 'Housing' });
      para(getSectionBody(doc, a)!, words(150));
      para(getSectionBody(doc, a)!, words(100));
      para(getSectionBody(doc, addSection(doc, { id: 'b', title: 'Health' }))!, words(30));
    });
    const m = change((doc) => deleteSection(doc, 'a'));
    expect(m.sections).toEqual([{ id: 'a', words: 250 }]);
    expect(m.words).toBe(250);
    expect(isLargeDeletion(m, () => reportBodyWords(server))).toBe(true);
  });

  it('counts only the deleted part of a run of text', () => {
    const { server, change } = pair((doc) => para(getSectionBody(doc, addSection(doc, { id: 'a', title: 'A' }))!, words(300)));
    const m = change((doc) => {
      const text = (getSectionBody(doc, 'a')!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 'word0 word1 word2 '.length);
    });
    expect(m).toEqual({ words: 3, sections: [] });
    expect(isLargeDeletion(m, () => reportBodyWords(server))).toBe(false);
  });

  it('calls a third of the words a large deletion, but not a small section or a small draft', () => {
    const { server, change } = pair((doc) => {
      for (const id of ['a', 'b', 'c']) para(getSectionBody(doc, addSection(doc, { id, title: id }))!, words(60));
    });
    // One section of 60 words out of 180: a third.
    const m = change((doc) => deleteSection(doc, 'a'));
    expect(m.words).toBe(60);
    expect(isLargeDeletion(m, () => reportBodyWords(server))).toBe(true);

    const small = pair((doc) => {
      for (const id of ['a', 'b']) para(getSectionBody(doc, addSection(doc, { id, title: id }))!, words(20));
    });
    expect(isLargeDeletion(small.change((doc) => deleteSection(doc, 'a')), () => reportBodyWords(small.server))).toBe(false);
  });

  it('ignores deletions the document has already seen and text deleted in the same change it was typed', () => {
    const { server, client, change } = pair((doc) => para(getSectionBody(doc, addSection(doc, { id: 'a', title: 'A' }))!, words(300)));
    deleteSection(server, 'a');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(change((doc) => para(getSectionBody(doc, addSection(doc, { id: 'x', title: 'X' }))!, 'new'))).toEqual({ words: 0, sections: [] });
    expect(
      change((doc) => {
        const id = addSection(doc, { title: 'Typed and deleted offline' });
        para(getSectionBody(doc, id)!, words(400));
        deleteSection(doc, id);
      }),
    ).toEqual({ words: 0, sections: [] });
  });
});
