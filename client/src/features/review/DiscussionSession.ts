/**
 * The report's discussion document (`<reportId>/discussion`: comment threads and suggestions), kept on this
 * device with y-indexeddb and synced like the content, so people can comment offline. Reviewers write only
 * this document; nothing here touches the content document. It syncs over the content's transport: y-websocket
 * for a plain report, the encrypted one (sealed, signed, and checked by each member's discussion guard) for an
 * end-to-end encrypted report (issue 11).
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { roomName } from '../../../../shared/protocol/rooms.ts';
import { getLocalReport, recordDiscussionUnsynced } from '../../db/catalog.ts';
import { ChangeTracker } from '../../sync/ChangeTracker.ts';
import { EncryptedProvider } from '../../sync/encrypted/EncryptedProvider.ts';
import { localDocName } from '../../sync/localDoc.ts';
import { createDiscussionProvider, watchProvider, type Transport } from '../../sync/providers.ts';
import { sendSyncStep1 } from '../../sync/syncMessages.ts';

export type DiscussionStatus = 'loading' | 'offline' | 'connecting' | 'synced' | 'stopped';

export interface DiscussionSnapshot {
  status: DiscussionStatus;
  /** Bumped on every change of the document, local or remote. */
  revision: number;
  closeCode: number | null;
}

/** Origin of this tab's discussion edits. */
export const DISCUSSION_ORIGIN = 'review-ui';

export class DiscussionSession {
  readonly doc = new Y.Doc();
  readonly persistence: IndexeddbPersistence;
  readonly provider: WebsocketProvider;
  private snapshot: DiscussionSnapshot = { status: 'loading', revision: 0, closeCode: null };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private loaded = false;
  private serverReady = false;
  private destroyed = false;
  private notifyScheduled = false;
  /**
   * Comments and suggestions made here that the server has not confirmed, kept in the device catalogue so
   * signing out can warn before they are lost (see auth/deviceCopies.ts).
   */
  private readonly tracker: ChangeTracker;
  private recordedUnsynced = 0;

  /** `transport`: the content session's (an encrypted report's discussion never goes over the plain path). */
  constructor(
    readonly reportId: string,
    transport: Transport = { encrypted: false },
  ) {
    const room = roomName(reportId, 'discussion');
    this.persistence = new IndexeddbPersistence(localDocName(room), this.doc);
    this.provider = createDiscussionProvider(reportId, this.doc, transport);
    // Presence is announced on the content document only.
    this.provider.awareness.setLocalState(null);
    this.tracker = new ChangeTracker({
      requestConfirmation: () => sendSyncStep1(this.provider, this.doc),
      onChange: () => this.recordUnsynced(),
    });
  }

  private recordUnsynced(): void {
    const count = this.tracker.unsynced;
    if (count === this.recordedUnsynced) return;
    this.recordedUnsynced = count;
    void recordDiscussionUnsynced(this.reportId, count);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DiscussionSnapshot => this.snapshot;

  start(): void {
    const handleUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider && origin !== this.persistence && this.loaded) this.tracker.localChange();
      this.bump();
    };
    // The same events from either transport (providers.ts): the stock provider's, or the encrypted one's.
    this.cleanups.push(
      watchProvider(this.provider, {
        onServerAsked: () => this.tracker.serverAskedForChanges(),
        onServerAnswered: () => {
          this.tracker.serverAnswered();
          if (this.snapshot.status !== 'synced' && this.provider.wsconnected) this.set({ status: 'synced' });
        },
        onStatus: (status) => {
          if (status === 'connected') this.tracker.opened();
          if (status === 'connecting') this.set({ status: 'connecting' });
        },
        onConnectionClose: (code) => {
          this.tracker.closed();
          if (!this.destroyed) this.set({ status: navigator.onLine ? 'connecting' : 'offline', closeCode: code });
        },
        onRefused: (code) => this.set({ status: 'stopped', closeCode: code }),
        onAwareness: () => undefined,
      }),
    );
    const handleOnline = () => this.connect();
    const handleOffline = () => {
      this.provider.disconnect();
      this.set({ status: 'offline' });
    };
    this.doc.on('update', handleUpdate);
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    this.cleanups.push(() => {
      this.doc.off('update', handleUpdate);
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
    });
    void this.persistence.whenSynced.then(async () => {
      // Comments left unconfirmed by an earlier visit reach the server in the answer to its first step 1.
      const earlier = (await getLocalReport(this.reportId).catch(() => undefined))?.discussionUnsyncedCount ?? 0;
      if (this.destroyed) return;
      this.recordedUnsynced = earlier;
      this.tracker.carryOver(earlier);
      this.loaded = true;
      this.set({ status: navigator.onLine ? 'connecting' : 'offline' });
      this.connect();
    });
  }

  /**
   * The content session has reached the server, so the report exists there: a report made offline is
   * published by the content session first, and connecting earlier would be refused as unknown.
   */
  setServerReady(ready: boolean): void {
    this.serverReady = ready;
    this.connect();
  }

  /** Connect again after the server stopped the connection (the stock provider does not, for 4400-4499). */
  retry(): void {
    if (this.destroyed) return;
    this.set({ status: 'connecting', closeCode: null });
    this.connect();
  }

  /**
   * Forget this device's copy of the discussion, unsent changes included, so the next load takes the server's.
   * For a change the server refuses (4422): it would be refused again on every connection.
   */
  async discardLocalChanges(): Promise<void> {
    this.provider.disconnect();
    // The encrypted transport's note of how far it came would skip what the server holds on the next load.
    if ((this.provider as unknown) instanceof EncryptedProvider) (this.provider as unknown as EncryptedProvider).forgetProgress();
    await this.persistence.clearData();
    void recordDiscussionUnsynced(this.reportId, 0);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private connect(): void {
    if (this.destroyed || !this.loaded || !this.serverReady || !navigator.onLine) return;
    if (this.provider.wsconnected || this.provider.wsconnecting) return;
    this.provider.connect();
  }

  private bump(): void {
    if (this.notifyScheduled) return;
    // Typing a suggestion writes on every keystroke; one re-render per frame is enough.
    this.notifyScheduled = true;
    requestAnimationFrame(() => {
      this.notifyScheduled = false;
      if (!this.destroyed) this.set({ revision: this.snapshot.revision + 1 });
    });
  }

  private set(patch: Partial<DiscussionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
