/**
 * The account's secret keys on this device, once unlocked with the password or recovery code, so encrypted
 * reports open and sync without asking again. Kept in localStorage beside the device's plain copies of the
 * reports (IndexedDB), and removed with them at sign-out ("Remove this device's copies"); not yet held as
 * non-extractable WebCrypto keys (noble's X25519 and Ed25519 take raw bytes).
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { AccountKeyPairs } from '../../../shared/e2ee/accountKeys.ts';
import { fromBase64, toBase64 } from '../../../shared/e2ee/bytes.ts';

const PREFIX = 'rightsdraft:e2ee:keys:';
const listeners = new Set<() => void>();

export function deviceKeys(accountId: string): AccountKeyPairs | null {
  try {
    const raw = localStorage.getItem(PREFIX + accountId);
    if (!raw) return null;
    const { boxSecret, signSecret } = JSON.parse(raw) as { boxSecret: string; signSecret: string };
    const box = fromBase64(boxSecret);
    const sign = fromBase64(signSecret);
    if (!box || !sign) return null;
    return { boxSecret: box, signSecret: sign, boxPublic: x25519.getPublicKey(box), signPublic: ed25519.getPublicKey(sign) };
  } catch {
    return null;
  }
}

export function saveDeviceKeys(accountId: string, keys: AccountKeyPairs): void {
  localStorage.setItem(PREFIX + accountId, JSON.stringify({ boxSecret: toBase64(keys.boxSecret), signSecret: toBase64(keys.signSecret) }));
  for (const l of listeners) l();
}

/** Remove every account's keys from this device (sign-out removing this device's copies). */
export function forgetAllDeviceKeys(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  for (const l of listeners) l();
}

/** Called when keys arrive on this device (a session waiting for them connects). */
export function onDeviceKeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
