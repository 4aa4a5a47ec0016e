/** What export reads from a report's Y.Doc, gathered through the layout and content modules. */
import type * as Y from 'yjs';
import { getCoverFields, getReportMeta, listPriorRecommendations, type CoverFields, type PriorRecommendation, type ReportMeta } from '../report/layout.ts';
import { notesCountAsWords, reportContent, type SectionContent } from '../report/content.ts';

export interface ExportInput {
  meta: ReportMeta;
  cover: CoverFields;
  sections: SectionContent[];
  priorRecommendations: PriorRecommendation[];
  /** Total words as the mechanism counts them. */
  wordCount: number;
  /** Whether `wordCount` includes the notes. */
  notesCounted: boolean;
}

export function exportInputFromDoc(doc: Y.Doc): ExportInput {
  const content = reportContent(doc);
  const { sections, wordCount, ...meta } = content;
  return {
    meta,
    cover: getCoverFields(doc),
    sections,
    priorRecommendations: listPriorRecommendations(doc),
    wordCount,
    notesCounted: notesCountAsWords(meta.mechanism),
  };
}
