/**
 * Coverage of a report: for its mechanism's treaty, which substantive articles the sections address and which
 * none does; and the same for the 17 SDGs. A section addresses an article when tagged with it (ICERD:5), and a
 * goal when tagged with the goal, one of its targets or one of its indicators (SDG:5.2 addresses goal 5).
 */
import type * as Y from 'yjs';
import { isMechanism } from '../api/mechanisms.ts';
import type { TaxonomyEntry } from '../taxonomy/entries.ts';
import { tagIsAbout, type TreatyId } from '../taxonomy/tagIds.ts';
import { MECHANISM_TREATY, sdgGoals, substantiveArticles } from '../taxonomy/treaties.ts';
import { getReportMeta, listSections, type SectionInfo } from './layout.ts';

export interface CoverageItem {
  id: string;
  label: string;
  addressedBy: { sectionId: string; title: string }[];
}

export interface CoverageGroup {
  items: CoverageItem[];
  addressed: number;
  total: number;
  /** Ids of the items no section addresses. */
  notAddressed: string[];
}

export interface Coverage {
  mechanism: string;
  /** The treaty whose articles are listed; null for the UPR, which reviews every obligation. */
  treaty: TreatyId | null;
  articles: CoverageGroup;
  sdgs: CoverageGroup;
}

function group(subjects: TaxonomyEntry[], sections: SectionInfo[]): CoverageGroup {
  const items = subjects.map((subject) => ({
    id: subject.id,
    label: subject.label,
    addressedBy: sections.filter((s) => s.tags.some((t) => tagIsAbout(t, subject.id))).map((s) => ({ sectionId: s.id, title: s.title })),
  }));
  const notAddressed = items.filter((i) => i.addressedBy.length === 0).map((i) => i.id);
  return { items, addressed: items.length - notAddressed.length, total: items.length, notAddressed };
}

export function computeCoverage(doc: Y.Doc): Coverage {
  const { mechanism } = getReportMeta(doc);
  const treaty = isMechanism(mechanism) ? MECHANISM_TREATY[mechanism] : null;
  const sections = listSections(doc);
  return {
    mechanism,
    treaty,
    articles: group(treaty ? substantiveArticles(treaty) : [], sections),
    sdgs: group(sdgGoals(), sections),
  };
}
