import * as Y from 'yjs';
import { getSectionBody } from '../../shared/report/layout.ts';

/** Append a paragraph to a section's body, as a user typing a new paragraph would. */
export function typeParagraph(doc: Y.Doc, sectionId: string, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const body = getSectionBody(doc, sectionId)!;
  body.insert(body.length, [p]);
}

/** About `kb` KiB of text that does not compress away in a Yjs update: distinct words, each starting with `tag`. */
export function distinctWords(kb: number, tag: string): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < kb * 1024; i++) {
    const w = `${tag}${i.toString(36)} `;
    words.push(w);
    length += w.length;
  }
  return words.join('');
}
