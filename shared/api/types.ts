/** Shapes of the JSON API under /api, shared by the server, the client and tests. */
import type { Role } from './roles.ts';
import type { Mechanism } from './mechanisms.ts';
import type { ReportContent } from '../report/content.ts';
import type { SubmissionType } from '../report/coverFields.ts';
import type { Coverage } from '../report/coverage.ts';
import type { ReportProgress } from '../report/progress.ts';
import type { EarlierRecommendation } from '../report/earlierRecommendations.ts';
import type { RecommendationBlock } from '../report/recommendations.ts';
import type { Checklist } from '../submission/checks.ts';
import type { TaxonomyEntry } from '../taxonomy/entries.ts';
import type { TemplateId } from '../templates/templateIds.ts';

export interface ReportSummary {
  id: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  createdAt: string;
  updatedAt: string;
  /** The caller's role on the report, as the server decides it (answers from GET /api/reports and /:id). */
  role?: Role;
  /** The coalition the report belongs to, or null for a report of one person. */
  coalitionId?: string | null;
  ownerUserId?: string | null;
  /** How far the report has come (its sections' statuses) as the server last saw it; null before it is first opened. */
  progress?: ReportProgress | null;
  /** End-to-end encrypted (issue 11): the title here is a placeholder; the real one is inside the encrypted document. */
  encrypted?: boolean;
}

export interface CreateReportRequest {
  id?: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview?: string;
  /** Start from a template: true for the mechanism's default, or a template id ("cerd", "cedaw", "upr", "treaty"). */
  template?: boolean | TemplateId;
  /** One organisation or several; decides the UPR word limit. */
  submissionType?: SubmissionType;
  /** The language the report is written in (BCP 47); without it, the creator's interface language. */
  language?: string;
  /** End-to-end encrypted (issue 11): the server stores a placeholder title and only ciphertext of the report. */
  encrypted?: boolean;
}

/** A create request once validated: every field present, `template` resolved to an id or null. */
export interface ValidCreateReport {
  id: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  template: TemplateId | null;
  submissionType: SubmissionType | null;
  /** BCP 47 tag, or null when the request named none. */
  language: string | null;
  encrypted: boolean;
}

export interface ReportContentResponse extends ReportContent {
  id: string;
}

export interface TaxonomyResponse {
  entries: TaxonomyEntry[];
  /** Where each part of the taxonomy comes from, and under which terms. */
  sources: Record<string, unknown>;
}

export interface TaxonomySearchResponse {
  query: string;
  results: (TaxonomyEntry & { score: number; match: 'id' | 'id-prefix' | 'words' })[];
}

export interface CoverageResponse extends Coverage {
  id: string;
}

export interface ChecksResponse extends Checklist {
  id: string;
}

export interface RecommendationsResponse {
  id: string;
  /** The report's own recommendation blocks, with their SMART assessment. */
  recommendations: RecommendationBlock[];
  /** The earlier recommendations entered for follow-up, with the coalition's assessment (the matrix). */
  earlier: EarlierRecommendation[];
}

export interface ApiErrorBody {
  /** `params`: the values the English `message` was built from (the client's `errors.<code>` messages take them). */
  error: { code: string; message: string; field?: string; params?: Record<string, string | number> };
}

export type { ReportContent };
