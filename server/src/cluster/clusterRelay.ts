/**
 * What makes several server nodes on one PostgreSQL database act as one: each document change a node stores is
 * published, and every other node holding that document applies and relays it (without storing it again);
 * presence is shared the same way; access changes (a role removed, a session signed out, a report deleted)
 * reach the connections of every node. Nothing here runs on a single node (LocalBus).
 *
 * The database stays the truth: a node subscribes to a document before catching up on it from storage, and
 * after the bus was cut off it catches up every loaded document again, so a missed message costs a moment,
 * never a change.
 */
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { REMOTE_ORIGIN, type LiveDocument } from '../documents/LiveDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import type { AccessEvent, SyncServer } from '../sync/SyncServer.ts';
import { Channels, type ClusterBus } from './ClusterBus.ts';

const PRESENCE_UPDATE = 0;
const PRESENCE_QUERY = 1;

export async function joinCluster(o: { bus: ClusterBus; registry: DocumentRegistry; sync: SyncServer; storage: Storage; log: Logger }): Promise<void> {
  const { bus, registry, sync, storage, log } = o;
  if (!bus.shared) return;
  const loaded = new Map<string, LiveDocument>();

  const catchUp = async (live: LiveDocument) => {
    const stored = await storage.loadDocument(live.name);
    if (stored.updates.length > 0) live.applyRemote(Y.mergeUpdates(stored.updates));
  };

  registry.onLoad((live) => {
    const channel = Channels.document(live.name);
    loaded.set(live.name, live);
    live.onCommitted((batch) => {
      for (const { update, origin } of batch) if (origin !== REMOTE_ORIGIN) bus.publish(channel, update);
    });
    live.onDestroy(() => {
      if (loaded.get(live.name) === live) loaded.delete(live.name);
      void bus.unsubscribe(channel);
    });
    void bus
      .subscribe(channel, (update) => live.applyRemote(update))
      .then(() => catchUp(live))
      .catch((err: unknown) => log.warn('could not follow a document across nodes', { doc: live.name, err }));
  });

  bus.onReconnect(() => {
    for (const live of loaded.values()) void catchUp(live).catch((err: unknown) => log.warn('catch-up failed', { doc: live.name, err }));
  });

  sync.onRoom((room, name) => {
    const channel = Channels.presence(name);
    const frame = (type: number, body: Uint8Array = new Uint8Array()) => {
      const out = new Uint8Array(body.length + 1);
      out[0] = type;
      out.set(body, 1);
      return out;
    };
    room.publishPresence = (update) => bus.publish(channel, frame(PRESENCE_UPDATE, update));
    room.onDestroy(() => {
      room.publishPresence = null;
      void bus.unsubscribe(channel);
    });
    void bus
      .subscribe(channel, (message) => {
        if (message[0] === PRESENCE_UPDATE) room.applyRemotePresence(message.subarray(1));
        else if (message[0] === PRESENCE_QUERY) {
          const mine = room.localPresence();
          if (mine) bus.publish(channel, frame(PRESENCE_UPDATE, mine));
        }
      })
      // Ask the nodes already holding this document who is there.
      .then(() => bus.publish(channel, frame(PRESENCE_QUERY)))
      .catch((err: unknown) => log.warn('could not share presence across nodes', { doc: name, err }));
  });

  sync.onAccessEvent((event) => bus.publish(Channels.access, new TextEncoder().encode(JSON.stringify(event))));
  // Awaited: a node serves nobody before it hears of roles removed on other nodes.
  await bus.subscribe(Channels.access, (message) => {
    const event = JSON.parse(new TextDecoder().decode(message)) as AccessEvent;
    void sync.applyAccessEvent(event).catch((err: unknown) => log.warn('access change from another node failed', { err }));
    // A report deleted on another node: this node's copies go too, with nothing more to store for them.
    if (event.type === 'report') for (const kind of ['content', 'discussion'] as const) registry.discard(roomName(event.reportId, kind));
  });
}
