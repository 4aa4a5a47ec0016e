/**
 * Knows whether this device's edits are on disk. y-indexeddb writes each update without saying when it is
 * stored, so after an edit a read-only transaction is opened on the same store: IndexedDB starts it only
 * after earlier read-write transactions finish. Until then the edits are kept in memory, and copied to
 * localStorage if the page goes away (see unsavedStash.ts).
 */
import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { readStashes, removeStash, saveStash, stashKey } from './unsavedStash.ts';

/** Origin of edits recovered from the stash of an earlier visit. */
export const RECOVERED_ORIGIN = { name: 'rightsdraft-recovered' } as const;

/** A write slower than this is reported ("saving on this device…"); faster ones are not worth a render. */
const SLOW_WRITE_MS = 300;

export class LocalWrites {
  private seq = 0;
  private pending: Uint8Array[] = [];
  /** Stash keys (this visit's and recovered ones) to remove once IndexedDB holds everything. */
  private readonly stashKeys = new Set<string>();
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  private saved = true;
  private destroyed = false;

  constructor(
    private readonly reportId: string,
    private readonly doc: Y.Doc,
    private readonly persistence: IndexeddbPersistence,
    /** Called when "every local edit is on disk" changes. */
    private readonly onSavedChange: (saved: boolean) => void,
  ) {}

  /** A local update was applied to the doc (y-indexeddb is writing it now). */
  record(update: Uint8Array): void {
    this.pending.push(update);
    void this.confirm();
  }

  /** The page is going away, or hidden (on phones often the last chance): keep a synchronous copy. */
  stash(): void {
    if (this.destroyed || this.pending.length === 0) return;
    const key = stashKey(this.reportId, this.doc.clientID);
    if (saveStash(localStorage, key, Y.mergeUpdates(this.pending))) this.stashKeys.add(key);
  }

  /**
   * Apply copies left by a visit that ended before IndexedDB finished writing; each is removed once stored.
   * Returns whether any of it was new to this device's copy.
   */
  recover(): boolean {
    let stashes: ReturnType<typeof readStashes>;
    try {
      stashes = readStashes(localStorage, this.reportId);
    } catch {
      return false;
    }
    const before = this.seq;
    for (const { key, update } of stashes) {
      this.stashKeys.add(key);
      Y.applyUpdate(this.doc, update, RECOVERED_ORIGIN);
    }
    if (this.seq === before) {
      // IndexedDB had all of it: the earlier visit's writes finished after all.
      this.clearStashes();
      return false;
    }
    return true;
  }

  /** Forget every write not yet confirmed, and every copy stashed for this report (the device copy is being dropped). */
  discard(): void {
    this.pending = [];
    try {
      for (const { key } of readStashes(localStorage, this.reportId)) removeStash(localStorage, key);
    } catch {
      // No localStorage: nothing was stashed there.
    }
    this.stashKeys.clear();
    this.destroy();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.slowTimer) clearTimeout(this.slowTimer);
  }

  private async confirm(): Promise<void> {
    const seq = ++this.seq;
    if (this.saved && !this.slowTimer) {
      this.slowTimer = setTimeout(() => {
        this.slowTimer = null;
        if (!this.destroyed && this.pending.length > 0) this.setSaved(false);
      }, SLOW_WRITE_MS);
    }
    const stored = await this.probe();
    // A failed probe proves nothing either way: keep the updates for the stash.
    if (!stored || seq !== this.seq) return;
    if (this.slowTimer) clearTimeout(this.slowTimer);
    this.slowTimer = null;
    this.pending = [];
    this.clearStashes();
    if (!this.destroyed) this.setSaved(true);
  }

  private async probe(): Promise<boolean> {
    const db = this.persistence.db;
    if (!db) {
      // Not open yet: y-indexeddb writes the whole state along with its first read.
      await this.persistence.whenSynced;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      try {
        const tx = db.transaction('updates', 'readonly');
        tx.objectStore('updates').count();
        tx.oncomplete = () => resolve(true);
        tx.onerror = () => resolve(false);
        tx.onabort = () => resolve(false);
      } catch {
        resolve(false);
      }
    });
  }

  private clearStashes(): void {
    for (const key of this.stashKeys) removeStash(localStorage, key);
    this.stashKeys.clear();
  }

  private setSaved(saved: boolean): void {
    if (saved === this.saved) return;
    this.saved = saved;
    this.onSavedChange(saved);
  }
}
