/**
 * The tags a report carries below the section level: passage tags (marks on text, shared/schema/passageTag.ts)
 * and recommendation-block tags, read from a section's ProseMirror JSON.
 */
import { PASSAGE_TAG_MARK } from '../schema/passageTag.ts';
import { RECOMMENDATION_NODE } from '../schema/recommendation.ts';
import type { PmNode } from './content.ts';

export interface TaggedPassage {
  tag: string;
  /** The tagged words, footnotes left out; adjacent tagged runs in one block are one passage. */
  text: string;
}

/** The passage tags of one text node (a mark may hold `tag`, or `tags` as written by other clients). */
function tagsOf(node: PmNode): string[] {
  const out: string[] = [];
  for (const mark of node.marks ?? []) {
    if (mark.type !== PASSAGE_TAG_MARK) continue;
    const { tag, tags } = mark.attrs ?? {};
    if (typeof tag === 'string' && tag) out.push(tag);
    if (Array.isArray(tags)) for (const t of tags) if (typeof t === 'string' && t) out.push(t);
  }
  return out;
}

/** Every tagged passage of a section body, in document order, one entry per tag and run of text. */
export function taggedPassages(content: PmNode): TaggedPassage[] {
  const out: TaggedPassage[] = [];
  const walk = (node: PmNode) => {
    if (node.type === 'footnote') return;
    const inlines = (node.content ?? []).filter((c) => c.type === 'text');
    if (inlines.length > 0) {
      // Runs per tag inside one block: consecutive text nodes that carry the tag.
      const open = new Map<string, string>();
      const close = (tag: string) => {
        out.push({ tag, text: open.get(tag)!.trim() });
        open.delete(tag);
      };
      for (const child of node.content ?? []) {
        if (child.type !== 'text') {
          if (child.type === 'footnote') continue;
          for (const tag of [...open.keys()]) close(tag);
          walk(child);
          continue;
        }
        const tags = new Set(tagsOf(child));
        for (const tag of [...open.keys()]) if (!tags.has(tag)) close(tag);
        for (const tag of tags) open.set(tag, (open.get(tag) ?? '') + (child.text ?? ''));
      }
      for (const tag of [...open.keys()]) close(tag);
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(content);
  return out;
}

/** The tags of every recommendation block in a section body. */
export function recommendationTags(content: PmNode): string[] {
  const out: string[] = [];
  const walk = (node: PmNode) => {
    if (node.type === RECOMMENDATION_NODE && Array.isArray(node.attrs?.tags)) {
      for (const t of node.attrs.tags) if (typeof t === 'string' && t) out.push(t);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(content);
  return out;
}

/** Distinct passage tag ids of a section body, in first-use order. */
export function passageTagIds(content: PmNode): string[] {
  return [...new Set(taggedPassages(content).map((p) => p.tag))];
}
