/**
 * Yjs sync over WebSocket at `/sync/<room>`, speaking the standard y-websocket protocol so the stock client
 * connects unchanged. A connection is attached to its document only after the document has fully loaded.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Role } from '../../../shared/api/roles.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { parseRoomName, roomName, type DocumentKind } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { changesState, isCrossSite } from '../http/origin.ts';
import type { Logger } from '../log.ts';
import { refuseDiscussionUpdate } from './discussionGuard.ts';
import { Connection, type ConnectionInfo } from './Connection.ts';
import { Room } from './Room.ts';

export const SYNC_PATH_PREFIX = '/sync/';

/** Ping interval; a connection that misses a pong in one interval is dropped (its presence with it). */
const HEARTBEAT_MS = 30_000;

export interface SyncServerOptions {
  maxMessageBytes: number;
  allowedOrigins: readonly string[];
  /** Open sync connections one account may hold on this node; the next is closed with 4429. */
  maxConnectionsPerAccount: number;
}

type CloseCode = { code: number; reason: string };

/** A change of who may use which connection, carried out on every node. */
export type AccessEvent =
  | { type: 'recheck'; userId: string; reportId?: string }
  | { type: 'credential'; credential: string }
  | { type: 'report'; reportId: string; code: number; reason: string };

/** The server's decision on who may open, read and write a document; the sync server asks, never decides. */
export interface SyncAccess {
  authorize(
    req: IncomingMessage,
    reportId: string,
    kind: DocumentKind,
  ): Promise<{ ok: true; userId: string; userName: string; credential: string; role: Role; canWrite: boolean } | { ok: false; close: CloseCode }>;
  /** Re-check an open connection (after a role change): may it still read, and write? */
  recheck(info: ConnectionInfo, kind: DocumentKind): Promise<{ canRead: boolean; canWrite: boolean; role: Role | null }>;
}

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  /** Authorised connections on this node per account. */
  private readonly perAccount = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private sessionEndListeners: ((reportId: string, lastUserId: string) => void)[] = [];
  private accessListeners: ((event: AccessEvent) => void)[] = [];
  private roomListeners: ((room: Room, name: string) => void)[] = [];

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly access: SyncAccess,
    private readonly log: Logger,
    private readonly options: SyncServerOptions,
  ) {
    // ws closes a connection whose frame exceeds maxPayload with 1009, before the frame is buffered whole.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Whether an HTTP upgrade request is for this server. */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(SYNC_PATH_PREFIX);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    // A page on another site must not open a socket with this site's cookies.
    if (isCrossSite(req, this.options.allowedOrigins) || changesState(req.method)) {
      this.log.warn('refused a cross-site sync connection', { origin: req.headers.origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      void this.accept(ws, req);
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private async accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const remote = req.socket.remoteAddress ?? 'unknown';
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(SYNC_PATH_PREFIX.length));
    } catch {
      // Not a path at all (`/sync/%ZZ`): say so at once rather than leave the socket to the heartbeat.
      this.log.warn('malformed sync path; closing connection', { remote });
      ws.close(CloseCodes.MalformedMessage.code, 'Malformed sync path');
      return;
    }
    const parsed = parseRoomName(path);
    if (!parsed) {
      ws.close(CloseCodes.UnknownReport.code, CloseCodes.UnknownReport.reason);
      return;
    }
    const name = roomName(parsed.reportId, parsed.kind);
    const info: ConnectionInfo = { doc: name, reportId: parsed.reportId, canWrite: false, remote, userId: '', userName: '', credential: '', role: null };
    // Discussion changes are checked against who may change what (another's comment, deciding suggestions).
    if (parsed.kind === 'discussion') info.guard = (doc, update) => refuseDiscussionUpdate(doc, update, info);
    const conn = new Connection(ws, info, this.log);
    this.connections.add(conn);
    this.alive.set(ws, true);
    let held = false;
    let counted = false;
    // Listen before the first await: the client sends its sync step 1 at once, and a frame that arrives
    // while the report is looked up or loaded must be queued, not dropped.
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        conn.close(CloseCodes.MalformedMessage.code, CloseCodes.MalformedMessage.reason);
        return;
      }
      conn.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (err) => {
      // ws emits an error for an oversized frame (then closes with 1009) or a protocol violation.
      this.log.warn('sync connection error', { doc: name, remote, err });
    });
    ws.on('close', () => {
      conn.detach();
      this.connections.delete(conn);
      if (counted) {
        counted = false;
        this.uncount(info.userId);
      }
      if (held) {
        held = false;
        this.release(name, info);
      }
    });
    try {
      // Decided before any document data is sent: no session, no report, or no role closes the connection here.
      const decision = await this.access.authorize(req, parsed.reportId, parsed.kind);
      if (!decision.ok) {
        conn.close(decision.close.code, decision.close.reason);
        return;
      }
      if (ws.readyState !== ws.OPEN) return;
      // Counted in the same turn as the check, so connections authorised at the same moment cannot all slip in.
      const open = this.perAccount.get(decision.userId) ?? 0;
      if (open >= this.options.maxConnectionsPerAccount) {
        this.log.warn('too many sync connections for one account; closing connection', { doc: name, remote, userId: decision.userId, open });
        conn.close(CloseCodes.TooManyConnections.code, CloseCodes.TooManyConnections.reason);
        return;
      }
      this.perAccount.set(decision.userId, open + 1);
      counted = true;
      info.userId = decision.userId;
      info.userName = decision.userName;
      info.credential = decision.credential;
      info.canWrite = decision.canWrite;
      info.role = decision.role;
      const live = await this.registry.acquire(name);
      if (ws.readyState !== ws.OPEN) {
        // Closed while loading: the close handler ran before we held the document.
        this.registry.release(name);
        return;
      }
      held = true;
      let room = this.rooms.get(name);
      if (!room || room.live !== live) {
        room?.destroy();
        room = new Room(live);
        this.rooms.set(name, room);
        for (const listener of this.roomListeners) listener(room, name);
      }
      conn.attach(room);
    } catch (err) {
      this.log.error('could not load document for a connection', { doc: name, err });
      conn.close(CloseCodes.LoadFailed.code, CloseCodes.LoadFailed.reason);
    }
  }

  private uncount(userId: string): void {
    const left = (this.perAccount.get(userId) ?? 1) - 1;
    if (left > 0) this.perAccount.set(userId, left);
    else this.perAccount.delete(userId);
  }

  /** Called when the last connection leaves a report's content document (an editing session ended). */
  onSessionEnd(listener: (reportId: string, lastUserId: string) => void): void {
    this.sessionEndListeners.push(listener);
  }

  private release(name: string, info: ConnectionInfo): void {
    const room = this.rooms.get(name);
    if (room && room.members.size === 0) {
      room.destroy();
      this.rooms.delete(name);
      const parsed = parseRoomName(name);
      if (parsed?.kind === 'content' && !this.closing) for (const l of this.sessionEndListeners) l(parsed.reportId, info.userId);
    }
    this.registry.release(name);
  }

  /** Close every connection of a report (it was deleted), on every node. */
  closeReport(reportId: string, code: number, reason: string): void {
    this.announce({ type: 'report', reportId, code, reason });
  }

  /** Close the connections opened with this session or token (it was signed out), on every node. */
  closeCredential(credential: string): void {
    this.announce({ type: 'credential', credential });
  }

  /**
   * Re-check the role of the user's open connections (on one report, or all), on every node, at once: no role
   * left closes with 4404, a write permission lost closes with 4403 (the client reconnects read-only), one
   * gained closes with 4409 so the client reloads its role.
   */
  async recheck(filter: { userId: string; reportId?: string }): Promise<void> {
    await this.announce({ type: 'recheck', ...filter });
  }

  /** Listen for access changes made here (the cluster tells the other nodes). */
  onAccessEvent(listener: (event: AccessEvent) => void): void {
    this.accessListeners.push(listener);
  }

  private announce(event: AccessEvent): Promise<void> {
    for (const listener of this.accessListeners) listener(event);
    return this.applyAccessEvent(event);
  }

  /** Carry out an access change on this node's connections (made here, or on another node). */
  async applyAccessEvent(event: AccessEvent): Promise<void> {
    if (event.type === 'report') {
      for (const c of this.connections) if (parseRoomName(c.info.doc)?.reportId === event.reportId) c.close(event.code, event.reason);
      return;
    }
    if (event.type === 'credential') {
      for (const c of this.connections) if (c.info.credential === event.credential) c.close(CloseCodes.Unauthorized.code, CloseCodes.Unauthorized.reason);
      return;
    }
    const affected = [...this.connections].filter((c) => c.info.userId === event.userId && (!event.reportId || c.info.reportId === event.reportId));
    await Promise.all(
      affected.map(async (c) => {
        const parsed = parseRoomName(c.info.doc);
        if (!parsed) return;
        const now = await this.access.recheck(c.info, parsed.kind);
        c.info.role = now.role;
        if (!now.canRead) c.close(CloseCodes.UnknownReport.code, CloseCodes.UnknownReport.reason);
        else if (c.info.canWrite && !now.canWrite) {
          c.info.canWrite = false;
          c.close(CloseCodes.ReadOnly.code, CloseCodes.ReadOnly.reason);
        } else if (!c.info.canWrite && now.canWrite) c.close(CloseCodes.RoleChanged.code, CloseCodes.RoleChanged.reason);
      }),
    );
  }

  /** Called with each room when it opens (a cluster relays its presence). */
  onRoom(listener: (room: Room, name: string) => void): void {
    this.roomListeners.push(listener);
  }

  private checkAlive(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  /** Close every connection with "server restarting"; clients reconnect to the next node. */
  private closing = false;

  close(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const c of this.connections) c.close(CloseCodes.ServerShutdown.code, CloseCodes.ServerShutdown.reason);
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
    this.wss.close();
  }
}
