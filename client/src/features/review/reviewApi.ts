/** The review endpoints: the caller's role, report members, versions, comparison, restore, attention. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { ReportContentResponse } from '../../../../shared/api/types.ts';
import type { SectionComparison } from '../../../../shared/report/compare.ts';
import type { CommentInfo } from '../../../../shared/discussion/layout.ts';
import type { VersionKind } from '../../../../shared/api/versionKinds.ts';
import { request } from '../../api/http.ts';
import { withDisplayName } from './versionNames.ts';

const TIMEOUT_MS = 15_000;

export const getJson = <T>(path: string) => request<T>(path, { timeoutMs: TIMEOUT_MS });

const postJson = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body, timeoutMs: TIMEOUT_MS });

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
  await request<null>(`${base(reportId)}/versions/${encodeURIComponent(versionId)}`, { method: 'DELETE', timeoutMs: TIMEOUT_MS });
}

export async function fetchAttention(): Promise<AttentionThread[]> {
  return (await getJson<{ threads: AttentionThread[] }>('/api/attention')).threads;
}
