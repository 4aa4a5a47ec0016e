/** Tags as a report uses them: filtering sections by tag, and naming tags, the report's own earlier recommendations included. */
import type * as Y from 'yjs';
import { describeTag, type RecommendationLookup, type TagDescription } from '../taxonomy/describeTag.ts';
import { tagIsAbout } from '../taxonomy/tagIds.ts';
import { earlierRecommendationLabel, getEarlierRecommendation } from './earlierRecommendations.ts';
import { sectionTagUses } from './coverage.ts';
import { listSections, type SectionInfo } from './layout.ts';

/** The sections, in display order, tagged `tagId` or (for an SDG) one of its targets or indicators. */
export function sectionsWithTag(doc: Y.Doc, tagId: string): SectionInfo[] {
  return listSections(doc).filter((s) => s.tags.some((t) => tagIsAbout(t, tagId)));
}

/** Looks up tags that name this report's earlier recommendations. */
export function reportRecommendationLookup(doc: Y.Doc): RecommendationLookup {
  return (id) => {
    const rec = getEarlierRecommendation(doc, id);
    return rec ? { label: earlierRecommendationLabel(rec), text: rec.text } : null;
  };
}

/** What a tag on this report stands for; unknown ids come back as `{ kind: 'unknown', label: id }`. */
export function describeReportTag(doc: Y.Doc, tagId: string): TagDescription {
  return describeTag(tagId, reportRecommendationLookup(doc));
}

/**
 * Every tag used in the report, described, with the sections that carry it: on the section itself, on a passage
 * of its text or on one of its recommendation blocks.
 */
export function reportTags(doc: Y.Doc): (TagDescription & { sectionIds: string[] })[] {
  const bySection = new Map<string, string[]>();
  for (const s of sectionTagUses(doc)) {
    for (const t of new Set([...s.sectionTags, ...s.textTags])) bySection.set(t, [...(bySection.get(t) ?? []), s.sectionId]);
  }
  const lookup = reportRecommendationLookup(doc);
  return [...bySection.entries()].map(([id, sectionIds]) => ({ ...describeTag(id, lookup), sectionIds }));
}
