/**
 * The account's secret keys on this device, once unlocked with the password or recovery code, so encrypted
 * reports open and sync without asking again.
 *
 * At rest they are sealed with AES-256-GCM under a WebCrypto key made here as non-extractable and kept, as a
 * CryptoKey object, in the IndexedDB database `rightsdraft-device-keys` beside the sealed bytes. The browser
 * stores that key so that no page script, and no copy of the profile's files read outside this browser's key
 * handling, can get its bytes; a dump of localStorage and IndexedDB alone does not open the account keys.
 * noble's X25519 and Ed25519 take raw secret bytes, so while the page runs the opened keys are in its memory
 * (a script running in the page could read them; see docs/security/encryption.md).
 *
 * Where IndexedDB or WebCrypto is missing (a private window that refuses storage, a page not in a secure
 * context) the keys live in memory only and the password is asked again after a reload. Signing out with
 * "Remove this device's copies", and deleting the account, remove them (`forgetAllDeviceKeys`).
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { AccountKeyPairs } from '../../../shared/e2ee/accountKeys.ts';
import { fromBase64 } from '../../../shared/e2ee/bytes.ts';

export const DEVICE_KEYS_DATABASE = 'rightsdraft-device-keys';
const STORE = 'keys';
const WRAPPING = 'wrapping';
/** Where the first slice kept the raw keys; read once, moved into IndexedDB and removed. */
const LEGACY_PREFIX = 'rightsdraft:e2ee:keys:';
const SECRET_BYTES = 32;

const opened = new Map<string, AccountKeyPairs>();
const listeners = new Set<() => void>();

interface SealedKeys {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function pairsOf(boxSecret: Uint8Array, signSecret: Uint8Array): AccountKeyPairs {
  return { boxSecret, signSecret, boxPublic: x25519.getPublicKey(boxSecret), signPublic: ed25519.getPublicKey(signSecret) };
}

function canStore(): boolean {
  return typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && !!crypto.subtle;
}

/** Run one request against the store in a fresh connection, closed afterwards so deleting the database is never blocked. */
function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(DEVICE_KEYS_DATABASE, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error ?? new Error('device keys database'));
    open.onsuccess = () => {
      const db = open.result;
      try {
        const req = run(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => {
          db.close();
          resolve(req.result);
        };
        req.onerror = () => {
          db.close();
          reject(req.error ?? new Error('device keys database'));
        };
      } catch (error) {
        db.close();
        reject(error instanceof Error ? error : new Error('device keys database'));
      }
    };
  });
}

/** This device's non-extractable sealing key, made the first time. */
async function wrappingKey(): Promise<CryptoKey> {
  const existing = await withStore<unknown>('readonly', (s) => s.get(WRAPPING));
  if (existing instanceof CryptoKey) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await withStore('readwrite', (s) => s.put(key, WRAPPING));
  return key;
}

function accountEntry(accountId: string): string {
  return `account:${accountId}`;
}

async function store(accountId: string, keys: AccountKeyPairs): Promise<void> {
  const plain = new Uint8Array(SECRET_BYTES * 2);
  plain.set(keys.boxSecret, 0);
  plain.set(keys.signSecret, SECRET_BYTES);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // The account id is bound in, so one account's sealed keys cannot be passed off as another's.
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(accountId) }, await wrappingKey(), plain);
  plain.fill(0);
  const sealed: SealedKeys = { iv, data };
  await withStore('readwrite', (s) => s.put(sealed, accountEntry(accountId)));
}

async function restore(accountId: string): Promise<AccountKeyPairs | null> {
  const sealed = await withStore<SealedKeys | undefined>('readonly', (s) => s.get(accountEntry(accountId)));
  if (!sealed) return null;
  const key = await withStore<unknown>('readonly', (s) => s.get(WRAPPING));
  if (!(key instanceof CryptoKey)) return null;
  const plain = new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(accountId) }, key, sealed.data),
  );
  if (plain.length !== SECRET_BYTES * 2) return null;
  return pairsOf(plain.slice(0, SECRET_BYTES), plain.slice(SECRET_BYTES));
}

/** Raw keys the first slice left in localStorage: taken out of it (and sealed, when the platform allows). */
function takeLegacy(accountId: string): AccountKeyPairs | null {
  try {
    const raw = localStorage.getItem(LEGACY_PREFIX + accountId);
    if (!raw) return null;
    localStorage.removeItem(LEGACY_PREFIX + accountId);
    const { boxSecret, signSecret } = JSON.parse(raw) as { boxSecret: string; signSecret: string };
    const box = fromBase64(boxSecret);
    const sign = fromBase64(signSecret);
    return box && sign ? pairsOf(box, sign) : null;
  } catch {
    return null;
  }
}

/** The keys already opened in this page, if any. */
export function deviceKeys(accountId: string): AccountKeyPairs | null {
  return opened.get(accountId) ?? null;
}

/** The keys of this device: opened in this page already, or unsealed from IndexedDB. Never throws. */
export async function loadDeviceKeys(accountId: string): Promise<AccountKeyPairs | null> {
  const known = opened.get(accountId);
  if (known) return known;
  let keys: AccountKeyPairs | null = null;
  try {
    if (canStore()) keys = await restore(accountId);
  } catch {
    // Unreadable (sealing key gone or the record damaged): the report asks for the password again.
  }
  if (!keys) {
    keys = takeLegacy(accountId);
    if (keys && canStore()) await store(accountId, keys).catch(() => undefined);
  }
  if (keys) opened.set(accountId, opened.get(accountId) ?? keys);
  return opened.get(accountId) ?? null;
}

export async function saveDeviceKeys(accountId: string, keys: AccountKeyPairs): Promise<void> {
  opened.set(accountId, keys);
  if (canStore()) await store(accountId, keys).catch(() => undefined);
  for (const l of listeners) l();
}

/**
 * Remove every account's keys from this device (sign-out removing this device's copies, account deleted): from
 * this page's memory, the sealed copies and the sealing key itself (the whole database goes), and any raw copy the
 * first slice left in localStorage. Resolves false if the database is still held open elsewhere.
 */
export async function forgetAllDeviceKeys(): Promise<boolean> {
  opened.clear();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(LEGACY_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept there.
  }
  if (typeof indexedDB === 'undefined') return true;
  return new Promise<boolean>((resolve) => {
    try {
      const req = indexedDB.deleteDatabase(DEVICE_KEYS_DATABASE);
      req.onsuccess = () => resolve(true);
      req.onerror = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

/** Called when keys arrive on this device (a session waiting for them connects). */
export function onDeviceKeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
