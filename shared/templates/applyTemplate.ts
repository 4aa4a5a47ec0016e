/** Write a template into a new report's Y.Doc: its sections with their tags and guidance, and its submission settings. */
import * as Y from 'yjs';
import type { Mechanism } from '../api/mechanisms.ts';
import { setCoverFields, type SubmissionType } from '../report/coverFields.ts';
import { addSection, getSectionBody } from '../report/layout.ts';
import type { Guidance } from './catalogue.ts';
import type { TemplateId } from './templateIds.ts';
import { templateSections } from './templates.ts';

/** Guidance as the editor stores text: a level-2 heading and a paragraph for each item. */
function guidanceNodes(guidance: readonly Guidance[]): Y.XmlElement[] {
  return guidance.flatMap((g) => {
    const heading = new Y.XmlElement('heading');
    // y-tiptap keeps node attributes as they are, so the level is a number, as the editor writes it.
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(g.heading)]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(g.text)]);
    return [heading, paragraph];
  });
}

export function applyTemplate(
  doc: Y.Doc,
  id: TemplateId,
  /** `language`: the report's language (BCP 47), in which the sections are titled where a translation exists. */
  options: { mechanism: Mechanism; submissionType: SubmissionType | null; language?: string },
  origin?: unknown,
): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const s of templateSections(id, options.mechanism, options.submissionType, options.language ?? '')) {
      const sectionId = addSection(doc, { title: s.title, tags: s.tags }, origin);
      if (s.guidance.length > 0) getSectionBody(doc, sectionId)!.insert(0, guidanceNodes(s.guidance));
      ids.push(sectionId);
    }
    // OHCHR asks for numbered paragraphs; a template starts with numbering on.
    setCoverFields(doc, { paragraphNumbering: true }, origin);
  }, origin);
  return ids;
}
