/** The stock y-websocket client in Node, as a browser tab would run it (awareness with a user, no BroadcastChannel). */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

const COLORS = ['#1f6feb', '#d73a49', '#28a745', '#6f42c1', '#e36209', '#0366d6', '#b08800', '#22863a'];

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Times the socket closed after it had opened (the provider then reconnects). */
  disconnects: number;
  destroy(): void;
}

const socketClasses = new Map<string, typeof WebSocket>();

/**
 * The `ws` WebSocket, or a subclass that sends `headers` (a session cookie) with the upgrade: the stock provider
 * constructs its socket with (url, protocols) only, and this is how a Node client adds what a browser sends.
 */
function socketClass(headers: Record<string, string> | undefined): typeof WebSocket {
  if (!headers || Object.keys(headers).length === 0) return WebSocket;
  const key = JSON.stringify(headers);
  let cls = socketClasses.get(key);
  if (!cls) {
    class WithHeaders extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    }
    cls = WithHeaders as unknown as typeof WebSocket;
    socketClasses.set(key, cls);
  }
  return cls;
}

/** Connect a stock provider; `clientId`, when given, fixes the doc's Yjs clientID (and so its awareness id). */
export function connectStockClient(
  wsUrl: string,
  room: string,
  name: string,
  clientId?: number,
  doc = new Y.Doc(),
  headers?: Record<string, string>,
): StockClient {
  if (clientId !== undefined) doc.clientID = clientId;
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: socketClass(headers) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
  });
  provider.awareness.setLocalStateField('user', { name, color: COLORS[(clientId ?? doc.clientID) % COLORS.length] });
  const client: StockClient = {
    doc,
    provider,
    disconnects: 0,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', () => {
    client.disconnects++;
  });
  provider.connect();
  return client;
}
