/**
 * Password reset by mail and the account's end-to-end keys (issue 11). The server can set a new password but
 * cannot wrap the keys with it: only the browser, given the recovery code, opens them and wraps them again.
 */
import { isWrappedSecret, publicKeysOf, unwrapWithRecoveryCode, wrapWithPassword, type WrappedSecret } from '../../../shared/e2ee/accountKeys.ts';
import { request } from '../api/http.ts';

/** The account's keys as the reset link may see them: their public signing key and the recovery-code copy. */
export interface ResetKeys {
  signPublic: string;
  recoveryWrap: WrappedSecret;
}

/** Null when the account has no end-to-end keys (nothing encrypted to lose). Throws ApiError 410 for a dead link. */
export async function fetchResetKeys(token: string): Promise<ResetKeys | null> {
  const { keys } = await request<{ keys: { signPublic: string; recoveryWrap: unknown } | null }>('/api/auth/password-reset/keys', { body: { token } });
  return keys && isWrappedSecret(keys.recoveryWrap) ? { signPublic: keys.signPublic, recoveryWrap: keys.recoveryWrap } : null;
}

/** The keys wrapped with the new password, or null when the recovery code does not open them. */
export async function rewrapForReset(keys: ResetKeys, recoveryCode: string, newPassword: string): Promise<WrappedSecret | null> {
  const opened = unwrapWithRecoveryCode(keys.recoveryWrap, recoveryCode);
  if (!opened || publicKeysOf(opened).signPublic !== keys.signPublic) return null;
  return wrapWithPassword(opened, newPassword);
}
