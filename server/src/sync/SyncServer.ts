/**
 * Yjs sync over WebSocket at `/sync/<room>`, speaking the standard y-websocket protocol so the stock client
 * connects unchanged. A connection is attached to its document only after the document has fully loaded.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { parseRoomName, roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { Connection } from './Connection.ts';
import { Room } from './Room.ts';

export const SYNC_PATH_PREFIX = '/sync/';

/** Ping interval; a connection that misses a pong in one interval is dropped (its presence with it). */
const HEARTBEAT_MS = 30_000;

export interface SyncServerOptions {
  maxMessageBytes: number;
}

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly storage: Storage,
    private readonly log: Logger,
    options: SyncServerOptions,
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
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      void this.accept(ws, req);
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private async accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parsed = parseRoomName(decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length)));
    const remote = req.socket.remoteAddress ?? 'unknown';
    if (!parsed) {
      ws.close(CloseCodes.UnknownReport.code, CloseCodes.UnknownReport.reason);
      return;
    }
    const name = roomName(parsed.reportId, parsed.kind);
    const conn = new Connection(ws, { doc: name, canWrite: true, remote }, this.log);
    this.connections.add(conn);
    this.alive.set(ws, true);
    let held = false;
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
      if (held) {
        held = false;
        this.release(name);
      }
    });
    try {
      if (!(await this.reportExists(parsed.reportId))) {
        conn.close(CloseCodes.UnknownReport.code, CloseCodes.UnknownReport.reason);
        return;
      }
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
      }
      conn.attach(room);
    } catch (err) {
      this.log.error('could not load document for a connection', { doc: name, err });
      conn.close(CloseCodes.LoadFailed.code, CloseCodes.LoadFailed.reason);
    }
  }

  private release(name: string): void {
    const room = this.rooms.get(name);
    if (room && room.members.size === 0) {
      room.destroy();
      this.rooms.delete(name);
    }
    this.registry.release(name);
  }

  private async reportExists(reportId: string): Promise<boolean> {
    return (await this.storage.getReport(reportId)) !== null;
  }

  /** Close every connection of a report (it was deleted). */
  closeReport(reportId: string, code: number, reason: string): void {
    for (const c of this.connections) if (parseRoomName(c.info.doc)?.reportId === reportId) c.close(code, reason);
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
  close(): void {
    clearInterval(this.heartbeat);
    for (const c of this.connections) c.close(CloseCodes.ServerShutdown.code, CloseCodes.ServerShutdown.reason);
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
    this.wss.close();
  }
}
