/** What a tag id stands for, for chips, exports and the API. An id nobody knows is shown as such, never dropped. */
import { articlePartLabel, findEntry } from './entries.ts';
import { articleTagId, parseArticleTagId, parseRecommendationTagId, type TagKind } from './tagIds.ts';

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
  // A sub-paragraph the reference texts do not carry (or that does not exist): the article's title and the part.
  const part = parseArticleTagId(id);
  if (part && part.part) {
    const article = findEntry(articleTagId(part.treaty, part.article));
    if (article) {
      return { id, kind: 'article', label: articlePartLabel(part.treaty, part.article, part.part, article.heading), text: article.text, parent: article.id };
    }
  }
  if (recommendations && parseRecommendationTagId(id)) {
    const rec = recommendations(id);
    if (rec) return { id, kind: 'recommendation', label: rec.label, text: rec.text };
  }
  return { id, kind: 'unknown', label: id };
}
