/**
 * The encrypted transport of one Y.Doc (issue 11, protocol v1 in docs/ENCRYPTION.md): it takes the place of the
 * y-websocket provider for an end-to-end encrypted report. Every local change leaves sealed with the report key
 * and signed with this account's key; every message from the server is signature-checked against the members who
 * may write and decrypted before it touches the document; anything else is refused and shown. One transport per
 * document of the report: the content (`<reportId>`) and the discussion (`<reportId>/discussion`), whose updates
 * also pass the discussion guard (`check`, discussionCheck.ts) before they are applied. The content document's
 * presence (`awareness`: names, carets, sections) is sealed too and relayed, not stored (encryptedPresence.ts).
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { fromBase64, toBase64 } from '../../../../shared/e2ee/bytes.ts';
import { openEnvelope, sealEnvelope, type EnvelopeKind } from '../../../../shared/e2ee/envelope.ts';
import { ESYNC_PATH_PREFIX, MAX_PRESENCE_ENVELOPE_BYTES, parseServerMessage, type ServerMessage } from '../../../../shared/e2ee/wire.ts';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { roomName } from '../../../../shared/protocol/rooms.ts';
import { deviceKeys, loadDeviceKeys, onDeviceKeys } from '../../e2ee/deviceKeys.ts';
import type { ReportKeys } from '../../e2ee/reportKeyring.ts';
import type { ProviderHandlers } from '../providers.ts';
import { canWriteDocument } from '../../../../shared/api/roles.ts';
import type { Refusal, UpdateCheck } from './discussionCheck.ts';
import { EncryptedPresence } from './encryptedPresence.ts';
import { useEncryptionStore } from './encryptionStore.ts';
import { SyncCursor } from './syncCursor.ts';
import { announceRotation, loadKeysInTurn, onRotation } from './tabKeys.ts';

/** Past this many bytes of updates after the snapshot, a writer makes a new snapshot and the server drops them. */
export const SNAPSHOT_AFTER_BYTES = 64 * 1024;
/** While waiting for the key, or after a failure, try again this often. */
const RETRY_MS = 4000;

export class EncryptedProvider {
  readonly awareness: Awareness;
  readonly ws = null;
  wsconnected = false;
  wsconnecting = false;
  private socket: WebSocket | null = null;
  private wanted = false;
  private destroyed = false;
  private keys: ReportKeys | null = null;
  private ready = false;
  private readonly cursor: SyncCursor;
  private readonly seen = new Set<string>();
  private handlers: ProviderHandlers | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopKeyWatch: (() => void) | null = null;
  private pendingBytes = 0;
  private sent = 0;
  private acked = 0;
  private readonly confirmations: number[] = [];
  private readonly outstanding = new Map<string, Uint8Array>();
  private nextRef = 0;
  private opening = false;
  /** A generation whose key this document must be re-sealed under as a snapshot (after this tab rotated the key). */
  private resealAt = 0;
  /** A message of this connection could not be decrypted here: a snapshot from this copy would drop it. */
  private unreadable = false;
  private readonly stopRotationWatch: () => void;
  /** Sealed presence, on the content document only (the discussion has no carets). */
  private readonly presence: EncryptedPresence | null;
  /** When presence from an unknown signer last made this read the keys (and member list) again. */
  private membersReadAt = 0;

  constructor(
    readonly reportId: string,
    readonly kind: EnvelopeKind,
    readonly doc: Y.Doc,
    private readonly accountId: string,
    /** Checks each decrypted message from the server before it is applied (the discussion guard). */
    private readonly check: UpdateCheck | null = null,
  ) {
    this.awareness = new Awareness(doc);
    this.presence = kind === 'content' ? new EncryptedPresence(this.awareness, accountId, (update) => this.sendPresence(update)) : null;
    this.cursor = new SyncCursor(`${accountId}:${roomName(reportId, kind)}`);
    doc.on('update', this.handleDocUpdate);
    this.stopRotationWatch = onRotation(reportId, (generation) => {
      this.resealAt = Math.max(this.resealAt, generation);
      this.maybeSnapshot();
    });
  }

  /** Feed this transport's events to a session (the same events the y-websocket provider gives). */
  watch(handlers: ProviderHandlers): () => void {
    this.handlers = handlers;
    const onAwareness = () => handlers.onAwareness();
    this.awareness.on('change', onAwareness);
    return () => {
      this.awareness.off('change', onAwareness);
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  connect(): void {
    if (this.destroyed || this.wanted) return;
    this.wanted = true;
    void this.open();
  }

  disconnect(): void {
    this.presence?.leave();
    this.wanted = false;
    this.clearRetry();
    this.socket?.close();
  }

  destroy(): void {
    this.disconnect();
    this.destroyed = true;
    this.stopKeyWatch?.();
    this.doc.off('update', this.handleDocUpdate);
    this.stopRotationWatch();
    this.presence?.destroy();
    this.awareness.destroy();
  }

  /** This device's copy is being cleared: the next connection asks the server for everything. */
  forgetProgress(): void {
    this.cursor.reset();
  }

  /** Ask for proof that every change sent so far is stored (the ChangeTracker's confirmation). */
  requestConfirmation(): void {
    if (this.acked >= this.sent) queueMicrotask(() => this.handlers?.onServerAnswered());
    else this.confirmations.push(this.sent);
  }

  private get store() {
    return useEncryptionStore.getState();
  }

  private async open(): Promise<void> {
    // One attempt at a time: a retry, the keys arriving and a key reload may all ask at once.
    if (this.opening) return;
    this.opening = true;
    try {
      await this.openOnce();
    } finally {
      this.opening = false;
    }
  }

  private async openOnce(): Promise<void> {
    if (!this.wanted || this.destroyed || this.socket) return;
    const own = await loadDeviceKeys(this.accountId);
    if (!this.wanted || this.destroyed || this.socket) return;
    if (!own) {
      this.store.set(this.reportId, { phase: 'locked' });
      this.stopKeyWatch ??= onDeviceKeys(() => void this.open());
      return;
    }
    this.handlers?.onStatus('connecting');
    this.wsconnecting = true;
    try {
      const loaded = await loadKeysInTurn(this.reportId, this.accountId, own);
      this.keys = loaded.keys;
      if (loaded.rotated) this.snapshotAfterRotation();
      this.store.set(this.reportId, { members: loaded.keys.members, generation: loaded.keys.generation, phase: loaded.current ? 'ready' : 'waiting-for-key' });
      if (!loaded.current) return this.retrySoon();
    } catch {
      this.store.set(this.reportId, { phase: 'offline' });
      this.wsconnecting = false;
      this.handlers?.onConnectionClose(null);
      return this.retrySoon();
    }
    if (!this.wanted || this.destroyed || this.socket) return;
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${proto}://${location.host}${ESYNC_PATH_PREFIX}${roomName(this.reportId, this.kind)}`);
    this.socket = socket;
    socket.onopen = () => {
      this.wsconnecting = false;
      this.wsconnected = true;
      this.sent = this.acked = 0;
      this.unreadable = false;
      this.confirmations.length = 0;
      this.outstanding.clear();
      this.handlers?.onStatus('connected');
      socket.send(JSON.stringify({ v: 1, t: 'hello', after: this.cursor.lastSeq }));
    };
    socket.onmessage = (event) => {
      const message = typeof event.data === 'string' ? parseServerMessage(event.data) : null;
      if (message) this.receive(message);
    };
    socket.onclose = (event) => this.handleClose(socket, event.code);
  }

  /** Keys changed while connected: take the new ones (a rotation also closes us with 4442), share with newcomers. */
  private async refreshKeys(): Promise<void> {
    const own = await loadDeviceKeys(this.accountId);
    if (!own) return;
    try {
      const loaded = await loadKeysInTurn(this.reportId, this.accountId, own);
      if (this.destroyed) return;
      this.keys = loaded.keys;
      if (loaded.rotated) this.snapshotAfterRotation();
      this.store.set(this.reportId, { members: loaded.keys.members, generation: loaded.keys.generation, phase: loaded.current ? 'ready' : 'waiting-for-key' });
      // Another document of this tab rotated the key: this one is re-sealed under it now that it holds it.
      this.maybeSnapshot();
    } catch {
      // The next connection loads them again.
    }
  }

  private handleClose(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.ready = false;
    this.presence?.disconnected();
    this.wsconnected = this.wsconnecting = false;
    this.handlers?.onStatus('disconnected');
    this.handlers?.onConnectionClose(code);
    if (!this.wanted || this.destroyed) return;
    if (code === CloseCodes.StaleKeyGeneration.code) return void this.open();
    if (code >= 4400 && code < 4500) {
      // The session decides (read the role again, reconnect read-only, or stop): as after the stock provider's 44xx.
      this.wanted = false;
      this.handlers?.onRefused(code);
      return;
    }
    this.retrySoon();
  }

  private retrySoon(): void {
    this.clearRetry();
    if (this.wanted && !this.destroyed) this.retryTimer = setTimeout(() => void this.open(), RETRY_MS);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private get canWrite(): boolean {
    const role = this.keys?.role;
    return canWriteDocument(role ?? null, this.kind);
  }

  /** Snapshots replace updates: owners and editors make them, of either document (the server refuses others'). */
  private get canSnapshot(): boolean {
    return canWriteDocument(this.keys?.role ?? null, 'content');
  }

  private receive(message: ServerMessage): void {
    if (message.t === 'keys') {
      // A newcomer got the key, or it was rotated: reload (and share it with whoever still lacks it).
      void this.refreshKeys();
      return;
    }
    if (message.t === 'ack') return this.handleAck(message.ref, message.seq);
    if (message.t === 'ready') {
      this.ready = true;
      this.pendingBytes = message.pendingBytes;
      if (this.canWrite) this.sendMissing();
      this.handlers?.onServerAsked();
      this.handlers?.onServerAnswered();
      this.maybeSnapshot();
      this.presence?.connected();
      return;
    }
    if (message.t === 'presence') return this.receivePresence(message.client, message.data);
    if (message.t === 'gone') return this.presence?.gone(message.clients);
    const sealed = fromBase64(message.data);
    const keys = this.keys;
    if (!sealed || !keys) return;
    const opened = openEnvelope(sealed, {
      reportId: this.reportId,
      kind: this.kind,
      writerKey: (userId) => keys.writerKey(this.kind, userId),
      reportKey: (g) => keys.keys.get(g) ?? null,
      seen: this.seen,
    });
    // A sealed version (or any other type) relayed as a sync message is refused: only the frame's own type applies.
    const refusal: { reason: string; detail?: string } | null = !opened.ok ? { reason: opened.reason } : opened.header.type !== message.t ? { reason: 'wrong-type' } : this.checkOpened(opened.header, opened.plaintext);
    if (!opened.ok || refusal) {
      const { reason, detail } = refusal!;
      const signer = keys.members.find((m) => m.userId === opened.header?.signer)?.name ?? opened.header?.signer ?? 'unknown';
      console.warn('Rightsdraft: refused an encrypted message', { reason, detail, signer });
      if (reason === 'no-key') this.unreadable = true;
      if (reason !== 'replayed') this.store.reject(this.reportId, { signer, reason, detail, at: Date.now() });
      this.cursor.serverHas(new Uint8Array([0, 0]), message.seq);
      return;
    }
    Y.applyUpdate(this.doc, opened.plaintext, this);
    this.cursor.serverHas(opened.plaintext, message.seq);
    if (message.t === 'update') this.pendingBytes += sealed.length;
  }

  /** Another member's presence: signed by a current member (readers too), decrypted, then the identity check. */
  private receivePresence(client: number, data: string): void {
    const sealed = fromBase64(data);
    const keys = this.keys;
    if (!sealed || !keys || !this.presence) return;
    const opened = openEnvelope(sealed, {
      reportId: this.reportId,
      kind: this.kind,
      presence: true,
      writerKey: (userId) => keys.memberKey(userId),
      reportKey: (g) => keys.keys.get(g) ?? null,
    });
    // A key not held yet (a rotation under way) or an unreadable frame: the next state will do. A signer not in
    // the member list held here may be a member added since: read the keys again (at most every 10 s), show nothing.
    if (!opened.ok) {
      if (opened.reason === 'bad-signature') this.refusePresence(opened.header?.signer, opened.reason);
      if (opened.reason === 'unknown-signer' && Date.now() - this.membersReadAt > 10_000) {
        this.membersReadAt = Date.now();
        void this.refreshKeys();
      }
      return;
    }
    const detail = this.presence.receive(opened.plaintext, opened.header.signer, keys.members, client);
    if (detail) this.refusePresence(opened.header.signer, 'presence-identity', detail);
  }

  private refusePresence(signerId: string | undefined, reason: string, detail?: string): void {
    const signer = this.keys?.members.find((m) => m.userId === signerId)?.name ?? signerId ?? 'unknown';
    console.warn('Rightsdraft: refused encrypted presence', { reason, detail, signer });
    this.store.reject(this.reportId, { signer, reason, detail, at: Date.now() });
  }

  /** Seal this client's awareness update with the current key; presence over the limit is never sent. */
  private sendPresence(update: Uint8Array): boolean {
    const keys = this.keys;
    const own = deviceKeys(this.accountId);
    const key = keys?.keys.get(keys.generation);
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || !this.ready || !keys || !own || !key) return false;
    const sealed = sealEnvelope({ type: 'presence', generation: keys.generation, kind: this.kind, reportId: this.reportId, signer: this.accountId }, update, key, own.signSecret);
    if (sealed.length > MAX_PRESENCE_ENVELOPE_BYTES) return false;
    this.socket.send(JSON.stringify({ v: 1, t: 'presence', client: this.awareness.clientID, data: toBase64(sealed) }));
    return true;
  }

  /** The document's own check of a message that opened (the discussion guard); a malformed update is refused too. */
  private checkOpened(header: Parameters<UpdateCheck>[1], plaintext: Uint8Array): Refusal | null {
    if (!this.check || !this.keys) return null;
    try {
      return this.check(this.doc, header, plaintext, this.keys.members);
    } catch {
      return { reason: 'discussion-rule', detail: 'not a readable change' };
    }
  }

  private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.cursor.markDirty(true);
    if (this.ready && this.canWrite) this.send('update', update);
  };

  /** After catching up: everything of the device copy the server may lack (offline edits included). */
  private sendMissing(): void {
    if (!this.cursor.dirty) return;
    const missing = this.cursor.missingFrom(this.doc);
    const decoded = Y.decodeUpdate(missing);
    if (decoded.structs.length > 0 || decoded.ds.clients.size > 0) this.send('update', missing);
    else this.cursor.markDirty(false);
  }

  private send(type: 'update' | 'snapshot', plaintext: Uint8Array, covers = 0): void {
    const keys = this.keys;
    const own = deviceKeys(this.accountId);
    const key = keys?.keys.get(keys.generation);
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || !keys || !own || !key) return;
    const sealed = sealEnvelope({ type, generation: keys.generation, kind: this.kind, reportId: this.reportId, signer: this.accountId }, plaintext, key, own.signSecret);
    const ref = `r${++this.nextRef}`;
    this.outstanding.set(ref, plaintext);
    this.sent++;
    if (type === 'update') this.pendingBytes += sealed.length;
    this.socket.send(JSON.stringify(type === 'update' ? { v: 1, t: 'update', ref, data: toBase64(sealed) } : { v: 1, t: 'snapshot', ref, covers, data: toBase64(sealed) }));
  }

  private handleAck(ref: string, seq: number): void {
    const plaintext = this.outstanding.get(ref);
    this.outstanding.delete(ref);
    if (plaintext) this.cursor.serverHas(plaintext, seq);
    this.acked++;
    if (this.outstanding.size === 0) this.cursor.markDirty(false);
    while (this.confirmations.length > 0 && this.confirmations[0]! <= this.acked) {
      this.confirmations.shift();
      this.handlers?.onServerAnswered();
    }
    this.maybeSnapshot();
  }

  /**
   * After this browser rotated the key, everything the server holds is re-sealed under the new one as a snapshot:
   * members given only the new key (newcomers) can then read the whole report, and the old ciphertext is dropped.
   */
  private snapshotAfterRotation(): void {
    // Every document of the report, in this tab: the content and the discussion.
    if (this.keys) announceRotation(this.reportId, this.keys.generation);
  }

  /** Compaction without reading: past the threshold, replace what the server holds by a snapshot of this copy. */
  private maybeSnapshot(): void {
    const reseal = this.resealAt > 0 && this.keys !== null && this.keys.generation >= this.resealAt;
    if (!this.ready || !this.canSnapshot || this.unreadable || (!reseal && this.pendingBytes < SNAPSHOT_AFTER_BYTES) || this.outstanding.size > 0) return;
    this.pendingBytes = 0;
    this.resealAt = 0;
    this.send('snapshot', Y.encodeStateAsUpdate(this.doc), this.cursor.lastSeq);
  }
}
