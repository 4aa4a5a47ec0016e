import * as Y from 'yjs';
import { getSectionBody } from '../../shared/report/layout.ts';

/** Append a paragraph to a section's body, as a user typing a new paragraph would. */
export function typeParagraph(doc: Y.Doc, sectionId: string, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const body = getSectionBody(doc, sectionId)!;
  body.insert(body.length, [p]);
}
