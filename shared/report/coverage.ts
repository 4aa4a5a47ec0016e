/**
 * Coverage of a report: for its mechanism's treaty, which substantive articles the report addresses and which
 * it does not; the same for the 17 SDGs; and for UPR reports the UPR themes. Tags count from three places:
 * a section's tags, passage tags (marks on text) and recommendation-block tags. A section's own tags count
 * only when the section says something (at least `WRITTEN_SECTION_WORDS` words); before that the section is
 * "tagged, not written". A tag addresses an article when it is the article or one of its sub-paragraphs
 * (ICERD:5(e)(iii) addresses ICERD:5), and a goal when it is the goal, a target or an indicator.
 */
import type * as Y from 'yjs';
import { isMechanism } from '../api/mechanisms.ts';
import type { TaxonomyEntry } from '../taxonomy/entries.ts';
import { taxonomyEntries } from '../taxonomy/entries.ts';
import { tagIsAbout, type TreatyId } from '../taxonomy/tagIds.ts';
import { MECHANISM_TREATY, sdgGoals, substantiveArticles } from '../taxonomy/treaties.ts';
import { sectionContent } from './content.ts';
import { getReportMeta, listSections } from './layout.ts';
import { passageTagIds, recommendationTags } from './passageTags.ts';
import { countWords } from './wordCount.ts';
import { WRITTEN_SECTION_WORDS } from './coverageRule.ts';

export { WRITTEN_SECTION_WORDS };

export interface CoverageSection {
  sectionId: string;
  title: string;
}

export interface CoverageItem {
  id: string;
  label: string;
  /** Sections that address the item: written and tagged, or holding a tagged passage or recommendation. */
  addressedBy: CoverageSection[];
  /** Sections tagged with the item that do not say anything yet (fewer than 30 words) and address it no other way. */
  taggedNotWritten: CoverageSection[];
}

export interface CoverageGroup {
  items: CoverageItem[];
  addressed: number;
  total: number;
  /** Ids of the items nothing in the report addresses. */
  notAddressed: string[];
}

export interface Coverage {
  mechanism: string;
  /** The treaty whose articles are listed; null for the UPR, which reviews every obligation. */
  treaty: TreatyId | null;
  articles: CoverageGroup;
  sdgs: CoverageGroup;
  /** UPR reports: the UPR themes; null for treaty-body reports. */
  uprThemes: CoverageGroup | null;
}

/** What one section says it is about. */
export interface SectionTagUse extends CoverageSection {
  words: number;
  /** The section's own tags. */
  sectionTags: string[];
  /** Tags on passages and recommendation blocks in its body. */
  textTags: string[];
}

export function sectionTagUses(doc: Y.Doc): SectionTagUse[] {
  return listSections(doc).map((section) => {
    const content = sectionContent(doc, section, { countNotes: false });
    return {
      sectionId: section.id,
      title: section.title,
      words: countWords(content.text),
      sectionTags: section.tags,
      textTags: [...new Set([...passageTagIds(content.content), ...recommendationTags(content.content)])],
    };
  });
}

function group(subjects: readonly TaxonomyEntry[], uses: SectionTagUse[]): CoverageGroup {
  const items = subjects.map((subject) => {
    const about = (tags: string[]) => tags.some((t) => tagIsAbout(t, subject.id));
    const addressedBy: CoverageSection[] = [];
    const taggedNotWritten: CoverageSection[] = [];
    for (const use of uses) {
      const bySection = about(use.sectionTags);
      const section = { sectionId: use.sectionId, title: use.title };
      if (about(use.textTags) || (bySection && use.words >= WRITTEN_SECTION_WORDS)) addressedBy.push(section);
      else if (bySection) taggedNotWritten.push(section);
    }
    return { id: subject.id, label: subject.label, addressedBy, taggedNotWritten };
  });
  const notAddressed = items.filter((i) => i.addressedBy.length === 0).map((i) => i.id);
  return { items, addressed: items.length - notAddressed.length, total: items.length, notAddressed };
}

export function computeCoverage(doc: Y.Doc): Coverage {
  const { mechanism } = getReportMeta(doc);
  const treaty = isMechanism(mechanism) ? MECHANISM_TREATY[mechanism] : null;
  const uses = sectionTagUses(doc);
  return {
    mechanism,
    treaty,
    articles: group(treaty ? substantiveArticles(treaty) : [], uses),
    sdgs: group(sdgGoals(), uses),
    uprThemes: mechanism === 'UPR' ? group(taxonomyEntries().filter((e) => e.kind === 'upr-theme'), uses) : null,
  };
}
