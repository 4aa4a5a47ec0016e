/** What a tag id stands for, for chips, exports and the API. An id nobody knows is shown as such, never dropped. */
import { findEntry } from './entries.ts';
import { parseRecommendationTagId, type TagKind } from './tagIds.ts';

export interface TagDescription {
  id: string;
  kind: TagKind;
  label: string;
  text?: string;
  parent?: string;
}

/** Looks up a report's own tags (earlier recommendations), which the shared taxonomy cannot know. */
export type RecommendationLookup = (id: string) => { label: string; text: string } | null;

export function describeTag(id: string, recommendations?: RecommendationLookup): TagDescription {
  const entry = findEntry(id);
  if (entry) {
    const out: TagDescription = { id, kind: entry.kind, label: entry.label, text: entry.text };
    if (entry.parent) out.parent = entry.parent;
    return out;
  }
  if (recommendations && parseRecommendationTagId(id)) {
    const rec = recommendations(id);
    if (rec) return { id, kind: 'recommendation', label: rec.label, text: rec.text };
  }
  return { id, kind: 'unknown', label: id };
}
