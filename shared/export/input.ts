/** What export reads from a report's Y.Doc, gathered through the layout, cover-field and rules modules. */
import type * as Y from 'yjs';
import { getReportMeta, type ReportMeta } from '../report/layout.ts';
import { getCoverFields, type Confidentiality } from '../report/coverFields.ts';
import { earlierRecommendationLabel, listEarlierRecommendations } from '../report/earlierRecommendations.ts';
import { notesCountAsWords, reportContent, type SectionContent } from '../report/content.ts';
import { reportWords } from '../submission/reportWords.ts';
import { columnOfTaxonomyKind, type TagLabel } from './annex.ts';
import { contentWithSuggestions, type SuggestionSource } from './withSuggestions.ts';
import type { ExportImage } from './model.ts';
import { internalSectionIds, listSensitiveNames, listTestimonies, type Audience } from '../report/testimony.ts';
import type { ExportEvidence } from './audience.ts';

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
  /** The report has annex sections and `wordCount` leaves them out. */
  annexesNotCounted?: boolean;
  /** Label and annex column of every tag the sections carry, from the taxonomy; absent when none was passed. */
  tagLabels?: Record<string, TagLabel>;
  /** The bytes of the report's images by their `src` (attachment path), gathered by the caller (issue 12). */
  images?: Record<string, ExportImage>;
  /** Testimony consent, sensitive names and internal sections (shared/export/audience.ts applies them). */
  evidence?: ExportEvidence;
  /** Set once `applyAudience` has filtered the input for this audience. */
  audience?: Audience;
}

/** What a tag stands for: `describeReportTag` from shared/report/tags.ts (the taxonomy, loaded lazily in the browser). */
export type TagDescriber = (doc: Y.Doc, tagId: string) => { kind: string; label: string };

export interface InputSources {
  /** Names the tags in the annex; without it the annex prints tag ids. */
  describeTag?: TagDescriber;
  /** The discussion document and the export's `suggestions` option: open suggestions applied, or not. */
  suggestions?: SuggestionSource;
  /**
   * The organisations the cover names, when the caller knows sign-on (`coverOrganisations` of
   * shared/report/signOn.ts); without it, the report's own list.
   */
  organisations?: string[];
}

function tagLabels(doc: Y.Doc, sections: SectionContent[], describe: TagDescriber): Record<string, TagLabel> {
  const labels: Record<string, TagLabel> = {};
  for (const id of new Set(sections.flatMap((s) => [...s.tags, ...s.passageTags.map((p) => p.tag)]))) {
    const d = describe(doc, id);
    labels[id] = { label: d.label, kind: columnOfTaxonomyKind(d.kind) };
  }
  return labels;
}

const SUBMISSION_TYPE_LABELS = { individual: 'Individual submission', joint: 'Joint submission' } as const;
const ASSESSMENT_LABELS = {
  implemented: 'Implemented',
  'partially-implemented': 'Partially implemented',
  'not-implemented': 'Not implemented',
} as const;

export function exportInputFromDoc(live: Y.Doc, sources: InputSources = {}): ExportInput {
  const { doc, copied } = contentWithSuggestions(live, sources.suggestions);
  try {
    return inputFrom(doc, sources);
  } finally {
    if (copied) doc.destroy();
  }
}

function inputFrom(doc: Y.Doc, sources: InputSources): ExportInput {
  const content = reportContent(doc);
  const { sections, wordCount, ...meta } = content;
  const cover = getCoverFields(doc);
  return {
    meta: { ...meta, ...getReportMeta(doc) },
    cover: {
      session: cover.session,
      submissionType: cover.submissionType ? SUBMISSION_TYPE_LABELS[cover.submissionType] : '',
      organisations: sources.organisations ?? cover.organisations,
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
    annexesNotCounted: sections.some((s) => s.annex) && reportWords(doc).limit.notCounted.includes('annexes'),
    evidence: { testimonies: listTestimonies(doc), sensitiveNames: listSensitiveNames(doc), internalSections: internalSectionIds(doc) },
    ...(sources.describeTag ? { tagLabels: tagLabels(doc, sections, sources.describeTag) } : {}),
  };
}
