/** The review endpoints: the caller's role, report members, versions, comparison, restore, attention. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { ApiErrorBody, ReportContentResponse } from '../../../../shared/api/types.ts';
import type { SectionComparison } from '../../../../shared/report/compare.ts';
import type { CommentInfo } from '../../../../shared/discussion/layout.ts';
import type { VersionKind } from '../../../../shared/api/versionKinds.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';
import { i18n } from '../../i18n/i18n.ts';
import { withDisplayName } from './versionNames.ts';

const TIMEOUT_MS = 15_000;

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
    // Not JSON (a proxy's error page): reported with the status below.
  }
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_' + res.status, error?.message ?? i18n.t('reviewUi.api.requestFailed', { status: res.status }), error?.field);
  }
  return body as T;
}

export const getJson = <T>(path: string) => request<T>(path);

const postJson = <T>(path: string, body?: unknown) =>
  request<T>(path, { method: 'POST', headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

const base = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}`;

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export interface Version {
  id: string;
  name: string;
  auto: boolean;
  /** Why it exists (older servers send none: named, or automatic at a session's end). */
  kind?: VersionKind;
  authorId: string | null;
  authorName: string;
  createdAt: string;
}

export interface VersionContent extends ReportContentResponse {
  version: Version;
}

export interface AttentionThread {
  id: string;
  reportId: string;
  reportTitle: string;
  sectionId: string;
  sectionTitle: string | null;
  quote: string;
  anchoredText: string;
  detached: boolean;
  authorName: string;
  createdAt: string;
  comments: CommentInfo[];
}

export async function fetchRole(reportId: string): Promise<Role | null> {
  return (await getJson<{ role?: Role }>(base(reportId))).role ?? null;
}

export async function fetchMembers(reportId: string): Promise<Member[]> {
  return (await getJson<{ members: Member[] }>(`${base(reportId)}/members`)).members;
}

export async function fetchVersions(reportId: string): Promise<Version[]> {
  return (await getJson<{ versions: Version[] }>(`${base(reportId)}/versions`)).versions.map(withDisplayName);
}

export function saveVersion(reportId: string, name: string): Promise<Version> {
  return postJson<Version>(`${base(reportId)}/versions`, { name });
}

export async function fetchVersionContent(reportId: string, versionId: string): Promise<VersionContent> {
  const content = await getJson<VersionContent>(`${base(reportId)}/versions/${encodeURIComponent(versionId)}/content`);
  return { ...content, version: withDisplayName(content.version) };
}

/** `from` and `to` are version ids or `current`. */
export async function compareVersions(reportId: string, from: string, to: string): Promise<SectionComparison[]> {
  const q = new URLSearchParams({ from, to });
  return (await getJson<{ sections: SectionComparison[] }>(`${base(reportId)}/versions/compare?${q}`)).sections;
}

export async function restoreVersion(reportId: string, versionId: string): Promise<{ restored: string; before: Version }> {
  const result = await postJson<{ restored: string; before: Version }>(`${base(reportId)}/versions/${encodeURIComponent(versionId)}/restore`);
  return { ...result, before: withDisplayName(result.before) };
}

/** Owners only. */
export async function deleteVersion(reportId: string, versionId: string): Promise<void> {
  await request<null>(`${base(reportId)}/versions/${encodeURIComponent(versionId)}`, { method: 'DELETE' });
}

export async function fetchAttention(): Promise<AttentionThread[]> {
  return (await getJson<{ threads: AttentionThread[] }>('/api/attention')).threads;
}
