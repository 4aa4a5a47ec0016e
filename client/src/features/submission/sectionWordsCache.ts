/**
 * Word counts per section, kept between recounts of the report and dropped only for the sections a change touched
 * (`observeSectionChanges`): while people type, a report-wide count converts and counts one or a few sections,
 * not all sixty (the profile of typing in a 100,000-word report showed the full recount as its largest task).
 */
import type * as Y from 'yjs';
import { observeSectionChanges, type SectionInfo } from '../../../../shared/report/layout.ts';
import { countSectionWords, type SectionWordParts } from '../../../../shared/submission/reportWords.ts';

const caches = new WeakMap<Y.Doc, Map<string, { body: number; footnotes: number }>>();

function cacheFor(doc: Y.Doc): Map<string, { body: number; footnotes: number }> {
  let cache = caches.get(doc);
  if (!cache) {
    const created = new Map<string, { body: number; footnotes: number }>();
    const stop = observeSectionChanges(doc, (ids) => {
      for (const id of ids) created.delete(id);
    });
    doc.once('destroy', stop);
    caches.set(doc, created);
    cache = created;
  }
  return cache;
}

export const cachedSectionWords: SectionWordParts = (doc: Y.Doc, section: SectionInfo) => {
  const cache = cacheFor(doc);
  let parts = cache.get(section.id);
  if (!parts) {
    parts = countSectionWords(doc, section);
    cache.set(section.id, parts);
  }
  return parts;
};
