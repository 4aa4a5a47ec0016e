/**
 * One open report: its Y.Doc, stored on this device with y-indexeddb and synced with the server through the
 * stock y-websocket provider, plus what the page shows about it (sync status, metadata, role, presence). React
 * reads it through `subscribe`/`getSnapshot`; `useReportSession` owns its lifecycle.
 *
 * The role comes from `GET /api/reports/:id` before each connection (and is cached on the device for offline
 * use). A reader never writes to the document, because a read-only connection that sends a change is closed;
 * when the device copy holds changes a reader may not send, the page shows a fresh in-memory copy of the
 * server's text instead (see chooseView.ts) and the device copy keeps them.
 */
import * as Y from 'yjs';
import { reportProgress } from '../../../shared/report/progress.ts';
import { coverDeadline } from '../features/deadlines/coverDeadline.ts';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { isMechanism } from '../../../shared/api/mechanisms.ts';
import type { Role } from '../../../shared/api/roles.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import {
  canEditWithSchema,
  getReportMeta,
  isInitialised,
  observeOutline,
  raiseEditorSchemaVersion,
  type ReportMeta,
} from '../../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/schema/version.ts';
import { ApiError, fetchServerReport, postReport } from '../api/reportsApi.ts';
import { isReader, permissionsFor, type ReportPermissions } from '../auth/permissions.ts';
import {
  getLocalReport,
  markDeletedOnServer,
  markSynced,
  recordAccess,
  recordUnsyncedChanges,
  rememberReport,
  updateLocalMeta,
} from '../db/catalog.ts';
import { createOutlineUndo } from '../features/outline/outlineUndo.ts';
import { publishReport } from '../features/reports/publish.ts';
import { usePresenceStore } from '../stores/presenceStore.ts';
import { useSessionStore } from '../stores/sessionStore.ts';
import type { LocalUser } from '../user/user.ts';
import { ChangeTracker } from './ChangeTracker.ts';
import { chooseView } from './chooseView.ts';
import { localDocName } from './localDoc.ts';
import { LocalWrites, RECOVERED_ORIGIN } from './LocalWrites.ts';
import { markReportOpen } from './openReports.ts';
import { peersFromAwareness } from './peers.ts';
import { createProvider, watchProvider, type Transport } from './providers.ts';
import { sendSyncStep1 } from './syncMessages.ts';
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
  /**
   * The text is on screen and nothing about the sync forbids changing it (loaded, not from a newer editor, not
   * refused, deleted or the server's copy): the session's verdict before the role. Review's suggesting mode
   * uses it, since a reviewer's suggestions go to the discussion document, never into this one.
   */
  textReady: boolean;
  /** Whether this user may change the report's text and outline now: `textReady` and a role that writes. */
  canEdit: boolean;
  /** What the user's role allows (the role itself is `facts.role`). */
  permissions: ReportPermissions;
}

/** What co-authors see of this user: the account's name, this device's colour, and the role on the report. */
export interface PresenceUser extends LocalUser {
  userId?: string;
  role?: Role | null;
}

export interface SessionOptions {
  /**
   * False for a background sync of a report nobody has on screen: no presence is announced to co-authors,
   * the presence store is left alone, and the session never writes to the document.
   */
  foreground?: boolean;
  /** The signed-in account, recorded with the device copy. */
  accountId?: string;
  /** End-to-end encrypted (issue 11): synced through the encrypted transport, not y-websocket. */
  encrypted?: boolean;
}

type Listener = () => void;
type Source = 'device' | 'server';

export class ReportSession {
  /** The copy stored on this device. */
  readonly deviceDoc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  private readonly deviceProvider: WebsocketProvider;
  /** The server's text, in memory only, while a reader's device copy cannot be synced. */
  private serverCopy: { doc: Y.Doc; provider: WebsocketProvider; stop: () => void } | null = null;
  readonly outlineUndo: Y.UndoManager;
  private readonly tracker: ChangeTracker;
  private readonly localWrites: LocalWrites;
  private readonly foreground: boolean;
  private readonly accountId: string | undefined;
  /** Plain (y-websocket) or end-to-end encrypted: the discussion session syncs over the same kind. */
  readonly transport: Transport;
  private user: PresenceUser;
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
  /** The role was read from the server since the last disconnection or role change. */
  private roleFresh = false;
  private coalitionId: string | null | undefined;
  /** The server refused a change of the device copy (4403) since the role was last read. */
  private refusedWrite = false;
  private connecting: Promise<void> | null = null;
  private refusalsInARow = 0;
  private lastRefusalAt = 0;
  private refusalTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly reportId: string,
    user: PresenceUser,
    options: SessionOptions = {},
  ) {
    this.foreground = options.foreground ?? true;
    this.accountId = options.accountId;
    this.user = user;
    this.facts = initialSyncFacts(navigator.onLine);
    this.persistence = new IndexeddbPersistence(localDocName(reportId), this.deviceDoc);
    this.transport = options.encrypted && options.accountId ? { encrypted: true, accountId: options.accountId } : { encrypted: false };
    this.deviceProvider = createProvider(reportId, this.deviceDoc, this.transport);
    this.deviceProvider.awareness.setLocalState(this.foreground ? { user, section: null } : null);
    if (this.foreground) this.cleanups.push(markReportOpen(reportId));
    this.outlineUndo = createOutlineUndo(this.deviceDoc);
    this.tracker = new ChangeTracker({
      requestConfirmation: () => sendSyncStep1(this.deviceProvider, this.deviceDoc),
      onChange: () => this.handleUnsyncedChange(),
    });
    this.localWrites = new LocalWrites(reportId, this.deviceDoc, this.persistence, (saved) => this.dispatch({ type: 'saved-locally', saved }));
    this.snapshot = this.buildSnapshot();
  }

  /** End-to-end encrypted (issue 11): synced through the encrypted transport. */
  get encrypted(): boolean {
    return this.transport.encrypted;
  }

  /** The document the page shows: the device copy, or the server's text (see chooseView.ts). */
  get doc(): Y.Doc {
    return this.serverCopy?.doc ?? this.deviceDoc;
  }

  /** The provider of `doc`, for presence and carets. */
  get provider(): WebsocketProvider {
    return this.serverCopy?.provider ?? this.deviceProvider;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Load the device copy, then connect when online. Call once. */
  start(): void {
    this.cleanups.push(this.watchProvider(this.deviceProvider, 'device'));
    this.watchDoc();
    this.watchPage();
    this.watchAccount();
    void this.load();
  }

  destroy(): void {
    if (this.destroyed) return;
    // Leaving the report in-app: pending writes still finish, but the tab may close before they do.
    this.localWrites.stash();
    this.destroyed = true;
    this.closeServerCopy();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const timer of [this.publishTimer, this.metaTimer, this.refusalTimer]) if (timer) clearTimeout(timer);
    this.localWrites.destroy();
    this.outlineUndo.destroy();
    if (this.foreground) usePresenceStore.getState().setPeers([]);
    // Co-authors see this user leave at once rather than when the server notices the socket is gone.
    this.deviceProvider.awareness.setLocalState(null);
    this.deviceProvider.destroy();
    void this.persistence.destroy();
    this.deviceDoc.destroy();
    this.listeners.clear();
  }

  /** Tell co-authors which section this user has open. */
  setSection(sectionId: string | null): void {
    if (this.foreground) this.provider.awareness.setLocalStateField('section', sectionId);
  }

  setUser(user: PresenceUser): void {
    this.user = user;
    this.announceUser();
  }

  /** Try again after an error that stopped reconnecting. */
  retry(): void {
    this.dispatch({ type: 'online' });
    this.roleFresh = false;
    this.connect();
  }

  /**
   * Drop this device's copy of the report, with every change the server has not saved, so the next load takes
   * the server's: the way out when the server refuses a change for good (the report is at its size limit and the
   * change, kept for undo, cannot be made smaller). The caller reloads the page.
   */
  async discardUnsavedChanges(): Promise<void> {
    this.deviceProvider.disconnect();
    this.serverCopy?.provider.disconnect();
    this.localWrites.discard();
    await this.persistence.clearData();
    await markSynced(this.reportId);
  }

  /**
   * The server does not know a report this device has (its database was reset, or the report was made
   * against another server): create it there from this copy, then sync everything.
   */
  async uploadFromDevice(): Promise<boolean> {
    const meta = getReportMeta(this.deviceDoc);
    if (!isMechanism(meta.mechanism)) return false;
    try {
      await postReport(
        this.transport.encrypted
          ? { id: this.reportId, title: 'Encrypted report', mechanism: meta.mechanism, stateUnderReview: '', encrypted: true } // i18n-exempt: titles stored on the server as data, as features/reports/publish.ts sends them ('Encrypted report' is the server's ENCRYPTED_TITLE)
          : { id: this.reportId, title: meta.title || 'Untitled report', mechanism: meta.mechanism, stateUnderReview: meta.stateUnderReview },
      );
    } catch {
      return false;
    }
    this.dispatch({ type: 'published' });
    this.roleFresh = false;
    this.connect();
    return true;
  }

  private announceUser(): void {
    if (!this.foreground) return;
    const user = { ...this.user, role: this.facts.role };
    this.deviceProvider.awareness.setLocalStateField('user', user);
    this.serverCopy?.provider.awareness.setLocalStateField('user', user);
  }

  private async load(): Promise<void> {
    await this.persistence.whenSynced;
    if (this.destroyed) return;
    const recovered = this.localWrites.recover();
    const local = await getLocalReport(this.reportId);
    if (this.destroyed) return;
    // The catalogue's count may itself have missed the last write of a page that closed.
    this.tracker.carryOver(Math.max(local?.unsyncedChangeCount ?? 0, recovered ? 1 : 0));
    // The role cached for this account lets the report open read-only offline; a report made here is one's own.
    const cachedRole = local && (!local.accountId || local.accountId === this.accountId) ? (local.role ?? null) : null;
    this.dispatch({ type: 'role', role: local?.pendingCreate ? 'owner' : cachedRole });
    if (local?.deletedOnServer) this.dispatch({ type: 'refused', code: CloseCodes.ReportDeleted.code });
    this.dispatch({ type: 'loaded', pendingCreate: local?.pendingCreate ?? false, unsyncedChanges: this.tracker.unsynced });
    this.handleMetaChange();
    if (navigator.onLine && !local?.deletedOnServer) this.connect();
  }

  private connect(): void {
    if (this.destroyed || !navigator.onLine) return;
    if (this.facts.pendingCreate) void this.publishThenConnect();
    else this.connecting ??= this.connectWithRole().finally(() => (this.connecting = null));
  }

  /** Read the role (unless known since the last connection), then connect the copy it allows. */
  private async connectWithRole(): Promise<void> {
    if (!this.roleFresh) {
      const result = await this.refreshRole();
      if (this.destroyed || !navigator.onLine || result === 'signed-out' || result === 'no-access') return;
      // Refused once and the role can't be read: connecting the device copy again would only be refused again.
      if (result === 'unreachable' && this.refusedWrite) {
        this.reconnectAfterRefusal();
        return;
      }
    }
    const view = chooseView({ role: this.facts.role, unsyncedChanges: this.tracker.unsynced, refusedWrite: this.refusedWrite });
    if (view === 'server') {
      // A background sync has nothing it may send.
      if (this.foreground) this.showServerCopy();
      return;
    }
    if (!isReader(this.facts.role)) this.refusedWrite = false;
    this.closeServerCopy();
    this.deviceProvider.connect();
  }

  private async refreshRole(): Promise<'ok' | 'unreachable' | 'no-access' | 'signed-out'> {
    try {
      const report = await fetchServerReport(this.reportId);
      if (this.destroyed) return 'ok';
      this.roleFresh = true;
      this.coalitionId = report.coalitionId;
      this.dispatch({ type: 'role', role: report.role });
      this.announceUser();
      void recordAccess(this.reportId, { role: report.role, coalitionId: report.coalitionId, accountId: this.accountId, encrypted: report.encrypted === true });
      return 'ok';
    } catch (err) {
      if (this.destroyed) return 'unreachable';
      if (err instanceof ApiError && err.status === 401) {
        this.dispatch({ type: 'refused', code: CloseCodes.Unauthorized.code });
        return 'signed-out';
      }
      if (err instanceof ApiError && err.status === 404) {
        this.dispatch({ type: 'refused', code: CloseCodes.UnknownReport.code });
        void this.handleUnknownReport();
        return 'no-access';
      }
      // Unreachable, or the server failed: connect with the role known so far; the server decides.
      return 'unreachable';
    }
  }

  private async publishThenConnect(): Promise<void> {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    const ok = await publishReport(this.reportId);
    if (this.destroyed) return;
    if (ok) {
      this.dispatch({ type: 'published' });
      this.connect();
    } else if (navigator.onLine) {
      this.publishTimer = setTimeout(() => this.connect(), PUBLISH_RETRY_MS);
    }
  }

  /** Show the server's text in a fresh in-memory copy, and leave the device copy (and its changes) alone. */
  private showServerCopy(): void {
    if (!this.serverCopy) {
      this.deviceProvider.disconnect();
      const doc = new Y.Doc();
      const provider = createProvider(this.reportId, doc, this.transport);
      provider.awareness.setLocalState({ user: { ...this.user, role: this.facts.role }, section: null });
      const stopWatching = this.watchProvider(provider, 'server');
      const stopObserving = observeOutline(doc, () => this.handleMetaChange());
      this.serverCopy = {
        doc,
        provider,
        stop: () => {
          stopWatching();
          stopObserving();
        },
      };
      this.dispatch({ type: 'view', view: 'server' });
    }
    this.serverCopy.provider.connect();
  }

  private closeServerCopy(): void {
    const copy = this.serverCopy;
    if (!copy) return;
    this.serverCopy = null;
    copy.stop();
    copy.provider.awareness.setLocalState(null);
    copy.provider.destroy();
    copy.doc.destroy();
    if (!this.destroyed) this.dispatch({ type: 'view', view: 'device' });
  }

  /** Feed a provider's events into the facts; only the provider of the copy on screen counts. */
  private watchProvider(provider: WebsocketProvider, source: Source): () => void {
    const active = () => this.provider === provider;
    const device = source === 'device';
    return watchProvider(provider, {
      onServerAsked: () => {
        if (device) this.tracker.serverAskedForChanges();
      },
      onServerAnswered: () => {
        if (device) this.tracker.serverAnswered();
        if (!active() || this.facts.handshakeDone) return;
        this.dispatch({ type: 'handshake-done' });
        if (device && this.tracker.unsynced === 0) void markSynced(this.reportId);
      },
      onStatus: (status) => {
        if (status === 'connected' && device) this.tracker.opened();
        if (!active()) return;
        if (status === 'connecting') this.dispatch({ type: 'connecting' });
        if (status === 'connected') this.dispatch({ type: 'open' });
      },
      onConnectionClose: (code) => {
        if (device) this.tracker.closed();
        if (active()) this.dispatch({ type: 'closed', code });
      },
      onRefused: (code) => this.handleRefusal(code, source),
      onAwareness: () => {
        if (!this.foreground || !active()) return;
        usePresenceStore.getState().setPeers(peersFromAwareness(provider.awareness.getStates() as Map<number, Record<string, unknown>>, provider.doc.clientID));
      },
    });
  }

  /** A close code the stock provider will not retry after: decide what happens next. */
  private handleRefusal(code: number, source: Source): void {
    if (this.destroyed) return;
    switch (code) {
      case CloseCodes.UnknownReport.code:
        void this.handleUnknownReport();
        break;
      case CloseCodes.Unauthorized.code:
        // The session ended (signed out here or elsewhere, or expired); watchAccount reconnects after sign-in.
        useSessionStore.getState().dispatch({ type: 'unauthorized' });
        break;
      case CloseCodes.ReadOnly.code:
        // The fresh copy is never written, so a refusal there would repeat forever: stop.
        if (source === 'server') break;
        // The role was lowered (the server closes every writer it demotes), or this copy holds changes a
        // reader may not send. With changes of ours unconfirmed, or refused although we connected as a
        // reader, this copy holds something the server won't take: after reading the role, the page shows
        // the server's text. With nothing pending, the copy reconnects read-only.
        if (this.tracker.unsynced > 0 || isReader(this.facts.role)) this.refusedWrite = true;
        this.roleFresh = false;
        this.reconnectAfterRefusal();
        break;
      case CloseCodes.RoleChanged.code:
        this.roleFresh = false;
        this.connect();
        break;
      case CloseCodes.ReportDeleted.code:
        void markDeletedOnServer(this.reportId);
        break;
      case CloseCodes.ReportFull.code:
        // The provider has stopped (see providers.ts): resending would be refused again. The change stays on this
        // device; the banner explains, and "Try again" reconnects once the person has made room.
        break;
    }
  }

  /**
   * Reconnect after a 4403, at once the first time; if the server keeps refusing while the role it reports
   * still allows writing (a role changing back and forth), wait longer each time rather than hammer it.
   */
  private reconnectAfterRefusal(): void {
    const now = Date.now();
    this.refusalsInARow = now - this.lastRefusalAt < 30_000 ? this.refusalsInARow + 1 : 0;
    this.lastRefusalAt = now;
    const delayMs = this.refusalsInARow === 0 ? 0 : Math.min(500 * 2 ** this.refusalsInARow, 10_000);
    if (this.refusalTimer) clearTimeout(this.refusalTimer);
    this.refusalTimer = setTimeout(() => {
      this.refusalTimer = null;
      this.connect();
    }, delayMs);
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
      if (origin === this.deviceProvider || origin === this.persistence) return;
      this.localWrites.record(update);
      // Recovered edits were counted by the visit that made them (see load()).
      if (origin !== RECOVERED_ORIGIN) this.tracker.localChange();
    };
    this.deviceDoc.on('update', handleUpdate);
    // The outline observer also fires for the report's metadata, and not for text typed in a section.
    const stopObserving = observeOutline(this.deviceDoc, () => this.handleMetaChange());
    this.cleanups.push(() => {
      this.deviceDoc.off('update', handleUpdate);
      stopObserving();
    });
  }

  private watchPage(): void {
    const handleOnline = () => {
      this.dispatch({ type: 'online' });
      this.connect();
    };
    // Chromium's offline mode (and some captive networks) leave an open WebSocket looking alive: close it.
    // The role may change meanwhile, so it is read again on the way back.
    const handleOffline = () => {
      this.deviceProvider.disconnect();
      this.serverCopy?.provider.disconnect();
      this.roleFresh = false;
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

  /** After "signed out" (4401 or a 401), reconnect once the user has signed in again. */
  private watchAccount(): void {
    this.cleanups.push(
      useSessionStore.subscribe(({ state }) => {
        if (state.status === 'signed-in' && this.facts.closeCode === CloseCodes.Unauthorized.code) {
          this.roleFresh = false;
          this.connect();
        }
      }),
    );
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
    const doc = this.doc;
    const initialised = isInitialised(doc);
    const tooNew = initialised && !canEditWithSchema(doc, EDITOR_SCHEMA_VERSION);
    if (tooNew !== this.facts.schemaTooNew) this.dispatch({ type: 'schema', tooNew });
    else if (initialised !== this.snapshot.initialised || !sameMeta(getReportMeta(doc), this.snapshot.meta)) this.publish();
    if (!isInitialised(this.deviceDoc) || !this.facts.loaded) return;
    this.checkSchemaBeforeWriting();
    this.saveMetaSoon();
  }

  /**
   * Raise the report's editor schema version before this client's first write, so older clients open it
   * read-only rather than drop content they cannot parse. Online, it waits for the server's state: raising
   * from a stale device copy could race a newer client's higher version and win, lowering it. The editor
   * stays read-only until this has run. A reader never writes, so never raises it.
   */
  private checkSchemaBeforeWriting(): void {
    const f = this.facts;
    if (!this.foreground || this.schemaChecked || f.schemaTooNew || !f.loaded || !isInitialised(this.deviceDoc)) return;
    if (isReader(f.role) || f.view !== 'device' || f.closeCode === CloseCodes.ReadOnly.code || f.closeCode === CloseCodes.ReportDeleted.code) return;
    if (!(f.handshakeDone || f.pendingCreate || !f.online || f.failedAttempts > 0)) return;
    this.schemaChecked = true;
    raiseEditorSchemaVersion(this.deviceDoc, EDITOR_SCHEMA_VERSION);
    this.publish();
  }

  /** Keep the device catalogue's title, State and access in step with the document. */
  private saveMetaSoon(): void {
    if (this.metaTimer) return;
    this.metaTimer = setTimeout(
      () => {
        this.metaTimer = null;
        if (this.destroyed) return;
        const { title, mechanism, stateUnderReview, createdAt } = getReportMeta(this.deviceDoc);
        const fields = { title, mechanism, stateUnderReview, createdAt, progress: reportProgress(this.deviceDoc), deadline: coverDeadline(this.deviceDoc) };
        if (this.remembered) void updateLocalMeta(this.reportId, fields);
        else void rememberReport(this.reportId, fields, { accountId: this.accountId, coalitionId: this.coalitionId, role: this.facts.role ?? undefined, encrypted: this.transport.encrypted });
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
    const doc = this.doc;
    const initialised = isInitialised(doc);
    const permissions = permissionsFor(facts.role);
    const blocked =
      facts.schemaTooNew || facts.view !== 'device' || facts.closeCode === CloseCodes.ReadOnly.code || facts.closeCode === CloseCodes.ReportDeleted.code;
    // A reader never raises the editor schema version (it never writes the text), so it is not waited for.
    const textReady = facts.loaded && initialised && (this.schemaChecked || isReader(facts.role)) && !blocked;
    return {
      facts,
      status: describeSync(facts),
      initialised,
      meta: getReportMeta(doc),
      textReady,
      canEdit: textReady && permissions.editContent,
      permissions,
    };
  }
}

function sameMeta(a: ReportMeta, b: ReportMeta): boolean {
  return (Object.keys(a) as (keyof ReportMeta)[]).every((k) => a[k] === b[k]);
}
