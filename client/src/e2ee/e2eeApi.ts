/** The server's end of encryption (issue 11): account keys and a report's wrapped keys. Shapes: server/src/e2ee/e2eeRoutes.ts. */
import type { Role } from '../../../shared/api/roles.ts';
import type { WrappedSecret } from '../../../shared/e2ee/accountKeys.ts';
import { ApiError, request } from '../api/http.ts';

export interface StoredAccountKeys {
  boxPublic: string;
  signPublic: string;
  passwordWrap: WrappedSecret;
  recoveryWrap: WrappedSecret;
}

export interface E2eeMember {
  userId: string;
  name: string;
  role: Role;
  boxPublic: string | null;
  signPublic: string | null;
}

export interface ReportKeysInfo {
  role: Role;
  generation: number;
  members: E2eeMember[];
  myKeys: { generation: number; wrappedKey: string; wrappedBy: string }[];
  wrappers: Record<string, string>;
  holders: string[];
  rotationNeeded: boolean;
}

/** The account's stored keys, or null when it has none yet. */
export async function fetchAccountKeys(): Promise<StoredAccountKeys | null> {
  try {
    return await request<StoredAccountKeys>('/api/auth/me/keys');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'no_keys') return null;
    throw err;
  }
}

export async function createAccountKeys(keys: StoredAccountKeys): Promise<void> {
  await request('/api/auth/me/keys', { body: keys });
}

export async function rewrapAccountKeys(wraps: { passwordWrap: WrappedSecret }): Promise<void> {
  await request('/api/auth/me/keys', { method: 'PUT', body: wraps });
}

export async function fetchReportKeys(reportId: string): Promise<ReportKeysInfo> {
  return request<ReportKeysInfo>(`/api/reports/${encodeURIComponent(reportId)}/e2ee`);
}

export async function postReportKeys(reportId: string, generation: number, wraps: { userId: string; wrappedKey: string }[]): Promise<void> {
  await request(`/api/reports/${encodeURIComponent(reportId)}/e2ee/keys`, { body: { generation, wraps } });
}
