/**
 * The tag annex: what each section addresses, one column per kind of tag (treaty articles, general
 * recommendations and comments, SDG targets, UPR themes, earlier recommendations), labelled from the taxonomy;
 * the section's own tags, then its passage tags with the words they are on.
 */
import type { TagAnnexRow } from './model.ts';

export type TagKind = 'article' | 'general-comment' | 'sdg' | 'upr-theme' | 'recommendation' | 'other';

/** The annex's columns, in the order printed; a column no section fills is left out. */
export const TAG_COLUMNS: readonly { kind: TagKind; title: string }[] = [
  { kind: 'article', title: 'Treaty articles' },
  { kind: 'general-comment', title: 'General recommendations and comments' },
  { kind: 'sdg', title: 'SDG goals and targets' },
  { kind: 'upr-theme', title: 'UPR themes and groups' },
  { kind: 'recommendation', title: 'Earlier recommendations' },
  { kind: 'other', title: 'Other tags' },
];

export interface TagLabel {
  label: string;
  kind: TagKind;
}

/** Turns a tag id into a label and a column. */
export type TagResolver = (tagId: string) => TagLabel;

/** The taxonomy's kinds (shared/taxonomy/tagIds.ts) as annex columns. */
export function columnOfTaxonomyKind(kind: string): TagKind {
  if (kind === 'article' || kind === 'general-comment' || kind === 'recommendation') return kind;
  if (kind.startsWith('sdg')) return 'sdg';
  if (kind === 'upr-theme' || kind === 'upr-group') return 'upr-theme';
  return 'other';
}

const TREATY_PREFIX = /^(ICERD|ICCPR|ICESCR|CEDAW|CAT|CRC|CRPD|ICMW|CPED):/;

/**
 * Without the taxonomy the id is the label, and the id's grammar picks the column (`ICERD:5`, `CERD-GR:35`,
 * `SDG:4.5`, `UPR-THEME:...`, `REC:...`). Callers that can should pass labels (`ExportInput.tagLabels`).
 */
export const tagIdResolver: TagResolver = (tagId) => {
  if (TREATY_PREFIX.test(tagId)) return { label: tagId, kind: 'article' };
  if (/^[A-Z]+-(GR|GC):/.test(tagId)) return { label: tagId, kind: 'general-comment' };
  if (tagId.startsWith('SDG:')) return { label: tagId, kind: 'sdg' };
  if (tagId.startsWith('UPR-THEME:') || tagId.startsWith('UPR-GROUP:')) return { label: tagId, kind: 'upr-theme' };
  if (tagId.startsWith('REC:')) return { label: tagId, kind: 'recommendation' };
  return { label: tagId, kind: 'other' };
};

/** A resolver that reads labels gathered beforehand, and falls back to the id's grammar for any other tag. */
export function labelResolver(labels: Record<string, TagLabel> | undefined): TagResolver {
  if (!labels) return tagIdResolver;
  return (tagId) => (Object.hasOwn(labels, tagId) ? labels[tagId]! : tagIdResolver(tagId));
}

const emptyColumns = (): Record<TagKind, string[]> => ({ article: [], 'general-comment': [], sdg: [], 'upr-theme': [], recommendation: [], other: [] });

/** The first words of a tagged passage, quoted, for the annex: “are evicted without notice…”. */
export function passageQuote(text: string, words = 8): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return `“${all.slice(0, words).join(' ')}${all.length > words ? '…' : ''}”`;
}

/**
 * One row per tagged section, in report order; null when no section has a tag. A section's passage tags
 * (marks on its text) follow its own tags in their columns, each with the passage it is on.
 */
export function tagAnnexRows(
  sections: { title: string; tags: string[]; passageTags?: { tag: string; text: string }[] }[],
  resolve: TagResolver = tagIdResolver,
): TagAnnexRow[] | null {
  const rows: TagAnnexRow[] = [];
  for (const section of sections) {
    const passages = section.passageTags ?? [];
    if (section.tags.length === 0 && passages.length === 0) continue;
    const row: TagAnnexRow = { section: section.title, tags: emptyColumns() };
    for (const tag of section.tags) {
      const { label, kind } = resolve(tag);
      row.tags[kind].push(label);
    }
    for (const passage of passages) {
      const { label, kind } = resolve(passage.tag);
      row.tags[kind].push(`${label}: passage ${passageQuote(passage.text)}`);
    }
    rows.push(row);
  }
  return rows.length > 0 ? rows : null;
}
