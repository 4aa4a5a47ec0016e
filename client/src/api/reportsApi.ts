/** The reports API over fetch. Network failures and API errors are told apart, so callers can go offline. */
import type { ApiErrorBody, CreateReportRequest, ReportSummary } from '../../../shared/api/types.ts';

/** The server answered with an error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The server could not be reached (offline, DNS, refused, timed out). */
export class NetworkError extends Error {}

const TIMEOUT_MS = 10_000;

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json', ...init.headers } });
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
    throw new ApiError(res.status, error?.code ?? 'http_' + res.status, error?.message ?? `Request failed (${res.status})`, error?.field);
  }
  return body as T;
}

export async function fetchServerReports(): Promise<ReportSummary[]> {
  return (await request<{ reports: ReportSummary[] }>('/api/reports')).reports;
}

export function fetchServerReport(id: string): Promise<ReportSummary> {
  return request<ReportSummary>(`/api/reports/${encodeURIComponent(id)}`);
}

/** Create a report; repeating it with the same id is safe (the server answers 200 with the existing one). */
export function postReport(body: CreateReportRequest): Promise<ReportSummary> {
  return request<ReportSummary>('/api/reports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
