/** What export reads from a report's Y.Doc, gathered through the layout, cover-field and rules modules. */
import type * as Y from 'yjs';
import { getReportMeta, type ReportMeta } from '../report/layout.ts';
import { getCoverFields, type Confidentiality } from '../report/coverFields.ts';
import { earlierRecommendationLabel, listEarlierRecommendations } from '../report/earlierRecommendations.ts';
import { notesCountAsWords, reportContent, type SectionContent } from '../report/content.ts';
import { reportWords } from '../submission/reportWords.ts';

/** The cover page, as text ready to print. */
export interface ExportCover {
  session: string;
  /** e.g. "Joint submission"; empty when not chosen. */
  submissionType: string;
  organisations: string[];
  contact: string;
  /** CEDAW and CRPD ask whether a submission may be published. Empty when nobody said. */
  confidentiality: Confidentiality | '';
  /** BCP 47 language of the text; empty when unknown. */
  language: string;
  /** The word limit that applies (the report's own or the limits table's), when known. */
  wordLimit: number | null;
}

/** A row of the matrix annex: an earlier recommendation and the coalition's assessment, as printed. */
export interface PriorRecommendation {
  id: string;
  text: string;
  /** Its document symbol, paragraph and recommending States or body. */
  source: string;
  assessment: string;
  comment: string;
}

export interface ExportInput {
  meta: ReportMeta;
  cover: ExportCover;
  sections: SectionContent[];
  priorRecommendations: PriorRecommendation[];
  /** Total words as the mechanism counts them. */
  wordCount: number;
  /** Whether `wordCount` includes the notes. */
  notesCounted: boolean;
}

const SUBMISSION_TYPE_LABELS = { individual: 'Individual submission', joint: 'Joint submission' } as const;
const ASSESSMENT_LABELS = {
  implemented: 'Implemented',
  'partially-implemented': 'Partially implemented',
  'not-implemented': 'Not implemented',
} as const;

export function exportInputFromDoc(doc: Y.Doc): ExportInput {
  const content = reportContent(doc);
  const { sections, wordCount, ...meta } = content;
  const cover = getCoverFields(doc);
  return {
    meta: { ...meta, ...getReportMeta(doc) },
    cover: {
      session: cover.session,
      submissionType: cover.submissionType ? SUBMISSION_TYPE_LABELS[cover.submissionType] : '',
      organisations: cover.organisations,
      contact: cover.contact,
      confidentiality: cover.confidentiality ?? '',
      language: cover.language,
      wordLimit: reportWords(doc).limit.words,
    },
    sections,
    priorRecommendations: listEarlierRecommendations(doc).map((r) => ({
      id: r.id,
      text: r.text,
      source: earlierRecommendationLabel(r),
      assessment: r.assessment ? ASSESSMENT_LABELS[r.assessment] : '',
      comment: r.comment,
    })),
    wordCount,
    notesCounted: notesCountAsWords(meta.mechanism),
  };
}
