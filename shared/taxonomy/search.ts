/**
 * A small, fast search over the taxonomy, the same in the browser (offline) and on the server. Ranking: an exact
 * id ("ICERD:5", also typed "icerd 5"), then ids that start with the query ("SDG:5" finds its targets, shorter
 * ids first), then entries whose label or text has every query word (as a word prefix), label words counting more.
 */
import { rank, rankedFields, rankQuery, type RankedFields, type RankMatch } from '../search/ranking.ts';
import { taxonomyEntries, type TaxonomyEntry } from './entries.ts';
import { compareTagIds, GENERAL_COMMENT_PREFIXES, type TagKind, type TreatyId } from './tagIds.ts';

/** Anything searchable: taxonomy entries, or a report's own tags (earlier recommendations) passed as `extra`. */
export interface Searchable {
  id: string;
  kind: TagKind;
  label: string;
  text: string;
}

export interface SearchHit<T extends Searchable = TaxonomyEntry> {
  entry: T;
  score: number;
  match: RankMatch;
}

export interface SearchOptions<T extends Searchable> {
  /** At most this many hits (default 20, at most 200). */
  limit?: number;
  kinds?: readonly TagKind[];
  /** More entries to search with the taxonomy, e.g. the report's earlier recommendations. */
  extra?: readonly T[];
  /** The report's own treaty: its articles, sub-paragraphs and its committee's general comments come first. */
  treaty?: TreatyId | null;
}

/** Points a word match gains for belonging to the report's own treaty: more than any label word can add. */
const OWN_TREATY = 200;

/** The committee that monitors each treaty, by the prefix of its general comments' ids. */
const COMMITTEE_OF: Record<TreatyId, string> = {
  ICERD: 'CERD',
  ICCPR: 'CCPR',
  ICESCR: 'CESCR',
  CEDAW: 'CEDAW',
  CAT: 'CAT',
  CRC: 'CRC',
  CRPD: 'CRPD',
  ICMW: 'CMW',
  CPED: 'CED',
};

function ownTreatyTest(treaty: TreatyId): (id: string) => boolean {
  const comments = `${GENERAL_COMMENT_PREFIXES[COMMITTEE_OF[treaty]]}:`;
  return (id) => id.startsWith(`${treaty}:`) || id.startsWith(comments);
}

interface Indexed<T> extends RankedFields {
  entry: T;
}

/** A sub-paragraph is found by its own words, not by the heading of its article, which the article itself carries. */
function searchLabel(entry: Searchable): string {
  return 'part' in entry && typeof entry.part === 'string' && entry.part ? entry.label.replace(/: .*$/, '') : entry.label;
}

function index<T extends Searchable>(entries: readonly T[]): Indexed<T>[] {
  return entries.map((entry) => ({ entry, ...rankedFields(entry.id, searchLabel(entry), entry.text) }));
}

let taxonomyIndex: Indexed<TaxonomyEntry>[] | null = null;

/** Search the taxonomy (and `extra`), best first. */
export function searchTaxonomy<T extends Searchable = TaxonomyEntry>(query: string, options: SearchOptions<T> = {}): SearchHit<T | TaxonomyEntry>[] {
  // "ICERD 5" and "sdg 5.2" are how people type ids.
  const q = rankQuery(query);
  if (!q) return [];
  const limit = Math.max(1, Math.min(200, Math.floor(options.limit ?? 20)));
  taxonomyIndex ??= index(taxonomyEntries());
  const pool: Indexed<T | TaxonomyEntry>[] = options.extra ? [...taxonomyIndex, ...index(options.extra)] : taxonomyIndex;
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const own = options.treaty ? ownTreatyTest(options.treaty) : null;
  const hits: SearchHit<T | TaxonomyEntry>[] = [];
  for (const item of pool) {
    if (kinds && !kinds.has(item.entry.kind)) continue;
    const result = rank(item, q);
    if (!result) continue;
    const bonus = result[0] === 'words' && own?.(item.entry.id) ? OWN_TREATY : 0;
    hits.push({ entry: item.entry, match: result[0], score: result[1] + bonus });
  }
  hits.sort((a, b) => b.score - a.score || compareTagIds(a.entry.id, b.entry.id));
  return hits.slice(0, limit);
}
