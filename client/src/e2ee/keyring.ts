/**
 * Unlocking, creating and re-wrapping the account's keys in the browser. The password never leaves for this:
 * Argon2id runs here, and the server only ever stores what it derives a key to open.
 */
import {
  generateAccountKeys,
  newRecoveryCode,
  publicKeysOf,
  unwrapWithPassword,
  unwrapWithRecoveryCode,
  wrapWithPassword,
  wrapWithRecoveryCode,
} from '../../../shared/e2ee/accountKeys.ts';
import { createAccountKeys, fetchAccountKeys, rewrapAccountKeys } from './e2eeApi.ts';
import { loadDeviceKeys, saveDeviceKeys } from './deviceKeys.ts';

export type UnlockResult = { ok: true; recoveryCode: string | null } | { ok: false; reason: 'wrong-password' | 'wrong-code' | 'no-keys' };

/**
 * With the account's password: open its stored keys, or, the first time, make them and return the recovery code
 * to show once.
 */
export async function unlockOrCreate(accountId: string, password: string): Promise<UnlockResult> {
  const stored = await fetchAccountKeys();
  if (stored) {
    const keys = await unwrapWithPassword(stored.passwordWrap, password);
    if (!keys || publicKeysOf(keys).signPublic !== stored.signPublic) return { ok: false, reason: 'wrong-password' };
    await saveDeviceKeys(accountId, keys);
    return { ok: true, recoveryCode: null };
  }
  const keys = generateAccountKeys();
  const recoveryCode = newRecoveryCode();
  await createAccountKeys({ ...publicKeysOf(keys), passwordWrap: await wrapWithPassword(keys, password), recoveryWrap: wrapWithRecoveryCode(keys, recoveryCode) });
  await saveDeviceKeys(accountId, keys);
  return { ok: true, recoveryCode };
}

export async function unlockWithRecovery(accountId: string, code: string): Promise<UnlockResult> {
  const stored = await fetchAccountKeys();
  if (!stored) return { ok: false, reason: 'no-keys' };
  const keys = unwrapWithRecoveryCode(stored.recoveryWrap, code);
  if (!keys || publicKeysOf(keys).signPublic !== stored.signPublic) return { ok: false, reason: 'wrong-code' };
  await saveDeviceKeys(accountId, keys);
  return { ok: true, recoveryCode: null };
}

/** After signing in: open the account's keys with the password just typed, if it has any. Never throws. */
export async function unlockAfterSignIn(accountId: string, password: string): Promise<void> {
  try {
    if (await loadDeviceKeys(accountId)) return;
    const stored = await fetchAccountKeys();
    const keys = stored ? await unwrapWithPassword(stored.passwordWrap, password) : null;
    if (keys) await saveDeviceKeys(accountId, keys);
  } catch {
    // The report asks for the password when it needs the keys.
  }
}

/** After a password change: wrap the same keys with the new password, so other devices sign in with it. */
export async function rewrapAfterPasswordChange(currentPassword: string, newPassword: string): Promise<void> {
  const stored = await fetchAccountKeys();
  if (!stored) return;
  const keys = await unwrapWithPassword(stored.passwordWrap, currentPassword);
  if (!keys) return;
  await rewrapAccountKeys({ passwordWrap: await wrapWithPassword(keys, newPassword) });
}
