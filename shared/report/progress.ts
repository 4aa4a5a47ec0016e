/**
 * How far a report has come, from its sections' statuses, for the report list: the catalogue keeps it so the
 * list can filter by it without loading documents.
 */
import type * as Y from 'yjs';
import { listSections } from './layout.ts';

export const REPORT_PROGRESS = ['empty', 'drafting', 'in-review', 'final'] as const;
export type ReportProgress = (typeof REPORT_PROGRESS)[number];

export function isReportProgress(value: unknown): value is ReportProgress {
  return typeof value === 'string' && (REPORT_PROGRESS as readonly string[]).includes(value);
}

/** No sections: empty; any section drafting: drafting; else any in review: in review; else (all final): final. */
export function reportProgress(doc: Y.Doc): ReportProgress {
  const statuses = listSections(doc).map((s) => s.status);
  if (statuses.length === 0) return 'empty';
  if (statuses.includes('drafting')) return 'drafting';
  if (statuses.includes('in-review')) return 'in-review';
  return 'final';
}

export const PROGRESS_LABEL: Record<ReportProgress, string> = {
  empty: 'No sections yet',
  drafting: 'Drafting',
  'in-review': 'In review',
  final: 'Final',
};
