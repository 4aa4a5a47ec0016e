/**
 * A last-moment copy of edits IndexedDB has not finished writing. y-indexeddb writes each update in its own
 * transaction, and a page that reloads or closes right after typing loses the transactions still pending
 * (the last words typed before closing the tab). On `pagehide` the session merges those updates and puts
 * them in localStorage, which writes synchronously; the next visit applies them and removes the copy once
 * IndexedDB holds them. Yjs updates are idempotent, so applying a copy twice is harmless.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';

const PREFIX = 'rightsdraft.unsaved.';

/**
 * Off while this device's copies are being removed (signing out on a shared device): a report closing then must
 * not leave its last edits behind in localStorage. Per tab; back on when someone signs in.
 */
let stashing = true;

export function setStashing(on: boolean): void {
  stashing = on;
}

/** False while this device's copies are being removed: nothing of a report may be written to storage then. */
export function isStashing(): boolean {
  return stashing;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** One key per report and Y.Doc client, so two tabs of one report do not overwrite each other's copy. */
export function stashKey(reportId: string, clientId: number): string {
  return `${PREFIX}${reportId}.${clientId}`;
}

/** Returns false when storage refused the copy (full, or disabled in private mode). */
export function saveStash(storage: KeyValueStorage, key: string, update: Uint8Array): boolean {
  if (!stashing) return false;
  try {
    storage.setItem(key, toBase64(update));
    return true;
  } catch {
    return false;
  }
}

export function readStashes(storage: KeyValueStorage, reportId: string): { key: string; update: Uint8Array }[] {
  const out: { key: string; update: Uint8Array }[] = [];
  const prefix = `${PREFIX}${reportId}.`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const raw = storage.getItem(key);
    if (!raw) continue;
    try {
      out.push({ key, update: fromBase64(raw) });
    } catch {
      storage.removeItem(key);
    }
  }
  return out;
}

export function removeStash(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was stashed.
  }
}

/** The reports that have a copy waiting here (edits a visit left before IndexedDB stored them). */
export function reportsWithStashes(storage: KeyValueStorage): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const rest = key.slice(PREFIX.length);
    const dot = rest.lastIndexOf('.');
    if (dot > 0) ids.add(rest.slice(0, dot));
  }
  return ids;
}

/** Remove every copy waiting for these reports. */
export function removeStashesOf(storage: KeyValueStorage, reportIds: ReadonlySet<string>): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const rest = key.slice(PREFIX.length);
    const dot = rest.lastIndexOf('.');
    if (dot > 0 && reportIds.has(rest.slice(0, dot))) keys.push(key);
  }
  for (const key of keys) removeStash(storage, key);
}
