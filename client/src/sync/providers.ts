/**
 * The y-websocket providers of a report: one place for the sync URL, the options every one of them needs, and
 * their events.
 */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { shouldReconnectAfter } from '../../../shared/protocol/closeCodes.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { checkDiscussionMessage } from './encrypted/discussionCheck.ts';
import { EncryptedProvider } from './encrypted/EncryptedProvider.ts';
import { sendOwnPresenceOnly } from './presenceEcho.ts';
import { interceptSyncMessages } from './syncMessages.ts';

/**
 * Created unconnected (a report made offline must be POSTed before the server accepts a sync for it), and
 * without the cross-tab BroadcastChannel: through it another tab's unsent edits would enter this tab's copy
 * and leave through this tab's connection, which may be read-only. The server relays between tabs anyway.
 */
export function createProvider(reportId: string, doc: Y.Doc, transport: Transport = { encrypted: false }): WebsocketProvider {
  if (transport.encrypted) {
    // Same surface for the session and the editor (connect, disconnect, destroy, awareness); events go through
    // watchProvider and confirmations through sendSyncStep1, which tell the two apart.
    return new EncryptedProvider(reportId, 'content', doc, transport.accountId) as unknown as WebsocketProvider;
  }
  const wsProto = location.protocol === 'https:' ? 'wss' : 'ws';
  const provider = new WebsocketProvider(`${wsProto}://${location.host}/sync`, roomName(reportId), doc, {
    connect: false,
    disableBc: true,
    // A full report (4507) stops the provider like a 44xx: reconnecting would only resend the refused change.
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  sendOwnPresenceOnly(provider);
  return provider;
}

/**
 * The provider of a report's discussion document: y-websocket for a plain report (the server checks each change
 * with the discussion guard), the encrypted transport for an end-to-end encrypted one, where each member's browser
 * runs that guard on every update before applying it (discussionCheck.ts).
 */
export function createDiscussionProvider(reportId: string, doc: Y.Doc, transport: Transport): WebsocketProvider {
  if (transport.encrypted) return new EncryptedProvider(reportId, 'discussion', doc, transport.accountId, checkDiscussionMessage) as unknown as WebsocketProvider;
  const wsProto = location.protocol === 'https:' ? 'wss' : 'ws';
  return new WebsocketProvider(`${wsProto}://${location.host}/sync`, roomName(reportId, 'discussion'), doc, {
    connect: false,
    // A full report (4507) stops it too: reconnecting would resend the refused change forever.
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
}

/** Which transport a document syncs over: the stock y-websocket one, or the end-to-end encrypted one (issue 11). */
export type Transport = { encrypted: false } | { encrypted: true; accountId: string };

export interface ProviderHandlers {
  /** The server sent its sync step 1; the provider has just queued our answer. */
  onServerAsked(): void;
  /** The server answered a step 1 of ours. */
  onServerAnswered(): void;
  onStatus(status: 'connected' | 'disconnected' | 'connecting'): void;
  /** The socket closed: the server's close code, or null when we closed it. */
  onConnectionClose(code: number | null): void;
  /** A close code after which the provider does not reconnect by itself (4400-4499, and 4507: report full). */
  onRefused(code: number): void;
  onAwareness(): void;
}

/** Subscribe to a provider's events; returns the function that unsubscribes. */
export function watchProvider(provider: WebsocketProvider, handlers: ProviderHandlers): () => void {
  if ((provider as unknown) instanceof EncryptedProvider) return (provider as unknown as EncryptedProvider).watch(handlers);
  const restoreHandler = interceptSyncMessages(provider, { onServerAsked: handlers.onServerAsked, onServerAnswered: handlers.onServerAnswered });
  const handleStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => handlers.onStatus(status);
  const handleConnectionClose = (event: CloseEvent | null) => handlers.onConnectionClose(event?.code ?? null);
  const handleClosed = ({ code }: { code: number }) => handlers.onRefused(code);
  const handleAwareness = () => handlers.onAwareness();
  provider.on('status', handleStatus);
  provider.on('connection-close', handleConnectionClose);
  provider.on('closed', handleClosed);
  provider.awareness.on('change', handleAwareness);
  return () => {
    restoreHandler();
    provider.off('status', handleStatus);
    provider.off('connection-close', handleConnectionClose);
    provider.off('closed', handleClosed);
    provider.awareness.off('change', handleAwareness);
  };
}
