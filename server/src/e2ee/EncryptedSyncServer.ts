/**
 * Sync for end-to-end encrypted reports at `/esync/<room>` (protocol v1, docs/ENCRYPTION.md). The server cannot
 * merge ciphertext: it stores each sealed update under a sequence number and relays it, serves "everything after
 * N" from the newest snapshot plus the updates after it, and replaces updates by a client's snapshot. It checks what
 * it can without reading: the role may write, the envelope's readable header names this report, document and
 * account, and the current key generation. The stock y-websocket path is untouched and refuses these reports.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { readHeader } from '../../../shared/e2ee/envelope.ts';
import { fromBase64, toBase64 } from '../../../shared/e2ee/bytes.ts';
import { ESYNC_PATH_PREFIX, MAX_PRESENCE_DATA_CHARS, MAX_PRESENCE_ENVELOPE_BYTES, parseClientMessage, type ClientMessage, type ServerMessage } from '../../../shared/e2ee/wire.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { parseRoomName, roomName, type DocumentKind } from '../../../shared/protocol/rooms.ts';
import { canWriteDocument } from '../../../shared/api/roles.ts';
import { changesState, isCrossSite } from '../http/origin.ts';
import type { Logger } from '../log.ts';
import type { E2eeStore } from '../storage/E2eeStore.ts';
import type { AccessEvent, SyncAccess } from '../sync/SyncServer.ts';
import type { E2eeNotifier } from './e2eeRoutes.ts';

const HEARTBEAT_MS = 30_000;

interface Peer {
  ws: WebSocket;
  reportId: string;
  kind: DocumentKind;
  room: string;
  userId: string;
  credential: string;
  canWrite: boolean;
  /** May replace the stored updates by a snapshot: owners and editors, on either document (a reviewer writes the discussion update by update). */
  canSnapshot: boolean;
  /** Caught up (answered its hello): from then on it receives every new update. */
  live: boolean;
  /** Awareness client ids this connection sent presence for: the others are told they are gone when it closes. */
  presenceClients: Set<number>;
}

/** Client ids one connection may send presence for (one per document for our client, and a margin), as on /sync. */
const MAX_PRESENCE_CLIENTS = 4;

interface RoomState {
  peers: Set<Peer>;
  /** Every storing operation of a room runs in this order, so a catch-up never misses an update stored meanwhile. */
  chain: Promise<void>;
  generation: number | null;
}

type Close = { code: number; reason: string };

/** How this node hears of, and tells, other nodes serving the same encrypted reports (encryptedRelay.ts). */
export interface EncryptedRelay {
  /** Hear updates other nodes stored for this room, and presence they relayed; resolves once listening. */
  listen(room: string, deliver: (seq: number, data: string) => void, deliverPresence: (client: number, data: string) => void, deliverGone: (clients: number[]) => void): Promise<void>;
  stopListening(room: string): void;
  /** An update this node stored, for the other nodes' connections. */
  stored(room: string, seq: number, data: string): void;
  /** A presence envelope a connection of this node sent, for the other nodes' connections (never stored). */
  presence(room: string, client: number, data: string): void;
  /** A connection of this node that sent presence for these client ids closed. */
  gone(room: string, clients: number[]): void;
  keysChanged(reportId: string): void;
  onKeysChanged(listener: (reportId: string) => void): Promise<void>;
}

export class EncryptedSyncServer implements E2eeNotifier {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, RoomState>();
  private readonly peers = new Set<Peer>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private relay: EncryptedRelay | null = null;

  constructor(
    private readonly store: E2eeStore,
    private readonly access: SyncAccess,
    private readonly log: Logger,
    private readonly options: { maxMessageBytes: number; allowedOrigins: readonly string[] },
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (this.alive.get(ws) === false) ws.terminate();
        else {
          this.alive.set(ws, false);
          ws.ping();
        }
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Serve the same reports as other nodes: relay what they store, and what this node stores to them. */
  async joinRelay(relay: EncryptedRelay | null): Promise<void> {
    if (!relay) return;
    this.relay = relay;
    await relay.onKeysChanged((reportId) => this.keysChangedHere(reportId));
  }

  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(ESYNC_PATH_PREFIX);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (isCrossSite(req, this.options.allowedOrigins) || changesState(req.method)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, req));
  }

  private async accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    let parsed: ReturnType<typeof parseRoomName> = null;
    try {
      parsed = parseRoomName(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(ESYNC_PATH_PREFIX.length)));
    } catch {
      parsed = null;
    }
    if (!parsed) {
      ws.close(CloseCodes.UnknownReport.code, CloseCodes.UnknownReport.reason);
      return;
    }
    // Frames that arrive while the connection is authorised wait here, in order.
    const queued: string[] = [];
    let peer: Peer | null = null;
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (err) => this.log.warn('encrypted sync connection error', { reportId: parsed.reportId, err }));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return this.shut(ws, CloseCodes.EncryptedMalformed);
      const text = data.toString('utf8');
      if (peer) this.receive(peer, text);
      else queued.push(text);
    });
    ws.on('close', () => {
      if (!peer) return;
      if (peer.live && peer.presenceClients.size > 0) {
        // The others stop showing its carets now, as y-websocket's server does, not after their 30 s timeout.
        const clients = [...peer.presenceClients];
        this.deliverPresence(peer.room, peer, { v: 1, t: 'gone', clients });
        this.relay?.gone(peer.room, clients);
      }
      this.peers.delete(peer);
      const room = this.rooms.get(peer.room);
      room?.peers.delete(peer);
      if (room && room.peers.size === 0) {
        this.rooms.delete(peer.room);
        this.relay?.stopListening(peer.room);
      }
    });
    try {
      const decision = await this.access.authorize(req, parsed.reportId, parsed.kind);
      if (!decision.ok) return this.shut(ws, decision.close);
      if (ws.readyState !== ws.OPEN) return;
      const name = roomName(parsed.reportId, parsed.kind);
      peer = { ws, reportId: parsed.reportId, kind: parsed.kind, room: name, userId: decision.userId, credential: decision.credential, canWrite: decision.canWrite, canSnapshot: decision.canWrite && canWriteDocument(decision.role, 'content'), live: false, presenceClients: new Set() };
      this.peers.add(peer);
      this.room(name).peers.add(peer);
      for (const text of queued.splice(0)) this.receive(peer, text);
    } catch (err) {
      this.log.error('could not authorise an encrypted sync connection', { reportId: parsed.reportId, err });
      this.shut(ws, CloseCodes.LoadFailed);
    }
  }

  private room(name: string): RoomState {
    let room = this.rooms.get(name);
    if (!room) {
      room = { peers: new Set(), chain: Promise.resolve(), generation: null };
      this.rooms.set(name, room);
      // Listening comes first in the room's order: no hello is answered before other nodes' updates arrive here.
      if (this.relay)
        room.chain = this.relay.listen(
          name,
          (seq, data) => this.deliverRemote(name, seq, data),
          (client, data) => this.deliverPresence(name, null, { v: 1, t: 'presence', client, data }),
          (clients) => this.deliverPresence(name, null, { v: 1, t: 'gone', clients }),
        );
    }
    return room;
  }

  /** An update another node stored: to this node's caught-up connections, after anything already in progress. */
  private deliverRemote(name: string, seq: number, data: string): void {
    const room = this.rooms.get(name);
    if (!room) return;
    room.chain = room.chain.then(() => {
      for (const peer of room.peers) if (peer.live) this.send(peer, { v: 1, t: 'update', seq, data });
    });
  }

  /** Presence (or its end) to the room's caught-up connections but its sender: relayed as sent, kept nowhere. */
  private deliverPresence(name: string, from: Peer | null, message: ServerMessage): void {
    const room = this.rooms.get(name);
    if (!room) return;
    for (const peer of room.peers) if (peer !== from && peer.live) this.send(peer, message);
  }

  private shut(ws: WebSocket, close: Close): void {
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(close.code, close.reason);
  }

  private send(peer: Peer, message: ServerMessage): void {
    if (peer.ws.readyState === peer.ws.OPEN) peer.ws.send(JSON.stringify(message));
  }

  private receive(peer: Peer, text: string): void {
    const message = parseClientMessage(text);
    if (!message) return this.shut(peer.ws, CloseCodes.EncryptedMalformed);
    if (message.t === 'presence' && message.data.length > MAX_PRESENCE_DATA_CHARS) return this.shut(peer.ws, CloseCodes.PresenceTooLarge);
    const room = this.room(peer.room);
    room.chain = room.chain
      .then(() => this.handle(peer, room, message))
      .catch((err: unknown) => {
        this.log.error('encrypted sync: could not store or load', { reportId: peer.reportId, err });
        this.shut(peer.ws, CloseCodes.LoadFailed);
      });
  }

  private async handle(peer: Peer, room: RoomState, message: ClientMessage): Promise<void> {
    if (peer.ws.readyState !== peer.ws.OPEN) return;
    if (message.t === 'hello') {
      const loaded = await this.store.load(peer.room, message.after);
      if (loaded.snapshot) this.send(peer, { v: 1, t: 'snapshot', seq: loaded.snapshot.covers, data: toBase64(loaded.snapshot.data) });
      for (const u of loaded.updates) this.send(peer, { v: 1, t: 'update', seq: u.seq, data: toBase64(u.data) });
      this.send(peer, { v: 1, t: 'ready', head: loaded.head, pendingBytes: loaded.pendingBytes });
      peer.live = true;
      return;
    }
    if (message.t === 'presence') return this.handlePresence(peer, room, message.client, message.data);
    // A reader's connection never stores anything, whatever it sends.
    if (!peer.canWrite) return this.shut(peer.ws, CloseCodes.ReadOnly);
    const bytes = fromBase64(message.data);
    const header = bytes ? readHeader(bytes)?.header : null;
    if (!bytes || !header || header.type !== message.t) return this.shut(peer.ws, CloseCodes.EncryptedMalformed);
    if (header.reportId !== peer.reportId || header.kind !== peer.kind || header.signer !== peer.userId) return this.shut(peer.ws, CloseCodes.EnvelopeMismatch);
    room.generation ??= await this.store.keyGeneration(peer.reportId);
    if (header.generation !== room.generation) return this.shut(peer.ws, CloseCodes.StaleKeyGeneration);
    if (message.t === 'update') {
      const seq = await this.store.appendUpdate(peer.room, header.generation, bytes);
      this.send(peer, { v: 1, t: 'ack', ref: message.ref, seq });
      this.relay?.stored(peer.room, seq, message.data);
      for (const other of room.peers) if (other !== peer && other.live) this.send(other, { v: 1, t: 'update', seq, data: message.data });
      return;
    }
    // A snapshot drops the updates it covers: only a writer of the content may make one (a reviewer could
    // otherwise erase the discussion's updates, which every member's browser checks one by one).
    if (!peer.canSnapshot) return this.shut(peer.ws, CloseCodes.SnapshotRefused);
    if (!(await this.store.storeSnapshot(peer.room, header.generation, message.covers, bytes))) return this.shut(peer.ws, CloseCodes.SnapshotRefused);
    this.send(peer, { v: 1, t: 'ack', ref: message.ref, seq: message.covers });
  }

  /**
   * Presence (names, colours, carets, sealed): checked like an update's header, relayed to the room's other
   * connections and to other nodes, and stored nowhere. Readers send it too (they are visible to others). Only on
   * the content room: the discussion has no carets.
   */
  private async handlePresence(peer: Peer, room: RoomState, client: number, data: string): Promise<void> {
    const bytes = fromBase64(data);
    if (bytes && bytes.length > MAX_PRESENCE_ENVELOPE_BYTES) return this.shut(peer.ws, CloseCodes.PresenceTooLarge);
    const header = bytes ? readHeader(bytes)?.header : null;
    if (!bytes || !header || header.type !== 'presence' || peer.kind !== 'content') return this.shut(peer.ws, CloseCodes.EncryptedMalformed);
    if (header.reportId !== peer.reportId || header.kind !== peer.kind || header.signer !== peer.userId) return this.shut(peer.ws, CloseCodes.EnvelopeMismatch);
    room.generation ??= await this.store.keyGeneration(peer.reportId);
    if (header.generation !== room.generation) return this.shut(peer.ws, CloseCodes.StaleKeyGeneration);
    // Before its catch-up a connection is not shown to others yet (and would not see their answer).
    if (!peer.live) return;
    if (!peer.presenceClients.has(client) && peer.presenceClients.size >= MAX_PRESENCE_CLIENTS) return this.shut(peer.ws, CloseCodes.PresenceTooLarge);
    peer.presenceClients.add(client);
    this.deliverPresence(peer.room, peer, { v: 1, t: 'presence', client, data });
    this.relay?.presence(peer.room, client, data);
  }

  /** Keys changed (shared with a newcomer, or rotated): every open connection of the report, on every node, fetches them again. */
  keysChanged(reportId: string): void {
    this.keysChangedHere(reportId);
    this.relay?.keysChanged(reportId);
  }

  private keysChangedHere(reportId: string): void {
    for (const kind of ['content', 'discussion'] as const) {
      const room = this.rooms.get(roomName(reportId, kind));
      if (!room) continue;
      room.generation = null;
      for (const peer of room.peers) this.send(peer, { v: 1, t: 'keys' });
    }
  }

  /** Carry out an access change (a role removed or changed, a session ended, a report deleted). */
  async applyAccessEvent(event: AccessEvent): Promise<void> {
    // Someone joined or left the report: members online share the key with a newcomer, or rotate it.
    // (Every node hears the access change itself, so this stays on this node.)
    if (event.type === 'recheck' && event.reportId) this.keysChangedHere(event.reportId);
    for (const peer of [...this.peers]) {
      if (event.type === 'report' && peer.reportId === event.reportId) this.shut(peer.ws, event);
      else if (event.type === 'credential' && peer.credential === event.credential) this.shut(peer.ws, CloseCodes.Unauthorized);
      else if (event.type === 'recheck' && peer.userId === event.userId && (!event.reportId || event.reportId === peer.reportId)) {
        const now = await this.access.recheck({ reportId: peer.reportId, userId: peer.userId } as Parameters<SyncAccess['recheck']>[0], peer.kind);
        if (!now.canRead) this.shut(peer.ws, CloseCodes.UnknownReport);
        else if (now.canWrite !== peer.canWrite) this.shut(peer.ws, now.canWrite ? CloseCodes.RoleChanged : CloseCodes.ReadOnly);
        else peer.canSnapshot = now.canWrite && canWriteDocument(now.role, 'content');
      }
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const peer of this.peers) this.shut(peer.ws, CloseCodes.ServerShutdown);
    this.wss.close();
  }
}
