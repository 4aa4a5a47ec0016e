/**
 * What a person manages about their own account (password, sessions, access tokens, a copy of their data,
 * deleting it) and what an administrator manages (accounts, who may sign up). Shapes: shared/api/accountTypes.ts.
 */
import type { AccessTokenView, AdminUsersResponse, AdminUserView, SessionsResponse, SessionView } from '../../../shared/api/accountTypes.ts';
import type { ApiErrorBody } from '../../../shared/api/types.ts';
import { ApiError, NetworkError, request, requestFailedMessage } from './http.ts';

export type { AccessTokenView, AdminUserView, SessionView };

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request('/api/auth/password', { body: { currentPassword, newPassword } });
  // Encryption keys (issue 11) are wrapped with the password: wrap them again with the new one.
  await import('../e2ee/keyring.ts').then((m) => m.rewrapAfterPasswordChange(currentPassword, newPassword)).catch(() => undefined);
}

export async function fetchSessions(): Promise<SessionView[]> {
  return (await request<SessionsResponse>('/api/auth/sessions')).sessions;
}

export async function endSession(id: string): Promise<void> {
  await request(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function endOtherSessions(): Promise<void> {
  await request('/api/auth/sessions', { method: 'DELETE' });
}

export async function fetchTokens(): Promise<AccessTokenView[]> {
  return (await request<{ tokens: AccessTokenView[] }>('/api/auth/tokens')).tokens;
}

/** The new token's secret is in `token`, shown once. */
export async function createToken(name: string, expiresInDays: number): Promise<AccessTokenView & { token: string }> {
  return request<AccessTokenView & { token: string }>('/api/auth/tokens', { body: { name, expiresInDays } });
}

export async function revokeToken(id: string): Promise<void> {
  await request(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A copy of everything the server holds about the account, as a JSON file to save. */
export async function downloadMyData(): Promise<{ blob: Blob; fileName: string }> {
  let res: Response;
  try {
    res = await fetch('/api/auth/me/export', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
    throw new ApiError(res.status, body?.error?.code ?? 'http_' + res.status, body?.error?.message ?? requestFailedMessage(res.status), body?.error?.field, undefined, body?.error?.params);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'rightsdraft-my-data.json';
  return { blob: await res.blob(), fileName };
}

export async function deleteMyAccount(password: string): Promise<void> {
  await request('/api/auth/me', { method: 'DELETE', body: { password } });
}

export async function fetchUsers(): Promise<AdminUserView[]> {
  return (await request<AdminUsersResponse>('/api/admin/users')).users;
}

export async function setUserDisabled(id: string, disabled: boolean): Promise<AdminUserView> {
  return (await request<{ user: AdminUserView }>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { disabled } })).user;
}

export type RegistrationMode = 'open' | 'invite' | 'closed';

export async function fetchRegistration(): Promise<RegistrationMode> {
  return (await request<{ registration: RegistrationMode }>('/api/admin/settings')).registration;
}

export async function setRegistration(registration: RegistrationMode): Promise<RegistrationMode> {
  return (await request<{ registration: RegistrationMode }>('/api/admin/settings', { method: 'PATCH', body: { registration } })).registration;
}

export async function createSignupInvitation(): Promise<{ url: string; expiresAt: string }> {
  return request<{ url: string; expiresAt: string }>('/api/admin/invitations', { method: 'POST', body: {} });
}
