/**
 * A protocol-level editor for the server-bound supplement: it speaks the y-websocket protocol like the stock
 * provider (sync steps, updates, awareness, and the stock client's habit of sending every presence update it
 * receives straight back), but once typing starts it stops applying other editors' changes: it only reads which
 * items arrived. Its own keystrokes stay valid Yjs updates, because each editor types at the end of its own
 * paragraph. On 2 cores, 100 stock clients (each applying 500 changes a second) need more CPU than the machine
 * has; these let the server, not the load generator, be what runs out.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

export class LightClient {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  synced = false;
  disconnects = 0;
  /** Set once typing starts: remote changes are then only observed, not applied. */
  observeOnly = false;
  /** Called with each remote change's client clock ranges while `observeOnly`. */
  onRemoteItems: (from: Map<number, number>, to: Map<number, number>) => void = () => {};
  private readonly ws: WebSocket;

  constructor(
    wsUrl: string,
    room: string,
    name: string,
    clientId: number,
    headers: Record<string, string> | undefined,
    private readonly echoAwareness: boolean,
  ) {
    this.doc.clientID = clientId;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalStateField('user', { name, color: '#1f6feb' });
    this.ws = new WebSocket(`${wsUrl}/${room}`, { headers });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
      this.sendAwareness([this.doc.clientID]);
    });
    this.ws.on('message', (data: Buffer) => this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.ws.on('close', () => this.disconnects++);
    this.ws.on('error', () => undefined);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'local') this.sendAwareness(added.concat(updated, removed));
    });
  }

  private sendAwareness(clients: number[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.send(encoding.toUint8Array(encoder));
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      if (this.observeOnly) {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsUpdate || syncType === syncProtocol.messageYjsSyncStep2) {
          const meta = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
          this.onRemoteItems(meta.from, meta.to);
        }
        return;
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true;
    } else if (type === MESSAGE_AWARENESS) {
      // The stock client applies the update and, having no origin check, sends the change straight back
      // (except its own presence coming back from the server, which changes nothing there).
      if (this.echoAwareness && !this.isOwnPresence(decoder)) this.send(data);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      this.sendAwareness([...this.awareness.getStates().keys()]);
    }
  }

  private isOwnPresence(decoder: decoding.Decoder): boolean {
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    return decoding.readVarUint(inner) === 1 && decoding.readVarUint(inner) === this.doc.clientID;
  }

  destroy(): void {
    this.awareness.destroy();
    this.ws.terminate();
    this.doc.destroy();
  }
}
