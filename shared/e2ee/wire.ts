/**
 * The encrypted sync protocol, v1 (docs/ENCRYPTION.md): JSON text frames on `/esync/<room>`. The server reads
 * only these fields and each envelope's header; `data` is a sealed envelope (envelope.ts) in base64.
 */

export const WIRE_VERSION = 1;
export const ESYNC_PATH_PREFIX = '/esync/';
/**
 * Largest sealed presence envelope (bytes, before base64): a caret, a section and a name need a few hundred. The
 * server closes a connection that sends a larger one (4413); a client never sends one.
 */
export const MAX_PRESENCE_ENVELOPE_BYTES = 8 * 1024;
/** The same limit on the base64 text of a presence frame's `data`. */
export const MAX_PRESENCE_DATA_CHARS = Math.ceil(MAX_PRESENCE_ENVELOPE_BYTES / 3) * 4;

export type ClientMessage =
  /** Send the stored snapshot (when newer than `after`) and every update after `after`, then `ready`. */
  | { v: 1; t: 'hello'; after: number }
  /** Store and relay one update; answered by `ack` with its sequence number. */
  | { v: 1; t: 'update'; ref: string; data: string }
  /** Replace everything up to and including `covers` by this snapshot. */
  | { v: 1; t: 'snapshot'; ref: string; covers: number; data: string }
  /**
   * This connection's presence (a sealed awareness update, envelope type `presence`): relayed, never stored.
   * `client` is the awareness client id it is for, in the clear, so the server can say when it is gone.
   */
  | { v: 1; t: 'presence'; client: number; data: string };

export type ServerMessage =
  | { v: 1; t: 'snapshot'; seq: number; data: string }
  | { v: 1; t: 'update'; seq: number; data: string }
  /** Catch-up done: `head` is the newest sequence number, `pendingBytes` the size of the updates after the snapshot. */
  | { v: 1; t: 'ready'; head: number; pendingBytes: number }
  | { v: 1; t: 'ack'; ref: string; seq: number }
  /** Another connection's presence, as it sent it (no sequence number: presence is not stored). */
  | { v: 1; t: 'presence'; client: number; data: string }
  /** Connections that sent presence for these client ids closed: stop showing them. */
  | { v: 1; t: 'gone'; clients: number[] }
  /** Keys changed (a member was added or a key generation made): fetch them again. */
  | { v: 1; t: 'keys' };

const REF = /^[A-Za-z0-9_-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const isSeq = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
/** An awareness client id (Yjs makes 32-bit ones). */
export const isClientId = (n: unknown): n is number => isSeq(n) && n <= 0xffffffff;

/** Parse a client frame; null for anything malformed (the server closes with 4440). */
export function parseClientMessage(text: string): ClientMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return null;
  const o = m as Record<string, unknown>;
  if (o.v !== WIRE_VERSION) return null;
  if (o.t === 'hello') return isSeq(o.after) ? { v: 1, t: 'hello', after: o.after } : null;
  // Size is the server's to judge (it closes with 4413, not as malformed).
  if (o.t === 'presence') return isClientId(o.client) && typeof o.data === 'string' && o.data.length > 0 && BASE64.test(o.data) ? { v: 1, t: 'presence', client: o.client, data: o.data } : null;
  if (typeof o.ref !== 'string' || !REF.test(o.ref) || typeof o.data !== 'string' || o.data.length === 0 || !BASE64.test(o.data)) return null;
  if (o.t === 'update') return { v: 1, t: 'update', ref: o.ref, data: o.data };
  if (o.t === 'snapshot' && isSeq(o.covers)) return { v: 1, t: 'snapshot', ref: o.ref, covers: o.covers, data: o.data };
  return null;
}

/** Parse a server frame on the client; null when it is not one. */
export function parseServerMessage(text: string): ServerMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  if (o.v !== WIRE_VERSION) return null;
  if ((o.t === 'snapshot' || o.t === 'update') && isSeq(o.seq) && typeof o.data === 'string') return { v: 1, t: o.t, seq: o.seq, data: o.data };
  if (o.t === 'ready' && isSeq(o.head) && isSeq(o.pendingBytes)) return { v: 1, t: 'ready', head: o.head, pendingBytes: o.pendingBytes };
  if (o.t === 'ack' && typeof o.ref === 'string' && isSeq(o.seq)) return { v: 1, t: 'ack', ref: o.ref, seq: o.seq };
  if (o.t === 'keys') return { v: 1, t: 'keys' };
  if (o.t === 'presence' && isClientId(o.client) && typeof o.data === 'string') return { v: 1, t: 'presence', client: o.client, data: o.data };
  if (o.t === 'gone' && Array.isArray(o.clients) && o.clients.every(isClientId)) return { v: 1, t: 'gone', clients: o.clients as number[] };
  return null;
}
