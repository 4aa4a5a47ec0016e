/**
 * The live word counts of a report against its limit: per section (with each section's own budget) and for
 * the whole submission, counting only what the mechanism's limit counts (see wordLimits.ts).
 */
import type * as Y from 'yjs';
import { sectionContent } from '../report/content.ts';
import { getCoverFields } from '../report/coverFields.ts';
import { getReportMeta, listSections, type SectionInfo } from '../report/layout.ts';
import { contentWords } from '../report/submissionWords.ts';
import { countedWords } from './countedWords.ts';
import { wordLimitFor, type EffectiveWordLimit } from './wordLimits.ts';
import { wordStatus, type WordStatus } from './wordStatus.ts';

export interface SectionWords {
  id: string;
  title: string;
  annex: boolean;
  /** Words outside footnotes. */
  body: number;
  footnotes: number;
  /** What this section adds to the count the limit applies to (0 for an annex). */
  counted: number;
  /** Against the section's own budget, when it has one. */
  budget: WordStatus | null;
}

export interface ReportWords {
  sections: SectionWords[];
  /** Every word, footnotes and annexes included. */
  total: number;
  /** The words the limit applies to. */
  counted: number;
  limit: EffectiveWordLimit;
  status: WordStatus;
}

/** A section's words outside and inside its footnotes. */
export type SectionWordParts = (doc: Y.Doc, section: SectionInfo) => { body: number; footnotes: number };

/** Counted from the section's content, every time. */
export const countSectionWords: SectionWordParts = (doc, section) => contentWords(sectionContent(doc, section).content);

/** `partsOf` may answer from a cache (see client/src/features/submission/sectionWordsCache.ts); the result is the same. */
export function reportWords(doc: Y.Doc, partsOf: SectionWordParts = countSectionWords): ReportWords {
  const meta = getReportMeta(doc);
  const cover = getCoverFields(doc);
  const limit = wordLimitFor(meta.mechanism, cover.submissionType, cover.wordLimit);
  const skipNotes = limit.notCounted.includes('footnotes');
  const sections = listSections(doc).map((s): SectionWords => {
    const { body, footnotes } = partsOf(doc, s);
    const own = body + (skipNotes ? 0 : footnotes);
    return {
      id: s.id,
      title: s.title,
      annex: s.annex,
      body,
      footnotes,
      counted: countedWords({ annex: s.annex, body, footnotes }, limit.notCounted),
      budget: s.wordBudget === null ? null : wordStatus(own, s.wordBudget),
    };
  });
  const counted = sections.reduce((sum, s) => sum + s.counted, 0);
  const total = sections.reduce((sum, s) => sum + s.body + s.footnotes, 0);
  return { sections, total, counted, limit, status: wordStatus(counted, limit.words) };
}
