/**
 * Fault injection around a real storage adapter: every call goes to the real database, but a test can make
 * appends fail (a database outage) or loads slow, to see what the server does about it.
 */
import type { Storage } from '../../server/src/storage/Storage.ts';

export interface Faults {
  /** While true, appendUpdates rejects as a lost database connection would. */
  failAppends: boolean;
  /** Extra delay before loadDocument answers. */
  loadDelayMs: number;
  appendAttempts: number;
}

export function withFaults(inner: Storage): { storage: Storage; faults: Faults } {
  const faults: Faults = { failAppends: false, loadDelayMs: 0, appendAttempts: 0 };
  const storage: Storage = Object.create(inner) as Storage;
  Object.assign(storage, {
    appendUpdates: async (name: string, updates: Uint8Array[]) => {
      faults.appendAttempts++;
      if (faults.failAppends) throw Object.assign(new Error('connection terminated unexpectedly'), { code: 'ECONNRESET' });
      return inner.appendUpdates(name, updates);
    },
    loadDocument: async (name: string) => {
      if (faults.loadDelayMs > 0) await new Promise((r) => setTimeout(r, faults.loadDelayMs));
      return inner.loadDocument(name);
    },
  });
  return { storage, faults };
}
