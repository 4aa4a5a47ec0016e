/**
 * A loaded Y.Doc with a write-ahead pipeline: every change is appended to storage before anyone else is told
 * about it, so a `kill -9` can never lose an edit that another client has seen.
 *
 * Changes are applied to the in-memory doc at once (so the doc answers sync requests consistently), queued
 * in the outbox, stored in batches (one row per batch: group commit), and only then handed to `onCommitted`
 * listeners, which relay them. Anything else that would reveal document state (a sync reply) waits for the
 * commit of every change that came before it, through `afterCommit`.
 */
import * as Y from 'yjs';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { metrics, secondsSince } from '../metrics/metrics.ts';

/** Origin of the update that replays storage into a freshly created doc: it is stored already. */
const LOAD_ORIGIN = Symbol('load');

/** Origin of a change another server node stored and published: relayed here, never stored again. */
export const REMOTE_ORIGIN = Symbol('remote');

export interface CommittedUpdate {
  update: Uint8Array;
  origin: unknown;
  /** When a stored batch merged changes of several origins (`origin` is then null): each change with its own. */
  parts?: readonly { update: Uint8Array; origin: unknown }[];
}

/** A change a client sent, parsed, before it is applied. */
export interface ClientChange {
  update: Uint8Array;
  decoded: ReturnType<typeof Y.decodeUpdate>;
  author: { id: string; name: string };
}

/**
 * Looks at a client's change before it is applied: throws to refuse it (nothing is applied, stored or relayed),
 * or returns a promise that the change's store (and so its relay) waits for, e.g. a version of the state before it.
 */
export type IntakeCheck = (change: ClientChange) => Promise<unknown> | void;

export interface LiveDocumentOptions {
  /** Merge stored rows into one once a document has this many. */
  compactAfterRows: number;
  /** First retry delay after a failed store; doubles up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /**
   * Other nodes append rows to the same documents (a cluster): compaction then merges the stored rows it
   * replaces into the document's state, so a row this node has not heard of yet is never dropped.
   */
  sharedStorage?: boolean;
}

export const DEFAULT_LIVE_DOCUMENT_OPTIONS: LiveDocumentOptions = {
  compactAfterRows: 200,
  retryDelayMs: 100,
  maxRetryDelayMs: 10_000,
};

interface Pending {
  update: Uint8Array;
  origin: unknown;
  seq: number;
  /** When it arrived (`performance.now()`), for the relay-latency metric; 0 without METRICS. */
  at: number;
}

export class LiveDocument {
  readonly doc = new Y.Doc();
  private outbox: Pending[] = [];
  /** Local sequence of changes applied to the doc; `committedSeq` trails it until they are stored. */
  private appliedSeq = 0;
  private committedSeq = 0;
  private waiters: { seq: number; fn: () => void }[] = [];
  private committedListeners = new Set<(batch: CommittedUpdate[]) => void>();
  /** Storage sequence number of the newest stored row, for compaction. */
  private storedRowSeq = 0;
  private storedRows = 0;
  /** Bytes appended since the last compaction, and the size of the last compacted state. */
  private bytesSinceCompaction = 0;
  private compactedBytes = 0;
  /** Serialises appends and compactions of this document. */
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private destroyed = false;

  private constructor(
    readonly name: string,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: LiveDocumentOptions,
  ) {
    this.doc.on('update', this.handleUpdate);
  }

  /** Load every stored update. The document is returned only once it holds all of them. */
  static async load(
    name: string,
    storage: Storage,
    log: Logger,
    options: LiveDocumentOptions = DEFAULT_LIVE_DOCUMENT_OPTIONS,
  ): Promise<LiveDocument> {
    const live = new LiveDocument(name, storage, log, options);
    const stored = await storage.loadDocument(name);
    if (stored.updates.length > 0) {
      Y.applyUpdate(live.doc, Y.mergeUpdates(stored.updates), LOAD_ORIGIN);
    }
    live.storedRowSeq = stored.lastSeq;
    live.storedRows = stored.updates.length;
    live.compactedBytes = stored.updates.reduce((n, u) => n + u.byteLength, 0);
    if (live.storedRows >= options.compactAfterRows) live.scheduleCompaction();
    return live;
  }

  private destroyListeners = new Set<() => void>();
  private intakeChecks: IntakeCheck[] = [];
  private compactedListeners = new Set<() => void>();

  /** Add a check every client change passes before it is applied (see `receive`). */
  addIntakeCheck(check: IntakeCheck): void {
    this.intakeChecks.push(check);
  }

  /**
   * Apply a change a client sent. Each intake check may refuse it (it throws, and the change is dropped) or hold
   * its store until a task has finished: a hold joins the same chain as stores, so the change (and everything
   * after it) is stored and relayed only once that task is done.
   */
  receive(change: ClientChange, origin: unknown): void {
    for (const check of this.intakeChecks) {
      const hold = check(change);
      if (hold) this.holdStores(hold);
    }
    Y.applyUpdate(this.doc, change.update, origin);
  }

  private holdStores(task: Promise<unknown>): void {
    const settled = task.then(
      () => undefined,
      (err: unknown) => this.log.warn('a task the next store waited for failed', { doc: this.name, err }),
    );
    this.chain = this.chain.then(() => settled);
  }

  /** Bytes of changes applied but not stored yet. */
  get pendingBytes(): number {
    let n = 0;
    for (const p of this.outbox) n += p.update.byteLength;
    return n;
  }

  /** Called after each compaction has replaced the stored rows. */
  onCompacted(listener: () => void): void {
    this.compactedListeners.add(listener);
  }

  private compactRequested = false;

  /** Compact once the next batch is stored (after deletions, to give the room back). */
  compactSoon(): void {
    this.compactRequested = true;
  }

  /** Apply a change another node has stored: it is relayed to this node's connections at once. */
  applyRemote(update: Uint8Array): void {
    if (this.destroyed) return;
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /** Called once when the document is freed. */
  onDestroy(listener: () => void): void {
    this.destroyListeners.add(listener);
  }

  private handleUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      // Only what was new to this node reaches here; it is stored already, so it is committed as it arrives.
      const committed = [{ update, origin }];
      for (const listener of this.committedListeners) listener(committed);
      return;
    }
    this.outbox.push({ update, origin, seq: ++this.appliedSeq, at: metrics.enabled ? performance.now() : 0 });
    this.scheduleFlush();
  };

  /** Listen for batches of changes once they are stored. Returns the unsubscribe function. */
  onCommitted(listener: (batch: CommittedUpdate[]) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Run `fn` once every change applied so far is stored (at once if it is). */
  afterCommit(fn: () => void): void {
    if (this.committedSeq >= this.appliedSeq) fn();
    else this.waiters.push({ seq: this.appliedSeq, fn });
  }

  /** Resolves once every change applied so far is stored. */
  whenCommitted(): Promise<void> {
    return new Promise((resolve) => this.afterCommit(resolve));
  }

  /** True when nothing waits to be stored. */
  get isClean(): boolean {
    return this.committedSeq >= this.appliedSeq;
  }

  /** Number of changes not yet stored (a store is failing when this keeps growing). */
  get pendingCount(): number {
    return this.appliedSeq - this.committedSeq;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.retryTimer || this.destroyed) return;
    this.flushScheduled = true;
    // setImmediate lets every message already received in this turn join the batch.
    setImmediate(() => {
      this.flushScheduled = false;
      this.chain = this.chain.then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.outbox.length === 0 || this.destroyed) return;
    const batch = this.outbox;
    this.outbox = [];
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
    try {
      const started = metrics.enabled ? performance.now() : 0;
      this.storedRowSeq = await this.storage.appendUpdates(this.name, [merged]);
      if (metrics.enabled) metrics.storeSeconds(secondsSince(started));
    } catch (err) {
      // Never drop an edit: keep it (and the doc) in memory and try again; relays wait for the store.
      this.outbox = batch.concat(this.outbox);
      this.failures++;
      const delay = Math.min(this.options.maxRetryDelayMs, this.options.retryDelayMs * 2 ** (this.failures - 1));
      this.log.error('store failed; keeping changes in memory and retrying', {
        doc: this.name,
        pending: this.outbox.length,
        retryInMs: delay,
        err,
      });
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.scheduleFlush();
      }, delay);
      this.retryTimer.unref();
      return;
    }
    if (this.failures > 0) this.log.info('store recovered', { doc: this.name, afterFailures: this.failures });
    this.failures = 0;
    this.storedRows++;
    this.bytesSinceCompaction += merged.byteLength;
    this.committedSeq = batch[batch.length - 1]!.seq;
    // Relay the batch as the one merged update that was stored: one frame per connection per commit instead of
    // one per change, which is what keeps fan-out to many editors from flooding the event loop. The sender is
    // skipped only when the whole batch came from one connection.
    const origin = batch.every((p) => p.origin === batch[0]!.origin) ? batch[0]!.origin : null;
    const committed: CommittedUpdate[] = [origin === null ? { update: merged, origin, parts: batch } : { update: merged, origin }];
    for (const listener of this.committedListeners) listener(committed);
    if (metrics.enabled) for (const p of batch) if (p.at > 0) metrics.relaySeconds(secondsSince(p.at));
    const ready = this.waiters.filter((w) => w.seq <= this.committedSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.committedSeq);
    for (const w of ready) w.fn();
    if (this.outbox.length > 0) this.scheduleFlush();
    if (this.compactRequested || this.needsCompaction()) {
      this.compactRequested = false;
      this.scheduleCompaction();
    }
  }

  /**
   * Compact after `compactAfterRows` rows, or once the rows appended since the last compaction outweigh the
   * document itself, so stored bytes stay within about twice the encoded size even for small documents.
   */
  private needsCompaction(): boolean {
    return this.storedRows >= this.options.compactAfterRows || (this.storedRows > 2 && this.bytesSinceCompaction > this.compactedBytes);
  }

  private compactionScheduled = false;

  private scheduleCompaction(): void {
    if (this.compactionScheduled || this.destroyed) return;
    this.compactionScheduled = true;
    // Off the path of the write that triggered it: relays go out first.
    setImmediate(() => {
      this.chain = this.chain.then(() => this.compact());
    });
  }

  /** Replace the stored rows by one update holding the whole document. */
  async compact(): Promise<void> {
    this.compactionScheduled = false;
    if (this.destroyed) return;
    // Only compact a document whose every change is stored, so the merged row covers exactly the rows it replaces.
    if (this.outbox.length > 0) return;
    let upTo = this.storedRowSeq;
    let merged = Y.encodeStateAsUpdate(this.doc);
    try {
      if (this.options.sharedStorage) {
        const stored = await this.storage.loadDocument(this.name);
        if (this.destroyed) return;
        merged = Y.mergeUpdates([merged, ...stored.updates]);
        upTo = stored.lastSeq;
      }
      await this.storage.compact(this.name, upTo, merged);
      this.storedRows = 1;
      this.bytesSinceCompaction = 0;
      this.compactedBytes = merged.byteLength;
      for (const listener of this.compactedListeners) listener();
    } catch (err) {
      // The uncompacted rows are still all there; a later commit schedules another attempt.
      this.log.warn('compaction failed', { doc: this.name, err });
    }
  }

  /** Wait until every change is stored, retrying failed stores; used before unload and on shutdown. */
  async flushAll(): Promise<void> {
    await this.whenCommitted();
    await this.chain;
  }

  /** Free the doc. Only for a clean document: the registry checks `isClean` first. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const listener of this.destroyListeners) listener();
    this.destroyListeners.clear();
    this.compactedListeners.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.doc.off('update', this.handleUpdate);
    this.doc.destroy();
  }
}
