/** Write a template into a new report's Y.Doc: its sections with their tags, and its submission settings. */
import type * as Y from 'yjs';
import type { Mechanism } from '../api/mechanisms.ts';
import { setCoverFields, type SubmissionType } from '../report/coverFields.ts';
import { addSection } from '../report/layout.ts';
import type { TemplateId } from './templateIds.ts';
import { templateSections } from './templates.ts';

export function applyTemplate(
  doc: Y.Doc,
  id: TemplateId,
  options: { mechanism: Mechanism; submissionType: SubmissionType | null },
  origin?: unknown,
): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const s of templateSections(id, options.mechanism, options.submissionType)) {
      ids.push(addSection(doc, { title: s.title, tags: s.tags }, origin));
    }
    // OHCHR asks for numbered paragraphs; a template starts with numbering on.
    setCoverFields(doc, { paragraphNumbering: true }, origin);
  }, origin);
  return ids;
}
