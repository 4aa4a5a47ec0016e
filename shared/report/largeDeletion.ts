/**
 * How much of a report a change deletes, measured BEFORE the change is applied (the server takes a version of the
 * state before a large deletion). Reads the change's delete set against the document: text it removes, whole
 * paragraphs, whole sections. Words are counted as everywhere else (wordCount.ts); a word cut in two by the edges
 * of a deletion may count twice, which only errs towards keeping a version.
 */
import * as Y from 'yjs';
import { allSectionBodies, bodyOfSectionType, locateInSections } from './layout.ts';
import { countWords } from './wordCount.ts';

/** The delete set of a decoded update. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** What the server calls a large deletion (README: automatic versions). */
export const LARGE_DELETION = {
  /** A change that removes at least this share of the report's words... */
  share: 1 / 3,
  /** ...and at least this many words (a third of a three-line draft is not worth a version). */
  minWords: 50,
  /** A change that removes a whole section with more than this many words. */
  sectionWords: 200,
} as const;

export interface DeletionMeasure {
  /** Words the change removes from section bodies, whole sections included. */
  words: number;
  /** Sections the change removes entirely, with their words. */
  sections: { id: string; words: number }[];
}

/** The text of a Yjs XML type: the strings of its text nodes, blocks separated by line breaks. */
export function textOf(type: Y.AbstractType<any>): string {
  if (type instanceof Y.XmlText) {
    let out = '';
    for (const op of type.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
    return out;
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    const parts: string[] = [];
    for (const child of type.toArray()) if (child instanceof Y.AbstractType) parts.push(textOf(child));
    return parts.join('\n');
  }
  return '';
}

export function sectionWordsOfBody(body: Y.XmlFragment): number {
  return countWords(textOf(body));
}

/** Words in every section body of the report (annexes included: losing them is losing work too). */
export function reportBodyWords(doc: Y.Doc): number {
  let n = 0;
  for (const { body } of allSectionBodies(doc)) n += sectionWordsOfBody(body);
  return n;
}

/**
 * The items of `doc` a delete set would delete now (those not deleted already), each with the part of its text
 * the set names (an item of typed text may be longer than the range deleted from it).
 */
function itemsToDelete(doc: Y.Doc, ds: DeleteSet): Map<Y.Item, string> {
  const found = new Map<Y.Item, string>();
  const store = doc.store.clients;
  for (const [client, deletes] of ds.clients) {
    const structs = store.get(client);
    if (!structs || structs.length === 0) continue;
    const first = structs[0]!.id.clock;
    const last = structs[structs.length - 1]!;
    const end = last.id.clock + last.length;
    for (const d of deletes) {
      if (d.clock >= end || d.clock + d.len <= first) continue;
      for (let i = Y.findIndexSS(structs, Math.max(d.clock, first)); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= d.clock + d.len) break;
        if (!(s instanceof Y.Item) || s.deleted) continue;
        let part = '';
        if (s.content instanceof Y.ContentString) {
          const from = Math.max(d.clock, s.id.clock) - s.id.clock;
          const to = Math.min(d.clock + d.len, s.id.clock + s.length) - s.id.clock;
          part = s.content.str.slice(from, to);
        }
        found.set(s, (found.get(s) ?? '') + part);
      }
    }
  }
  return found;
}

/** Whether an ancestor of the item is deleted by the same change (its words are counted there). */
function insideDeleted(item: Y.Item, deleted: Map<Y.Item, string>): boolean {
  let parent = item.parent instanceof Y.AbstractType ? item.parent._item : null;
  while (parent) {
    if (deleted.has(parent)) return true;
    parent = parent.parent instanceof Y.AbstractType ? parent.parent._item : null;
  }
  return false;
}

/** Measure what an update (as decoded by `Y.decodeUpdate`) would delete from `doc`, without applying it. */
export function measureDeletion(doc: Y.Doc, ds: DeleteSet): DeletionMeasure {
  const measure: DeletionMeasure = { words: 0, sections: [] };
  if (ds.clients.size === 0) return measure;
  const deleted = itemsToDelete(doc, ds);
  if (deleted.size === 0) return measure;
  let text = '';
  for (const [item, part] of deleted) {
    if (insideDeleted(item, deleted)) continue;
    const content = item.content;
    if (content instanceof Y.ContentType) {
      const place = locateInSections(doc, content.type);
      if (!place) continue;
      if (place.whole) {
        const body = bodyOfSectionType(content.type);
        const words = body ? sectionWordsOfBody(body) : 0;
        measure.sections.push({ id: place.sectionId, words });
        measure.words += words;
      } else {
        text += '\n' + textOf(content.type);
      }
    } else if (content instanceof Y.ContentString && item.parent instanceof Y.AbstractType && locateInSections(doc, item.parent)) {
      text += '\n' + part;
    }
  }
  measure.words += countWords(text);
  return measure;
}

/** Whether a change measured so is a large deletion of a report with `totalWords` words. */
export function isLargeDeletion(measure: DeletionMeasure, totalWords: () => number): boolean {
  if (measure.sections.some((s) => s.words > LARGE_DELETION.sectionWords)) return true;
  if (measure.words < LARGE_DELETION.minWords) return false;
  return measure.words >= totalWords() * LARGE_DELETION.share;
}
