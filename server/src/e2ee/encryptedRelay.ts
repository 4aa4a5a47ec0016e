/**
 * Encrypted sync across nodes (issue 11): several nodes on one PostgreSQL database, joined by the cluster bus
 * (Redis, every message sealed with CLUSTER_SECRET by RedisBus). A node stores a sealed update first, then
 * publishes its sequence number and the ciphertext exactly as the client sent it on the room's channel; every other
 * node with connections in that room relays it to them. Nothing is decrypted or stored again on the way: Redis
 * sees the same ciphertext the database holds. Keys changing (shared, rotated) are announced too, so a node drops
 * its cached key generation and its connections fetch the keys again.
 *
 * The database stays the truth: a node listens on a room before it answers any connection's "hello", so an
 * update is either in what the catch-up reads or arrives on the bus afterwards (possibly both: clients apply a
 * Yjs update twice harmlessly). A message lost while Redis was unreachable reaches the client at its next
 * reconnect only if a later update did not move its cursor past it (see docs/security/encryption.md).
 */
import type { ClusterBus } from '../cluster/ClusterBus.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { isClientId, MAX_PRESENCE_DATA_CHARS } from '../../../shared/e2ee/wire.ts';
import type { Logger } from '../log.ts';
import type { EncryptedRelay } from './EncryptedSyncServer.ts';

const KEYS_CHANNEL = 'rightsdraft:ekeys';
const roomChannel = (room: string) => `rightsdraft:esync:${room}`;

function parse(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload)) as unknown;
  } catch {
    return null;
  }
}

/** The bus side of the encrypted sync server; null for a single node (nothing to relay). */
export function encryptedRelay(bus: ClusterBus, log: Logger, maxDataChars: number): EncryptedRelay | null {
  if (!bus.shared) return null;
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return {
    async listen(room, deliver, deliverPresence, deliverGone) {
      await bus.subscribe(roomChannel(room), (payload) => {
        const m = parse(payload) as { t?: unknown; seq?: unknown; data?: unknown; client?: unknown; clients?: unknown } | null;
        if (m && m.t === 'presence') {
          if (isClientId(m.client) && typeof m.data === 'string' && m.data.length > 0 && m.data.length <= MAX_PRESENCE_DATA_CHARS) deliverPresence(m.client, m.data);
          else log.warn('encrypted presence from another node refused', { room, reason: 'malformed' });
          return;
        }
        if (m && m.t === 'gone') {
          if (Array.isArray(m.clients) && m.clients.length <= 16 && m.clients.every(isClientId)) deliverGone(m.clients as number[]);
          else log.warn('encrypted presence end from another node refused', { room, reason: 'malformed' });
          return;
        }
        if (!m || !Number.isSafeInteger(m.seq) || (m.seq as number) < 1 || typeof m.data !== 'string' || m.data.length > maxDataChars) {
          log.warn('encrypted update from another node refused', { room, reason: 'malformed' });
          return;
        }
        deliver(m.seq as number, m.data);
      });
    },
    stopListening(room) {
      void bus.unsubscribe(roomChannel(room));
    },
    stored(room, seq, data) {
      bus.publish(roomChannel(room), encode({ seq, data }));
    },
    presence(room, client, data) {
      bus.publish(roomChannel(room), encode({ t: 'presence', client, data }));
    },
    gone(room, clients) {
      bus.publish(roomChannel(room), encode({ t: 'gone', clients }));
    },
    keysChanged(reportId) {
      bus.publish(KEYS_CHANNEL, encode({ reportId }));
    },
    async onKeysChanged(listener) {
      await bus.subscribe(KEYS_CHANNEL, (payload) => {
        const m = parse(payload) as { reportId?: unknown } | null;
        if (m && isReportId(m.reportId)) listener(m.reportId);
        else log.warn('encrypted keys notice from another node refused', { reason: 'malformed' });
      });
    },
  };
}
