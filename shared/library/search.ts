/**
 * Library search, the same on the server (GET /api/library/search) and in the browser over what the device holds:
 * the ranking of the taxonomy search (shared/search/ranking.ts) on the entry's title (label) and text, tags and
 * adoption places; filters by kind, tag and adoption status. No query lists every match, newest first.
 */
import { rank, rankedFields, rankQuery } from '../search/ranking.ts';
import { tagIsAbout } from '../taxonomy/tagIds.ts';
import { LIBRARY_LIMITS, type AdoptionStatus, type LibraryEntry, type LibraryKind, type LibrarySearchHit } from './entry.ts';

export interface LibraryQuery {
  q?: string;
  kind?: LibraryKind | null;
  /** A tag id: entries tagged with it or with one of its parts ("CEDAW:10" finds "CEDAW:10(a)"). */
  tag?: string | null;
  /** Entries with at least one adoption record of this status. */
  status?: AdoptionStatus | null;
  limit?: number;
}

function searchableText(e: LibraryEntry): string {
  return [e.text, e.tags.join(' '), ...e.adoptions.map((a) => `${a.place} ${a.body}`)].join(' ');
}

export function searchLibrary<T extends LibraryEntry>(entries: readonly T[], query: LibraryQuery): (LibrarySearchHit & { entry: T })[] {
  const limit = Math.max(1, Math.min(LIBRARY_LIMITS.results, Math.floor(query.limit ?? LIBRARY_LIMITS.results)));
  const q = query.q ? rankQuery(query.q) : null;
  const hits: (LibrarySearchHit & { entry: T })[] = [];
  for (const entry of entries) {
    if (query.kind && entry.kind !== query.kind) continue;
    if (query.tag && !entry.tags.some((t) => t === query.tag || tagIsAbout(t, query.tag!))) continue;
    if (query.status && !entry.adoptions.some((a) => a.status === query.status)) continue;
    if (!q) {
      hits.push({ entry, score: 0 });
      continue;
    }
    const result = rank(rankedFields(entry.id, entry.title, searchableText(entry)), q);
    if (result) hits.push({ entry, score: result[1] });
  }
  hits.sort((a, b) => b.score - a.score || b.entry.updatedAt.localeCompare(a.entry.updatedAt) || a.entry.id.localeCompare(b.entry.id));
  return hits.slice(0, limit);
}
