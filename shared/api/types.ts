/** Shapes of the JSON API under /api, shared by the server, the client and tests. */
import type { Mechanism } from './mechanisms.ts';
import type { ReportContent } from '../report/content.ts';

export interface ReportSummary {
  id: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreateReportRequest {
  id?: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview?: string;
}

export interface ReportContentResponse extends ReportContent {
  id: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export type { ReportContent };
