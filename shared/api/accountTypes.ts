/** Shapes of the account-management API (server/src/api/accountRoutes.ts, adminUserRoutes.ts) for the client. */

/** `GET /api/auth/sessions` */
export interface SessionView {
  id: string;
  /** The session this request came from. */
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  /** "Firefox on Windows", from the User-Agent header when it was opened; '' for sessions from before. */
  device: string;
}

export interface SessionsResponse {
  sessions: SessionView[];
}

/** `GET /api/auth/tokens` items; `POST` answers the same plus `token` (shown once). */
export interface AccessTokenView {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

/** `GET /api/admin/users` */
export interface AdminUserView {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}

export interface AdminUsersResponse {
  users: AdminUserView[];
}

/** Error codes these endpoints answer with, besides the generic ones. */
export type AccountErrorCode =
  | 'wrong_password'
  | 'weak_password'
  | 'session_required'
  | 'token_cannot_create_tokens'
  | 'sole_owner'
  | 'sole_manager'
  | 'sole_admin'
  | 'not_admin'
  | 'cannot_disable_self'
  | 'account_disabled';
