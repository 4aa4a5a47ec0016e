/**
 * One open report: its Y.Doc, stored on this device with y-indexeddb and synced with the server through the
 * stock y-websocket provider, plus what the page shows about it (sync status, metadata, presence). React
 * reads it through `subscribe`/`getSnapshot`; `useReportSession` owns its lifecycle.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { isMechanism } from '../../../shared/api/mechanisms.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import {
  canEditWithSchema,
  getReportMeta,
  isInitialised,
  observeOutline,
  raiseEditorSchemaVersion,
  type ReportMeta,
} from '../../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/schema/version.ts';
import { postReport } from '../api/reportsApi.ts';
import { getLocalReport, markSynced, recordUnsyncedChanges, rememberReport, updateLocalMeta } from '../db/catalog.ts';
import { createOutlineUndo } from '../features/outline/outlineUndo.ts';
import { publishReport } from '../features/reports/publish.ts';
import { usePresenceStore } from '../stores/presenceStore.ts';
import type { LocalUser } from '../user/user.ts';
import { ChangeTracker } from './ChangeTracker.ts';
import { localDocName } from './localDoc.ts';
import { LocalWrites, RECOVERED_ORIGIN } from './LocalWrites.ts';
import { markReportOpen } from './openReports.ts';
import { peersFromAwareness } from './peers.ts';
import { interceptSyncMessages, sendSyncStep1 } from './syncMessages.ts';
import { describeSync, initialSyncFacts, reduceSync, type SyncEvent, type SyncFacts, type SyncStatusView } from './syncStatus.ts';

/** Retry publishing a report made offline this often while the server is unreachable. */
const PUBLISH_RETRY_MS = 5000;
/** Write title and State changes to the device catalogue at most this often. */
const META_SAVE_MS = 500;

export interface SessionSnapshot {
  facts: SyncFacts;
  status: SyncStatusView;
  /** The doc has the report's metadata (from this device or the server). */
  initialised: boolean;
  meta: ReportMeta;
  /** Whether this user may change the report now. */
  canEdit: boolean;
}

export interface SessionOptions {
  /**
   * False for a background sync of a report nobody has on screen: no presence is announced to co-authors,
   * the presence store is left alone, and the session never writes to the document.
   */
  foreground?: boolean;
}

type Listener = () => void;

export class ReportSession {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  readonly outlineUndo: Y.UndoManager;
  private readonly tracker: ChangeTracker;
  private readonly localWrites: LocalWrites;
  private readonly foreground: boolean;
  private facts: SyncFacts;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<Listener>();
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private metaTimer: ReturnType<typeof setTimeout> | null = null;
  private remembered = false;
  private schemaChecked = false;
  private lastRecordedUnsynced = -1;

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
      requestConfirmation: () => sendSyncStep1(this.provider, this.doc),
      onChange: () => this.handleUnsyncedChange(),
    });
    this.localWrites = new LocalWrites(reportId, this.doc, this.persistence, (saved) => this.dispatch({ type: 'saved-locally', saved }));
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Load the device copy, then connect when online. Call once. */
  start(): void {
    this.watchProvider();
    this.watchDoc();
    this.watchPage();
    void this.load();
  }

  destroy(): void {
    if (this.destroyed) return;
    // Leaving the report in-app: pending writes still finish, but the tab may close before they do.
    this.localWrites.stash();
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const timer of [this.publishTimer, this.metaTimer]) if (timer) clearTimeout(timer);
    this.localWrites.destroy();
    this.outlineUndo.destroy();
    if (this.foreground) usePresenceStore.getState().setPeers([]);
    // Co-authors see this user leave at once rather than when the server notices the socket is gone.
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /** Tell co-authors which section this user has open. */
  setSection(sectionId: string | null): void {
    if (this.foreground) this.provider.awareness.setLocalStateField('section', sectionId);
  }

  setUser(user: LocalUser): void {
    if (this.foreground) this.provider.awareness.setLocalStateField('user', user);
  }

  /** Try again after an error that stopped reconnecting. */
  retry(): void {
    this.dispatch({ type: 'online' });
    this.connect();
  }

  /**
   * The server does not know a report this device has (its database was reset, or the report was made
   * against another server): create it there from this copy, then sync everything.
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
    const recovered = this.localWrites.recover();
    const local = await getLocalReport(this.reportId);
    if (this.destroyed) return;
    // The catalogue's count may itself have missed the last write of a page that closed.
    this.tracker.carryOver(Math.max(local?.unsyncedChangeCount ?? 0, recovered ? 1 : 0));
    this.dispatch({ type: 'loaded', pendingCreate: local?.pendingCreate ?? false, unsyncedChanges: this.tracker.unsynced });
    this.handleMetaChange();
    if (navigator.onLine) this.connect();
  }

  private connect(): void {
    if (this.destroyed || !navigator.onLine) return;
    if (this.facts.pendingCreate) void this.publishThenConnect();
    else this.provider.connect();
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

  private watchProvider(): void {
    const provider = this.provider;
    const restoreHandler = interceptSyncMessages(provider, {
      onServerAsked: () => this.tracker.serverAskedForChanges(),
      onServerAnswered: () => {
        this.tracker.serverAnswered();
        if (this.facts.handshakeDone) return;
        this.dispatch({ type: 'handshake-done' });
        if (this.tracker.unsynced === 0) void markSynced(this.reportId);
      },
    });
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
    // Emitted for the close codes after which y-websocket stops reconnecting (4400-4499).
    const handleClosed = ({ code }: { code: number }) => {
      if (code === CloseCodes.UnknownReport.code) void this.handleUnknownReport();
    };
    const handleAwareness = () => {
      if (!this.foreground) return;
      usePresenceStore.getState().setPeers(peersFromAwareness(provider.awareness.getStates() as Map<number, Record<string, unknown>>, this.doc.clientID));
    };
    provider.on('status', handleStatus);
    provider.on('connection-close', handleConnectionClose);
    provider.on('closed', handleClosed);
    provider.awareness.on('change', handleAwareness);
    this.cleanups.push(() => {
      restoreHandler();
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

  private watchDoc(): void {
    const handleUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence) return;
      this.localWrites.record(update);
      // Recovered edits were counted by the visit that made them (see load()).
      if (origin !== RECOVERED_ORIGIN) this.tracker.localChange();
    };
    this.doc.on('update', handleUpdate);
    // The outline observer also fires for the report's metadata, and not for text typed in a section.
    const stopObserving = observeOutline(this.doc, () => this.handleMetaChange());
    this.cleanups.push(() => {
      this.doc.off('update', handleUpdate);
      stopObserving();
    });
  }

  private watchPage(): void {
    const handleOnline = () => {
      this.dispatch({ type: 'online' });
      this.connect();
    };
    // Chromium's offline mode (and some captive networks) leave an open WebSocket looking alive: close it.
    const handleOffline = () => {
      this.provider.disconnect();
      this.dispatch({ type: 'offline' });
    };
    const handlePageHide = () => this.localWrites.stash();
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') this.localWrites.stash();
    };
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    window.addEventListener('pagehide', handlePageHide);
    document.addEventListener('visibilitychange', handleVisibility);
    this.cleanups.push(() => {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('pagehide', handlePageHide);
      document.removeEventListener('visibilitychange', handleVisibility);
    });
  }

  /** Keep the device catalogue's count of waiting changes in step, so the list and a reload show it. */
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
    else if (initialised !== this.snapshot.initialised || !sameMeta(getReportMeta(this.doc), this.snapshot.meta)) this.publish();
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
    if (!this.foreground || this.schemaChecked || f.schemaTooNew || !f.loaded || !isInitialised(this.doc)) return;
    if (!(f.handshakeDone || f.pendingCreate || !f.online || f.failedAttempts > 0)) return;
    this.schemaChecked = true;
    raiseEditorSchemaVersion(this.doc, EDITOR_SCHEMA_VERSION);
    this.publish();
  }

  /** Keep the device catalogue's title and State in step with the document. */
  private saveMetaSoon(): void {
    if (this.metaTimer) return;
    this.metaTimer = setTimeout(
      () => {
        this.metaTimer = null;
        if (this.destroyed) return;
        const { title, mechanism, stateUnderReview, createdAt } = getReportMeta(this.doc);
        const fields = { title, mechanism, stateUnderReview, createdAt };
        if (this.remembered) void updateLocalMeta(this.reportId, fields);
        else void rememberReport(this.reportId, fields);
        this.remembered = true;
      },
      this.remembered ? META_SAVE_MS : 0,
    );
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
    for (const l of this.listeners) l();
  }

  private buildSnapshot(): SessionSnapshot {
    const facts = this.facts;
    const initialised = isInitialised(this.doc);
    const blocked =
      facts.schemaTooNew || facts.closeCode === CloseCodes.ReadOnly.code || facts.closeCode === CloseCodes.ReportDeleted.code;
    return {
      facts,
      status: describeSync(facts),
      initialised,
      meta: getReportMeta(this.doc),
      canEdit: facts.loaded && initialised && this.schemaChecked && !blocked,
    };
  }
}

function sameMeta(a: ReportMeta, b: ReportMeta): boolean {
  return (Object.keys(a) as (keyof ReportMeta)[]).every((k) => a[k] === b[k]);
}
