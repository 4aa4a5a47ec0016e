/** POST /api/reports/import: the server makes the report from the .docx (it owns the report's first state). */
import type { ApiErrorBody, ReportSummary } from '../../../../shared/api/types.ts';
import type { SkippedContent } from '../../../../shared/import/index.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';
import { i18n } from '../../i18n/i18n.ts';

export interface ImportUpload {
  file: Blob;
  fileName: string;
  title: string;
  mechanism: string;
  stateUnderReview: string;
  headingLevel: number;
  /** The coalition the report belongs to; null for the uploader alone. */
  coalitionId: string | null;
}

/** Large files on slow links: give the upload time, but not forever. */
const UPLOAD_TIMEOUT_MS = 120_000;

/** The created report, its section count and what the server left out of it (images). */
export type ImportedReport = ReportSummary & { sections: number; skipped: SkippedContent };

export async function uploadImport(upload: ImportUpload): Promise<ImportedReport> {
  const form = new FormData();
  form.set('title', upload.title);
  form.set('mechanism', upload.mechanism);
  form.set('stateUnderReview', upload.stateUnderReview);
  form.set('headingLevel', String(upload.headingLevel));
  if (upload.coalitionId) form.set('coalitionId', upload.coalitionId);
  form.set('file', upload.file, upload.fileName);
  let res: Response;
  try {
    res = await fetch('/api/reports/import', { method: 'POST', body: form, headers: { accept: 'application/json' }, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: reported below with the status.
  }
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? (res.status === 413 ? 'payload_too_large' : `http_${res.status}`), error?.message ?? i18n.t('editing.import.failedStatus', { status: res.status }), error?.field, undefined, error?.params);
  }
  return body as ImportedReport;
}
