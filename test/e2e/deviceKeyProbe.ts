/**
 * What a copy of this browser profile's storage holds of the account's end-to-end keys (client/src/e2ee/deviceKeys.ts):
 * raw keys in localStorage (the first slice's format), the sealed records in the `rightsdraft-device-keys`
 * IndexedDB database, and whether the key sealing them can be exported by a script.
 */
import type { Page } from 'playwright-core';

export interface HeldKeys {
  /** localStorage entries holding raw keys. */
  rawInLocalStorage: number;
  /** Whether the database exists at all. */
  database: boolean;
  /** Sealed account records in it. */
  sealedAccounts: number;
  /** The sealing key's `extractable`, or null when there is none. */
  sealingKeyExtractable: boolean | null;
}

export function heldKeys(page: Page): Promise<HeldKeys> {
  return page.evaluate(async () => {
    const rawInLocalStorage = Object.keys(localStorage).filter((k) => k.startsWith('rightsdraft:e2ee:keys:')).length;
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('rightsdraft-device-keys')) return { rawInLocalStorage, database: false, sealedAccounts: 0, sealingKeyExtractable: null };
    return new Promise<HeldKeys>((resolve, reject) => {
      const open = indexedDB.open('rightsdraft-device-keys');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('keys')) {
          db.close();
          resolve({ rawInLocalStorage, database: true, sealedAccounts: 0, sealingKeyExtractable: null });
          return;
        }
        const store = db.transaction('keys', 'readonly').objectStore('keys');
        const keys = store.getAllKeys();
        const wrapping = store.get('wrapping');
        wrapping.onsuccess = () => {
          db.close();
          const key = wrapping.result as CryptoKey | undefined;
          resolve({
            rawInLocalStorage,
            database: true,
            sealedAccounts: keys.result.filter((k) => String(k).startsWith('account:')).length,
            sealingKeyExtractable: key ? key.extractable : null,
          });
        };
        wrapping.onerror = () => reject(wrapping.error);
      };
    });
  });
}
