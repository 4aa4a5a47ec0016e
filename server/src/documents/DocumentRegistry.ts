/**
 * The loaded documents of this node. A document is loaded once however many connections ask for it at the
 * same moment, is held while anyone uses it, and is unloaded after `idleUnloadMs` without users, but never
 * before every change is stored.
 */
import { LiveDocument, type LiveDocumentOptions } from './LiveDocument.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';

interface Entry {
  loading: Promise<LiveDocument>;
  live: LiveDocument | null;
  holders: number;
  unloadTimer: NodeJS.Timeout | null;
}

export interface RegistryOptions extends LiveDocumentOptions {
  idleUnloadMs: number;
}

export class DocumentRegistry {
  private entries = new Map<string, Entry>();
  private loadListeners = new Set<(live: LiveDocument) => void | Promise<void>>();
  private closing = false;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: RegistryOptions,
  ) {}

  /**
   * Called for each document right after it has loaded (rooms attach their listeners here). A listener may return
   * a promise: the document is handed out only once it has settled (a rejection fails the load).
   */
  onLoad(listener: (live: LiveDocument) => void | Promise<void>): void {
    this.loadListeners.add(listener);
  }

  /** Take a hold on a document, loading it if needed. Every `acquire` needs one `release`. */
  async acquire(name: string): Promise<LiveDocument> {
    if (this.closing) throw new Error('server is shutting down');
    let entry = this.entries.get(name);
    if (!entry) {
      const created: Entry = { loading: Promise.resolve(null as never), live: null, holders: 0, unloadTimer: null };
      created.loading = LiveDocument.load(name, this.storage, this.log, this.options)
        .then(async (live) => {
          try {
            for (const l of this.loadListeners) await l(live);
          } catch (err) {
            live.destroy();
            throw err;
          }
          created.live = live;
          return live;
        })
        .catch((err: unknown) => {
          // Forget the failed load so the next request tries again.
          if (this.entries.get(name) === created) this.entries.delete(name);
          throw err;
        });
      this.entries.set(name, created);
      entry = created;
    }
    entry.holders++;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = null;
    }
    try {
      return await entry.loading;
    } catch (err) {
      entry.holders--;
      throw err;
    }
  }

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    entry.holders = Math.max(0, entry.holders - 1);
    if (entry.holders === 0) this.scheduleUnload(name, entry);
  }

  /** Run `fn` on a document, loading it for the call if it is not loaded. */
  async use<T>(name: string, fn: (live: LiveDocument) => T | Promise<T>): Promise<T> {
    const live = await this.acquire(name);
    try {
      return await fn(live);
    } finally {
      this.release(name);
    }
  }

  /** The loaded document, or null: for callers that must not trigger a load. */
  peek(name: string): LiveDocument | null {
    return this.entries.get(name)?.live ?? null;
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  private scheduleUnload(name: string, entry: Entry): void {
    if (entry.unloadTimer || this.closing) return;
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null;
      void this.tryUnload(name, entry);
    }, this.options.idleUnloadMs);
    entry.unloadTimer.unref();
  }

  private async tryUnload(name: string, entry: Entry): Promise<void> {
    if (entry.holders > 0 || this.entries.get(name) !== entry || !entry.live) return;
    if (!entry.live.isClean) {
      // A store is still failing or in flight: keep the document and look again later.
      this.log.warn('not unloading a document with unstored changes', { doc: name, pending: entry.live.pendingCount });
      this.scheduleUnload(name, entry);
      return;
    }
    this.entries.delete(name);
    entry.live.destroy();
    this.log.debug('unloaded idle document', { doc: name });
  }

  /** Drop a document without storing what it has not stored yet: its report is being deleted. */
  discard(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    void entry.loading.then((live) => live.destroy(), () => {});
  }

  /** Store everything and free every document; used on SIGTERM. */
  async close(): Promise<void> {
    this.closing = true;
    const all = [...this.entries.values()];
    for (const entry of all) if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    await Promise.all(
      all.map(async (entry) => {
        const live = await entry.loading.catch(() => null);
        if (!live) return;
        await live.flushAll();
        live.destroy();
      }),
    );
    this.entries.clear();
  }
}
