/** The y-websocket providers of a report: one place for the sync URL and the options every one of them needs. */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roomName } from '../../../shared/protocol/rooms.ts';

/**
 * Created unconnected (a report made offline must be POSTed before the server accepts a sync for it), and
 * without the cross-tab BroadcastChannel: through it another tab's unsent edits would enter this tab's copy
 * and leave through this tab's connection, which may be read-only. The server relays between tabs anyway.
 */
export function createProvider(reportId: string, doc: Y.Doc): WebsocketProvider {
  const wsProto = location.protocol === 'https:' ? 'wss' : 'ws';
  return new WebsocketProvider(`${wsProto}://${location.host}/sync`, roomName(reportId), doc, { connect: false, disableBc: true });
}
