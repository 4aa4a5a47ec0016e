/**
 * What makes several server nodes on one PostgreSQL database act as one: each document change a node stores is
 * published, and every other node holding that document applies and relays it (without storing it again);
 * presence is shared the same way; access changes (a role removed, a session signed out, a report deleted)
 * reach the connections of every node. Nothing here runs on a single node (LocalBus).
 *
 * The database stays the truth: a node subscribes to a document before catching up on it from storage, and
 * after the bus was cut off it catches up every loaded document again, so a missed message costs a moment,
 * never a change.
 *
 * Trust: the bus only delivers messages sealed with CLUSTER_SECRET (RedisBus). Beyond that, a discussion change
 * travels with who made it, and the receiving node checks it with the same guard as a change from one of its own
 * connections (discussionGuard.ts), for that user and role, against its own copy: a node that breaks (or is
 * broken into) cannot put words under someone else's name on the others. Access events are checked for shape.
 */
import * as Y from 'yjs';
import { canWriteDocument } from '../../../shared/api/roles.ts';
import { parseRoomName, roomName } from '../../../shared/protocol/rooms.ts';
import { REMOTE_ORIGIN, type CommittedUpdate, type LiveDocument } from '../documents/LiveDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import { Connection } from '../sync/Connection.ts';
import { refuseDiscussionUpdate } from '../sync/discussionGuard.ts';
import type { AccessEvent, SyncServer } from '../sync/SyncServer.ts';
import { parseAccessEvent } from './accessMessage.ts';
import { Channels, type ClusterBus } from './ClusterBus.ts';
import { decodeDocumentMessage, encodeDocumentMessage, type RelayedActor } from './documentMessage.ts';
import { RefusalLog } from './refusalLog.ts';

const PRESENCE_UPDATE = 0;
const PRESENCE_QUERY = 1;

export async function joinCluster(o: {
  bus: ClusterBus;
  registry: DocumentRegistry;
  sync: SyncServer;
  storage: Storage;
  log: Logger;
  /** Others carrying out access changes from other nodes (the encrypted sync server), added to after joining. */
  alsoApply?: ((event: AccessEvent) => Promise<void>)[];
}): Promise<void> {
  const { bus, registry, sync, storage, log } = o;
  if (!bus.shared) return;
  const loaded = new Map<string, LiveDocument>();

  const catchUp = async (live: LiveDocument) => {
    const stored = await storage.loadDocument(live.name);
    if (stored.updates.length > 0) live.applyRemote(Y.mergeUpdates(stored.updates));
  };

  const refusals = new RefusalLog(log);

  registry.onLoad((live) => {
    const channel = Channels.document(live.name);
    const discussion = parseRoomName(live.name)?.kind === 'discussion';
    loaded.set(live.name, live);
    live.onCommitted((batch) => {
      for (const committed of batch) {
        if (committed.origin === REMOTE_ORIGIN) continue;
        if (!discussion) bus.publish(channel, encodeDocumentMessage({ update: committed.update, actor: null }));
        else for (const change of byAuthor(committed)) bus.publish(channel, encodeDocumentMessage(change));
      }
    });
    live.onDestroy(() => {
      if (loaded.get(live.name) === live) loaded.delete(live.name);
      void bus.unsubscribe(channel);
    });
    const receive = (message: Uint8Array) => {
      let decoded;
      try {
        decoded = decodeDocumentMessage(message);
      } catch {
        refusals.refuse('relayed document change refused', { doc: live.name, reason: 'malformed' });
        return;
      }
      const { update, actor } = decoded;
      if (discussion) {
        const refusal = refuseRelayedDiscussionChange(live, update, actor);
        if (refusal) {
          refusals.refuse('relayed discussion change refused', { doc: live.name, userId: actor?.userId ?? null, role: actor?.role ?? null, reason: refusal });
          return;
        }
      }
      live.applyRemote(update);
    };
    void bus
      .subscribe(channel, receive)
      .then(() => catchUp(live))
      .then(() => log.debug('following a document across nodes', { doc: live.name }))
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
    const event = parseAccessEvent(message);
    if (!event) {
      refusals.refuse('access change from another node refused', { reason: 'not an access change' });
      return;
    }
    void sync.applyAccessEvent(event).catch((err: unknown) => log.warn('access change from another node failed', { err }));
    for (const apply of o.alsoApply ?? []) void apply(event).catch((err: unknown) => log.warn('access change from another node failed', { err }));
    // A report deleted on another node: this node's copies go too, with nothing more to store for them.
    if (event.type === 'report') for (const kind of ['content', 'discussion'] as const) registry.discard(roomName(event.reportId, kind));
  });
}

/** Who made a change to a discussion document, as this node established them for the connection it came from. */
function actorOf(origin: unknown): RelayedActor | null {
  if (!(origin instanceof Connection) || !origin.info.role) return null;
  return { userId: origin.info.userId, userName: origin.info.userName, role: origin.info.role };
}

/** A stored batch of discussion changes, as one change per run of the same author (usually one). */
function byAuthor(committed: CommittedUpdate): { update: Uint8Array; actor: RelayedActor | null }[] {
  const parts = committed.parts ?? [committed];
  const runs: { origin: unknown; updates: Uint8Array[] }[] = [];
  for (const part of parts) {
    const last = runs[runs.length - 1];
    if (last && last.origin === part.origin) last.updates.push(part.update);
    else runs.push({ origin: part.origin, updates: [part.update] });
  }
  return runs.map((run) => ({ update: run.updates.length === 1 ? run.updates[0]! : Y.mergeUpdates(run.updates), actor: actorOf(run.origin) }));
}

/** Why a discussion change relayed by another node may not be applied here, or null: the connection's rules. */
function refuseRelayedDiscussionChange(live: LiveDocument, update: Uint8Array, actor: RelayedActor | null): string | null {
  if (!actor) return 'no author given';
  if (!canWriteDocument(actor.role, 'discussion')) return 'this role does not write the discussion';
  return refuseDiscussionUpdate(live.doc, update, actor);
}
