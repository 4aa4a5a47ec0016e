/**
 * What the coverage view shows, computed from the doc with the (lazily loaded) taxonomy: the shared coverage
 * of the mechanism's substantive articles and the 17 SDGs, plus every other tag the sections carry (other
 * treaties' articles, general comments, UPR themes, earlier recommendations, unknown ids), so a UPR report,
 * which has no treaty of its own, still sees the articles it cites. Tags count from sections, passages and
 * recommendation blocks (shared/report/coverage.ts).
 */
import type * as Y from 'yjs';
import type { Coverage } from '../../../../shared/report/coverage.ts';
import type { TagDescription } from '../../../../shared/taxonomy/describeTag.ts';
import { articleOfPart, compareTagIds, sdgGoalOf } from '../../../../shared/taxonomy/tagIds.ts';
import type { TaxonomyModule } from '../tagging/taxonomy.ts';
import { derivedFrom, type DocDerived } from '../treaty/docDerived.ts';
import { listSections } from '../../../../shared/report/layout.ts';

export interface OtherTag extends TagDescription {
  sections: { sectionId: string; title: string }[];
}

export interface CoverageModel extends Coverage {
  others: OtherTag[];
}

export function coverageModel(taxonomy: Pick<TaxonomyModule, 'computeCoverage' | 'reportTags'>, doc: Y.Doc): CoverageModel {
  const coverage = taxonomy.computeCoverage(doc);
  const listed = new Set([...coverage.articles.items, ...(coverage.uprThemes?.items ?? [])].map((i) => i.id));
  const titles = new Map(listSections(doc).map((s) => [s.id, s.title]));
  const others = taxonomy
    .reportTags(doc)
    .filter((t) => !listed.has(t.id) && !listed.has(articleOfPart(t.id) ?? '') && sdgGoalOf(t.id) === null)
    .sort((a, b) => compareTagIds(a.id, b.id))
    .map(({ sectionIds, ...t }) => ({ ...t, sections: sectionIds.map((sectionId) => ({ sectionId, title: titles.get(sectionId) ?? '' })) }));
  return { ...coverage, others };
}

/** One per taxonomy module: the module in another interface language labels the SDGs in that language. */
const coverageOf = new WeakMap<TaxonomyModule, (doc: Y.Doc) => DocDerived<CoverageModel>>();

/** The live coverage of a doc; one computation shared by every viewer, after tags change within 150 ms. */
export function coverageFor(taxonomy: TaxonomyModule, doc: Y.Doc): DocDerived<CoverageModel> {
  let of = coverageOf.get(taxonomy);
  if (!of) coverageOf.set(taxonomy, (of = derivedFrom((d) => coverageModel(taxonomy, d), 150)));
  return of(doc);
}
