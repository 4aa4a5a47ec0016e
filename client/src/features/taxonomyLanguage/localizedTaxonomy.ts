/**
 * The taxonomy module with SDG tags in an interface language: descriptions (chips, tooltips, a tagged passage's
 * hover), search (the tag picker finds "égalité" as well as "equality", and shows the French words) and coverage.
 * Exports take the module from loadTaxonomy(), which stays English. Part of the lazily
 * loaded taxonomy chunk (re-exported by tagging/taxonomyModule.ts), since it reads the taxonomy entries.
 */
import { computeCoverage } from '../../../../shared/report/coverage.ts';
import { describeReportTag, reportTags } from '../../../../shared/report/tags.ts';
import { describeTag } from '../../../../shared/taxonomy/describeTag.ts';
import { taxonomyEntries, type TaxonomyEntry } from '../../../../shared/taxonomy/entries.ts';
import { localizeTag, type Labelled, type SdgLabelFormats, type SdgLabels } from '../../../../shared/taxonomy/localizedLabels.ts';
import { searchTaxonomy, type SearchHit, type SearchOptions, type Searchable } from '../../../../shared/taxonomy/search.ts';
import { compareTagIds } from '../../../../shared/taxonomy/tagIds.ts';
import { fold, rank, rankedFields, rankQuery, type RankedFields } from '../../../../shared/search/ranking.ts';
import type { TaxonomyModule } from '../tagging/taxonomy.ts';

interface Indexed extends RankedFields {
  entry: TaxonomyEntry;
  /** The localized label and text, folded, for scripts written without spaces (Chinese). */
  plain: string;
}

const SDG_KINDS = new Set(['sdg-goal', 'sdg-target', 'sdg-indicator']);
/** Han, kana and hangul: words are not separated by spaces, so a query matches anywhere in the text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function localizedTaxonomy(module: TaxonomyModule, labels: SdgLabels, formats: SdgLabelFormats): TaxonomyModule {
  const localize = <T extends Labelled>(entry: T): T => localizeTag(entry, labels, formats);
  let index: Indexed[] | null = null;
  const localIndex = (): Indexed[] =>
    (index ??= taxonomyEntries()
      .filter((e) => SDG_KINDS.has(e.kind))
      .map((entry) => {
        const own = localize(entry);
        return { entry, ...rankedFields(entry.id, own.label, own.text), plain: fold(`${own.label} ${own.text}`) };
      }));

  function search<T extends Searchable = TaxonomyEntry>(query: string, options: SearchOptions<T> = {}): SearchHit<T | TaxonomyEntry>[] {
    const q = rankQuery(query);
    if (!q) return [];
    const limit = Math.max(1, Math.min(200, Math.floor(options.limit ?? 20)));
    // English words and ids still find everything; the language's own words find the SDGs too.
    const best = new Map<string, SearchHit<T | TaxonomyEntry>>(searchTaxonomy(query, { ...options, limit: 200 }).map((hit) => [hit.entry.id, hit]));
    const kinds = options.kinds ? new Set<string>(options.kinds) : null;
    const unspaced = UNSPACED.test(query);
    for (const item of localIndex()) {
      if (kinds && !kinds.has(item.entry.kind)) continue;
      let result = rank(item, q);
      if (!result && unspaced && q.words.length > 0 && q.words.every((w) => item.plain.includes(w))) result = ['words', 100 + 5 * q.words.length];
      if (!result) continue;
      const before = best.get(item.entry.id);
      if (!before || result[1] > before.score) best.set(item.entry.id, { entry: item.entry, match: result[0], score: result[1] });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || compareTagIds(a.entry.id, b.entry.id))
      .slice(0, limit)
      .map((hit) => ({ ...hit, entry: localize(hit.entry) }));
  }

  return {
    ...module,
    describeTag: (id, recommendations) => localize(describeTag(id, recommendations)),
    searchTaxonomy: search,
    computeCoverage: (doc) => {
      const coverage = computeCoverage(doc);
      return { ...coverage, sdgs: { ...coverage.sdgs, items: coverage.sdgs.items.map((item) => localizeTag(item, labels, formats)) } };
    },
    reportTags: (doc) => reportTags(doc).map((tag) => localizeTag(tag, labels, formats)),
    describeReportTag: (doc, id) => localize(describeReportTag(doc, id)),
  };
}
