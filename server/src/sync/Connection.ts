/**
 * One WebSocket speaking the y-websocket protocol for one document. Messages are handled strictly in the order
 * they arrive; those that come before the document has loaded wait in a queue. Anything undecodable closes this
 * connection only.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import type { Role } from '../../../shared/api/roles.ts';
import type { Logger } from '../log.ts';
import { metrics, type SyncMessageKind } from '../metrics/metrics.ts';
import { ReportFullError } from '../documents/ReportSizes.ts';
import { MessageType } from './messages.ts';
import { PresenceRefusedError, screenPresence } from './presence.ts';
import { isStalePresence } from './stalePresence.ts';
import { buildsOnMissing } from '../../../shared/discussion/missingDependencies.ts';
import type { Room, RoomMember } from './Room.ts';

/** Close a connection whose send buffer grows past this: the client is not reading. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * Most bytes of changes held for one connection because they build on something the server does not have yet
 * (see `held`); past this the connection is closed as malformed (4400). A client's own changes typed while its
 * sync answer is on the way are small.
 */
const MAX_HELD_BYTES = 4 * 1024 * 1024;

export class ProtocolError extends Error {}

export interface ConnectionInfo {
  doc: string;
  reportId: string;
  /** False for roles that may only read: a change from them closes the connection with 4403. */
  canWrite: boolean;
  remote: string;
  userId: string;
  /** The account's name (what the discussion shows as the author of what this connection writes). */
  userName: string;
  /** The session or token the connection was opened with: signing out closes it. */
  credential: string;
  /** The user's role on the report now (kept current by re-checks). */
  role: Role | null;
  /** Checks a change before it is applied; returns why it is refused, or null. Set for the discussion document. */
  guard?: (doc: Y.Doc, update: Uint8Array) => string | null;
}

export class Connection implements RoomMember {
  readonly awarenessIds = new Set<number>();
  readonly presenceClaims = new Set<number>();
  private room: Room | null = null;
  private queue: Uint8Array[] = [];
  private closed = false;
  /**
   * Changes from this connection that build on something the document does not have (Yjs would keep them
   * "pending" inside the document and take them in with someone else's later change, checked as that person's
   * or not at all). They are held here, never applied, stored or relayed, and merged with this connection's next
   * change: the stock client sends such a change when its user types after reconnecting and before its sync
   * answer (carrying the offline edits the change builds on) has gone out. Dropped with the connection; the client
   * sends them again in its next sync answer.
   */
  private held: Uint8Array | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly info: ConnectionInfo,
    private readonly log: Logger,
  ) {}

  get userId(): string {
    return this.info.userId;
  }

  /** Queue a frame that arrived before the room is ready, or handle it now. */
  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (!this.room) {
      this.queue.push(data);
      return;
    }
    this.handle(data);
  }

  /** The document is loaded: greet the client and handle what it sent meanwhile. */
  attach(room: Room): void {
    if (this.closed) return;
    this.room = room;
    room.join(this);
    // Sync step 1: ask the client for what it has that the server lacks (offline edits).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, room.live.doc);
    this.send(encoding.toUint8Array(encoder));
    const presence = room.awarenessMessage();
    if (presence) this.send(presence);
    const queued = this.queue;
    this.queue = [];
    for (const data of queued) this.handle(data);
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCodes.MessageTooBig.code, 'Client not reading');
      return;
    }
    this.cork();
    this.ws.send(message, { binary: true }, (err) => {
      if (err) this.close(1011, 'Send failed');
    });
  }

  private corked = false;

  /**
   * Gather every frame sent to this client in one turn of the event loop into one write: under load a commit
   * and the presence updates around it would otherwise cost a system call each.
   */
  private cork(): void {
    const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    if (this.corked || !socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  /** The socket is gone: leave the room. */
  detach(): void {
    this.closed = true;
    this.queue = [];
    this.held = null;
    if (this.room) {
      this.room.leave(this);
      this.room = null;
    }
  }

  private handle(data: Uint8Array): void {
    try {
      this.dispatch(data);
    } catch (err) {
      const readOnly = err instanceof ReadOnlyError;
      const refused = err instanceof RefusedChangeError;
      const presence = err instanceof PresenceRefusedError;
      const full = err instanceof ReportFullError;
      const what = readOnly
        ? 'write refused on a read-only connection'
        : refused
          ? 'change refused'
          : presence
            ? 'presence refused'
            : full
              ? 'change refused: the report is at its size limit'
              : 'malformed sync message';
      this.log.warn(`${what}; closing connection`, {
        doc: this.info.doc,
        remote: this.info.remote,
        userId: this.info.userId,
        bytes: data.byteLength,
        err,
      });
      const close = readOnly
        ? CloseCodes.ReadOnly
        : refused
          ? CloseCodes.ChangeRefused
          : presence
            ? CloseCodes.PresenceTooLarge
            : full
              ? CloseCodes.ReportFull
              : CloseCodes.MalformedMessage;
      this.close(close.code, close.reason);
    }
  }

  private dispatch(data: Uint8Array): void {
    const room = this.room!;
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (metrics.enabled) metrics.syncMessage(messageKind(type, data));
    switch (type) {
      case MessageType.Sync:
        this.handleSync(decoder, room);
        break;
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        // Echoes of presence the room already has change nothing: skip them before their JSON is parsed.
        if (isStalePresence(room.awareness, update)) break;
        // Only this connection's own client ids, within the size limits, under the session's name and role.
        const screened = screenPresence(update, {
          identity: this.info,
          presenceClaims: this.presenceClaims,
          mayClaim: (clientId) => room.mayClaimPresence(this, clientId),
        });
        if (!screened) break;
        room.claimPresence(this, screened.claimed);
        awarenessProtocol.applyAwarenessUpdate(room.awareness, screened.update, this);
        break;
      }
      case MessageType.QueryAwareness: {
        const presence = room.awarenessMessage();
        if (presence) this.send(presence);
        break;
      }
      case MessageType.Auth:
        // Authentication travels with the HTTP upgrade, not in-band; the stock client never sends this.
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder, room: Room): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        // Validates the state vector before any work is done for it.
        Y.decodeStateVector(stateVector);
        // The reply reveals document state, so it waits until that state is stored.
        room.live.afterCommit(() => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MessageType.Sync);
          syncProtocol.writeSyncStep2(encoder, room.live.doc, stateVector);
          this.send(encoding.toUint8Array(encoder));
        });
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        let update = decoding.readVarUint8Array(decoder);
        // Parse the whole update before touching the document, so garbage never reaches it.
        let decoded = Y.decodeUpdate(update);
        if (!this.info.canWrite) {
          // A read-only client answers the server's sync step 1 with what it has; that is fine as long as the
          // server has all of it already (a viewer's copy always carries the whole delete set).
          if (Y.snapshotContainsUpdate(Y.snapshot(room.live.doc), update)) break;
          throw new ReadOnlyError('read-only connection sent a change');
        }
        if (this.held) {
          update = Y.mergeUpdates([this.held, update]);
          decoded = Y.decodeUpdate(update);
          this.held = null;
        }
        if (buildsOnMissing(room.live.doc, decoded)) {
          if (update.byteLength > MAX_HELD_BYTES) throw new ProtocolError('too many changes that build on what the server does not have');
          this.held = update;
          break;
        }
        const refusal = this.info.guard?.(room.live.doc, update);
        if (refusal) throw new RefusedChangeError(refusal);
        // The document's intake checks may refuse it (the report is full) or hold its store (a version first).
        room.live.receive({ update, decoded, author: { id: this.info.userId, name: this.info.userName } }, this);
        break;
      }
      default:
        throw new ProtocolError(`unknown sync message type ${syncType}`);
    }
  }
}

/** The kind of a message for the metrics, from its first one or two numbers (read without touching `data`). */
function messageKind(type: number, data: Uint8Array): SyncMessageKind {
  switch (type) {
    case MessageType.Sync: {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      const sub = decoder.pos < data.byteLength ? decoding.readVarUint(decoder) : -1;
      return sub === syncProtocol.messageYjsSyncStep1 ? 'sync_step1' : sub === syncProtocol.messageYjsSyncStep2 ? 'sync_step2' : sub === syncProtocol.messageYjsUpdate ? 'update' : 'unknown';
    }
    case MessageType.Awareness:
      return 'awareness';
    case MessageType.QueryAwareness:
      return 'query_awareness';
    case MessageType.Auth:
      return 'auth';
    default:
      return 'unknown';
  }
}

export class ReadOnlyError extends Error {}

/** A change the guard refused: it is never applied, stored or relayed. */
export class RefusedChangeError extends Error {}
