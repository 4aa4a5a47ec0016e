/**
 * Hooks into the stock y-websocket provider's sync messages. y-websocket has no acknowledgements; the
 * ChangeTracker builds them from the server's step 1 (it asks for our changes) and step 2 (it answers our
 * step 1 once everything received before it is stored).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import { EncryptedProvider } from './encrypted/EncryptedProvider.ts';

export interface SyncMessageHandlers {
  /** The server sent its step 1; the provider has just queued our answer (every change the server lacks). */
  onServerAsked(): void;
  /** The server answered a step 1 of ours with its step 2. */
  onServerAnswered(): void;
}

/** Wrap the provider's sync handler; returns a function that restores it. */
export function interceptSyncMessages(provider: WebsocketProvider, handlers: SyncMessageHandlers): () => void {
  const original = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
    const syncType = decoding.peekVarUint(decoder);
    original(encoder, decoder, p, emitSynced, type);
    // Messages relayed over BroadcastChannel (emitSynced false) come from other tabs, not the server.
    if (!emitSynced || p.ws === null) return;
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      // The provider sends our answer when this handler returns; whatever follows must go after it.
      queueMicrotask(() => handlers.onServerAsked());
    } else if (syncType === syncProtocol.messageYjsSyncStep2) {
      handlers.onServerAnswered();
    }
  };
  return () => {
    provider.messageHandlers[messageSync] = original;
  };
}

/** Send a sync step 1 on the open socket (after anything already queued on it). */
export function sendSyncStep1(provider: WebsocketProvider, doc: Y.Doc): void {
  if ((provider as unknown) instanceof EncryptedProvider) return (provider as unknown as EncryptedProvider).requestConfirmation();
  const ws = provider.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeSyncStep1(encoder, doc);
  ws.send(encoding.toUint8Array(encoder));
}
