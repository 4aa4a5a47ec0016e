/** The tag annex: which treaty articles, SDG targets and recommendations each section addresses. */
import type { TagAnnexRow } from './model.ts';

export type TagKind = 'article' | 'sdg' | 'recommendation' | 'other';

export interface TagLabel {
  label: string;
  kind: TagKind;
}

/** Turns a tag id into a label and a column; a taxonomy (issue 4) can supply its own. */
export type TagResolver = (tagId: string) => TagLabel;

/**
 * Without a taxonomy the id is the label, and its prefix picks the column: `sdg...` for SDG targets, `rec...` for
 * recommendations, `art...` (or anything else that names an article) for treaty articles.
 */
export const tagIdResolver: TagResolver = (tagId) => {
  const id = tagId.toLowerCase();
  if (id.startsWith('sdg')) return { label: tagId, kind: 'sdg' };
  if (id.startsWith('rec')) return { label: tagId, kind: 'recommendation' };
  if (id.startsWith('art') || /^[a-z]+[-:. ]?art/.test(id)) return { label: tagId, kind: 'article' };
  return { label: tagId, kind: 'other' };
};

const COLUMN: Record<TagKind, keyof Omit<TagAnnexRow, 'section'>> = {
  article: 'articles',
  sdg: 'sdgs',
  recommendation: 'recommendations',
  other: 'other',
};

/** One row per tagged section, in report order; null when no section has a tag. */
export function tagAnnexRows(sections: { title: string; tags: string[] }[], resolve: TagResolver = tagIdResolver): TagAnnexRow[] | null {
  const rows: TagAnnexRow[] = [];
  for (const section of sections) {
    if (section.tags.length === 0) continue;
    const row: TagAnnexRow = { section: section.title, articles: [], sdgs: [], recommendations: [], other: [] };
    for (const tag of section.tags) {
      const { label, kind } = resolve(tag);
      row[COLUMN[kind]].push(label);
    }
    rows.push(row);
  }
  return rows.length > 0 ? rows : null;
}
