/**
 * One open report: its Y.Doc, stored on this device with y-indexeddb and synced with the server through the
 * stock y-websocket provider, plus the state the header and outline show (sync status, metadata, presence).
 * React reads it through `subscribe`/`getSnapshot`; see `useReportSession` for its lifecycle.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { isMechanism } from '../../../shared/api/mechanisms.ts';
import {
  canEditWithSchema,
  getReportMeta,
  isInitialised,
  observeReport,
  raiseEditorSchemaVersion,
  type ReportMeta,
} from '../../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/schema/version.ts';
import { getLocalReport, markSynced, recordUnsyncedChanges, rememberReport, updateLocalMeta } from '../db/catalog.ts';
import { postReport } from '../api/reportsApi.ts';
import { publishReport } from '../features/reports/publish.ts';
import { usePresenceStore, type Peer } from '../stores/presenceStore.ts';
import type { LocalUser } from '../user/user.ts';
import { createOutlineUndo } from '../features/outline/outlineUndo.ts';
import { ChangeTracker } from './ChangeTracker.ts';
import { localDocName } from './localDoc.ts';
import { markReportOpen } from './openReports.ts';
import { readStashes, removeStash, saveStash, stashKey } from './unsavedStash.ts';
import { describeSync, initialSyncFacts, reduceSync, type SyncEvent, type SyncFacts, type SyncStatusView } from './syncStatus.ts';

/** Origin of edits recovered from the unsaved-edit stash of an earlier visit. */
const RECOVERED_ORIGIN = { name: 'rightsdraft-recovered' } as const;

/** A local write slower than this shows "saving on this device…". */
const SLOW_LOCAL_WRITE_MS = 300;

/** Retry publishing a report made offline this often while the server is unreachable. */
const PUBLISH_RETRY_MS = 5000;

export interface SessionSnapshot {
  facts: SyncFacts;
  status: SyncStatusView;
  /** The doc has the report's metadata (from this device or the server). */
  initialised: boolean;
  meta: ReportMeta;
  /** Whether this user may change the report now. */
  canEdit: boolean;
}

type Listener = () => void;

export interface SessionOptions {
  /**
   * False for a background sync of a report nobody has on screen: no presence is announced to co-authors,
   * the presence store is left alone, and the session never writes to the document.
   */
  foreground?: boolean;
}

export class ReportSession {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  readonly outlineUndo: Y.UndoManager;
  private readonly tracker: ChangeTracker;
  private facts: SyncFacts;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<Listener>();
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;
  private localWriteSeq = 0;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private slowWriteTimer: ReturnType<typeof setTimeout> | null = null;
  private metaTimer: ReturnType<typeof setTimeout> | null = null;
  private remembered = false;
  private schemaChecked = false;
  private lastRecordedUnsynced = -1;
  /** Local updates not yet known to be in IndexedDB, for the stash written when the page goes away. */
  private unsavedUpdates: Uint8Array[] = [];
  /** Stash keys (this visit's and recovered ones) to remove once IndexedDB holds everything. */
  private readonly stashKeys = new Set<string>();

  private readonly foreground: boolean;

  constructor(
    readonly reportId: string,
    user: LocalUser,
    options: SessionOptions = {},
  ) {
    this.foreground = options.foreground ?? true;
    this.facts = initialSyncFacts(navigator.onLine);
    this.persistence = new IndexeddbPersistence(localDocName(reportId), this.doc);
    const wsProto = location.protocol === 'https:' ? 'wss' : 'ws';
    // Created unconnected: a report made offline must be POSTed before the server accepts a sync for it.
    this.provider = new WebsocketProvider(`${wsProto}://${location.host}/sync`, roomName(reportId), this.doc, { connect: false });
    this.provider.awareness.setLocalState(this.foreground ? { user, section: null } : null);
    if (this.foreground) this.cleanups.push(markReportOpen(reportId));
    this.outlineUndo = createOutlineUndo(this.doc);
    this.tracker = new ChangeTracker({
      requestConfirmation: () => this.sendStep1(),
      onChange: () => this.handleUnsyncedChange(),
    });
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Load the device copy, then connect when online. Safe to call once. */
  start(): void {
    this.watchProvider();
    this.watchDoc();
    this.watchNetwork();
    void this.load();
  }

  destroy(): void {
    if (this.destroyed) return;
    // Leaving the report in-app: writes still pending finish, but the tab may close before they do.
    this.stashUnsaved();
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.publishTimer) clearTimeout(this.publishTimer);
    if (this.metaTimer) clearTimeout(this.metaTimer);
    if (this.slowWriteTimer) clearTimeout(this.slowWriteTimer);
    this.outlineUndo.destroy();
    if (this.foreground) usePresenceStore.getState().setPeers([]);
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /** Tell co-authors which section this user has open. */
  setSection(sectionId: string | null): void {
    if (!this.foreground) return;
    this.provider.awareness.setLocalStateField('section', sectionId);
  }

  setUser(user: LocalUser): void {
    if (!this.foreground) return;
    this.provider.awareness.setLocalStateField('user', user);
  }

  /** Try again after an error that stopped reconnecting. */
  retry(): void {
    this.dispatch({ type: 'online' });
    this.connect();
  }

  /**
   * The server does not know a report this device has (its database was reset, or it was made on another
   * server): create it there from this copy, then sync everything.
   */
  async uploadFromDevice(): Promise<boolean> {
    const meta = getReportMeta(this.doc);
    if (!isMechanism(meta.mechanism)) return false;
    try {
      await postReport({ id: this.reportId, title: meta.title || 'Untitled report', mechanism: meta.mechanism, stateUnderReview: meta.stateUnderReview });
    } catch {
      return false;
    }
    this.dispatch({ type: 'published' });
    this.connect();
    return true;
  }

  private async load(): Promise<void> {
    await this.persistence.whenSynced;
    if (this.destroyed) return;
    const recovered = this.recoverStashes();
    const local = await getLocalReport(this.reportId);
    if (this.destroyed) return;
    // The catalogue's count may itself have missed the last write of a closing page.
    this.tracker.carryOver(Math.max(local?.unsyncedChangeCount ?? 0, recovered ? 1 : 0));
    this.dispatch({ type: 'loaded', pendingCreate: local?.pendingCreate ?? false, unsyncedChanges: this.tracker.unsynced });
    this.handleMetaChange();
    if (navigator.onLine) this.connect();
  }

  private connect(): void {
    if (this.destroyed || !navigator.onLine) return;
    if (this.facts.pendingCreate) {
      void this.publishThenConnect();
      return;
    }
    this.provider.connect();
  }

  private async publishThenConnect(): Promise<void> {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    const ok = await publishReport(this.reportId);
    if (this.destroyed) return;
    if (ok) {
      this.dispatch({ type: 'published' });
      this.provider.connect();
    } else if (navigator.onLine) {
      this.publishTimer = setTimeout(() => this.connect(), PUBLISH_RETRY_MS);
    }
  }

  private watchNetwork(): void {
    const handleOnline = () => {
      this.dispatch({ type: 'online' });
      this.connect();
    };
    // Chromium's offline mode (and some captive networks) leave an open WebSocket looking alive; close it.
    const handleOffline = () => {
      this.provider.disconnect();
      this.dispatch({ type: 'offline' });
    };
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    this.cleanups.push(() => {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
    });
  }

  private watchProvider(): void {
    const provider = this.provider;
    // Learn when the server asks for our changes (its step 1) and when it answers ours (step 2); the
    // tracker turns those into confirmations. Messages relayed by BroadcastChannel (emitSynced false)
    // come from other tabs, not the server, and are ignored.
    const original = provider.messageHandlers[messageSync]!;
    provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
      const syncType = decoding.peekVarUint(decoder);
      original(encoder, decoder, p, emitSynced, type);
      if (!emitSynced || p.ws === null) return;
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // The provider sends our answer when this handler returns; the tracker's request must follow it.
        queueMicrotask(() => this.tracker.serverAskedForChanges());
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        this.tracker.serverAnswered();
        if (!this.facts.handshakeDone) {
          this.dispatch({ type: 'handshake-done' });
          if (this.tracker.unsynced === 0) void markSynced(this.reportId);
        }
      }
    };

    const handleStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connecting') this.dispatch({ type: 'connecting' });
      if (status === 'connected') {
        this.tracker.opened();
        this.dispatch({ type: 'open' });
      }
    };
    const handleConnectionClose = (event: CloseEvent | null) => {
      this.tracker.closed();
      this.dispatch({ type: 'closed', code: event?.code ?? null });
    };
    // Emitted for close codes after which y-websocket stops reconnecting (4400-4499).
    const handleClosed = ({ code }: { code: number }) => {
      if (code === CloseCodes.UnknownReport.code) void this.handleUnknownReport();
    };
    const handleAwareness = () => this.updatePeers();
    provider.on('status', handleStatus);
    provider.on('connection-close', handleConnectionClose);
    provider.on('closed', handleClosed);
    provider.awareness.on('change', handleAwareness);
    this.cleanups.push(() => {
      provider.off('status', handleStatus);
      provider.off('connection-close', handleConnectionClose);
      provider.off('closed', handleClosed);
      provider.awareness.off('change', handleAwareness);
    });
  }

  /** 4404: a report made here and not yet published is published, then synced; otherwise it is an error. */
  private async handleUnknownReport(): Promise<void> {
    const local = await getLocalReport(this.reportId);
    if (this.destroyed || !local?.pendingCreate) return;
    this.dispatch({ type: 'pending-create' });
    this.connect();
  }

  private sendStep1(): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    ws.send(encoding.toUint8Array(encoder));
  }

  private watchDoc(): void {
    const handleUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence) return;
      this.unsavedUpdates.push(update);
      // Recovered edits were counted by the visit that made them (see load()).
      if (origin !== RECOVERED_ORIGIN) this.tracker.localChange();
      void this.confirmLocalWrite();
    };
    this.doc.on('update', handleUpdate);
    const stopObserving = observeReport(this.doc, () => this.handleMetaChange());
    const handlePageHide = () => this.stashUnsaved();
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') this.stashUnsaved();
    };
    window.addEventListener('pagehide', handlePageHide);
    document.addEventListener('visibilitychange', handleVisibility);
    this.cleanups.push(() => {
      this.doc.off('update', handleUpdate);
      stopObserving();
      window.removeEventListener('pagehide', handlePageHide);
      document.removeEventListener('visibilitychange', handleVisibility);
    });
  }

  /** The page is going away (or hidden, which on phones often comes first): keep a synchronous copy. */
  private stashUnsaved(): void {
    if (this.unsavedUpdates.length === 0) return;
    const key = stashKey(this.reportId, this.doc.clientID);
    if (saveStash(localStorage, key, Y.mergeUpdates(this.unsavedUpdates))) this.stashKeys.add(key);
  }

  /** Apply copies left by a visit that ended before IndexedDB finished writing; they are removed once stored. */
  /** Returns whether any recovered edit was new to this device's copy. */
  private recoverStashes(): boolean {
    let stashes: ReturnType<typeof readStashes> = [];
    try {
      stashes = readStashes(localStorage, this.reportId);
    } catch {
      return false;
    }
    const writesBefore = this.localWriteSeq;
    for (const { key, update } of stashes) {
      this.stashKeys.add(key);
      // Applied as a local change: y-indexeddb stores it, and the tracker counts it until the server has it.
      Y.applyUpdate(this.doc, update, RECOVERED_ORIGIN);
    }
    if (this.localWriteSeq === writesBefore) {
      // IndexedDB already had all of it (the earlier visit's writes finished after all).
      for (const key of this.stashKeys) removeStash(localStorage, key);
      this.stashKeys.clear();
      return false;
    }
    return true;
  }

  /**
   * y-indexeddb writes each update without telling when it is stored. A read-only transaction on the same
   * store starts only after earlier read-write ones finish, so when it completes the update is on disk.
   */
  private async confirmLocalWrite(): Promise<void> {
    const seq = ++this.localWriteSeq;
    // Writes usually land within milliseconds; only a slow one is worth showing ("saving on this device…"),
    // and re-rendering the page twice per keystroke is not.
    if (this.facts.savedLocally && !this.slowWriteTimer) {
      this.slowWriteTimer = setTimeout(() => {
        this.slowWriteTimer = null;
        if (!this.destroyed && this.unsavedUpdates.length > 0) this.dispatch({ type: 'saved-locally', saved: false });
      }, SLOW_LOCAL_WRITE_MS);
    }
    const db = this.persistence.db;
    let stored = true;
    if (db) {
      stored = await new Promise<boolean>((resolve) => {
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
    } else {
      await this.persistence.whenSynced;
    }
    // A failed probe proves nothing either way: keep the updates for the stash.
    if (!stored || seq !== this.localWriteSeq) return;
    this.unsavedUpdates = [];
    for (const key of this.stashKeys) removeStash(localStorage, key);
    this.stashKeys.clear();
    if (!this.destroyed && !this.facts.savedLocally) this.dispatch({ type: 'saved-locally', saved: true });
  }

  private handleUnsyncedChange(): void {
    const count = this.tracker.unsynced;
    if (count !== this.facts.unsyncedChanges) this.dispatch({ type: 'unsynced-changes', count });
    if (count === this.lastRecordedUnsynced) return;
    const hadChanges = this.lastRecordedUnsynced > 0;
    this.lastRecordedUnsynced = count;
    if (count > 0) void recordUnsyncedChanges(this.reportId, count);
    else if (hadChanges || this.facts.handshakeDone) void markSynced(this.reportId);
  }

  private handleMetaChange(): void {
    const initialised = isInitialised(this.doc);
    const tooNew = initialised && !canEditWithSchema(this.doc, EDITOR_SCHEMA_VERSION);
    if (tooNew !== this.facts.schemaTooNew) this.dispatch({ type: 'schema', tooNew });
    else this.publish();
    if (!initialised || !this.facts.loaded) return;
    this.checkSchemaBeforeWriting();
    this.saveMetaSoon();
  }

  /**
   * Raise the report's editor schema version before this client's first write, so older clients open it
   * read-only rather than drop content they cannot parse. Online, it waits for the server's state: raising
   * from a stale device copy could race a newer client's higher version and win, lowering it. The editor
   * stays read-only until this has run.
   */
  private checkSchemaBeforeWriting(): void {
    const f = this.facts;
    if (!this.foreground) return;
    if (this.schemaChecked || f.schemaTooNew || !f.loaded || !isInitialised(this.doc)) return;
    if (!(f.handshakeDone || f.pendingCreate || !f.online || f.failedAttempts > 0)) return;
    this.schemaChecked = true;
    raiseEditorSchemaVersion(this.doc, EDITOR_SCHEMA_VERSION);
    this.publish();
  }

  /** Keep the device catalogue's title and State in step with the document, at most twice a second. */
  private saveMetaSoon(): void {
    if (this.metaTimer) return;
    this.metaTimer = setTimeout(() => {
      this.metaTimer = null;
      if (this.destroyed) return;
      const meta = getReportMeta(this.doc);
      const fields = { title: meta.title, mechanism: meta.mechanism, stateUnderReview: meta.stateUnderReview, createdAt: meta.createdAt };
      if (this.remembered) void updateLocalMeta(this.reportId, fields);
      else {
        this.remembered = true;
        void rememberReport(this.reportId, fields);
      }
    }, this.remembered ? 500 : 0);
  }

  private updatePeers(): void {
    if (!this.foreground) return;
    const peers: Peer[] = [];
    this.provider.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.doc.clientID) return;
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (!user || typeof user.name !== 'string') return;
      const section = (state as { section?: unknown }).section;
      peers.push({
        clientId,
        name: user.name,
        color: typeof user.color === 'string' ? user.color : '#5b6472',
        sectionId: typeof section === 'string' ? section : null,
      });
    });
    peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
    usePresenceStore.getState().setPeers(peers);
  }

  private dispatch(event: SyncEvent): void {
    const next = reduceSync(this.facts, event);
    const changed = (Object.keys(next) as (keyof SyncFacts)[]).some((k) => next[k] !== this.facts[k]);
    this.facts = next;
    if (changed) this.publish();
    this.checkSchemaBeforeWriting();
  }

  private publish(): void {
    this.snapshot = this.buildSnapshot();
    this.emit();
  }

  private buildSnapshot(): SessionSnapshot {
    const facts = this.facts;
    const initialised = isInitialised(this.doc);
    const status = describeSync(facts);
    const blocked =
      facts.schemaTooNew ||
      facts.closeCode === CloseCodes.ReadOnly.code ||
      facts.closeCode === CloseCodes.ReportDeleted.code;
    return {
      facts,
      status,
      initialised,
      meta: getReportMeta(this.doc),
      canEdit: facts.loaded && initialised && this.schemaChecked && !blocked,
    };
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
