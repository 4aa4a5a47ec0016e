/**
 * What the server lets through of a connection's presence (a y-protocols awareness update) before it reaches
 * the room, the other connections, late joiners and the other nodes:
 *
 * - Size: a state over MAX_PRESENCE_STATE_BYTES closes the connection (4413); nothing of the message is applied.
 * - Client ids: a connection speaks for the ids it has claimed, at most MAX_PRESENCE_CLIENTS_PER_CONNECTION (the
 *   stock client uses one per document); more closes it (4413). An id that another person's connection holds, or
 *   that has presence from another node, is not this connection's: such entries are dropped, not refused, since
 *   the stock client sends other people's presence back (echoes, and removals when it times someone out).
 *   An id held by another connection of the same account moves to this one (a reconnection).
 * - Identity: the `user` part of each state (what people lists and caret labels show) is rewritten from the
 *   connection's session: account name, account id and role; only a plain hex colour (chosen per device) is kept.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../../../shared/api/roles.ts';

/** Largest presence state of one client (its JSON): carets, selection, section and name need a few hundred bytes. */
export const MAX_PRESENCE_STATE_BYTES = 8 * 1024;
/** Client ids one connection may speak for over its life: one per document for the stock client, and a margin. */
export const MAX_PRESENCE_CLIENTS_PER_CONNECTION = 4;

const HEX = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#5c6878';

/** A presence message refused whole: too large, or speaking for too many client ids. */
export class PresenceRefusedError extends Error {}

/** A presence message that is not what y-protocols writes. */
export class MalformedPresenceError extends Error {}

/** Who is speaking, as the session says. */
export interface PresenceIdentity {
  userId: string;
  userName: string;
  role: Role | null;
}

/** What a connection may say, in its room. */
export interface PresenceSpeaker {
  identity: PresenceIdentity;
  /** Client ids this connection has spoken for (kept until it closes). */
  readonly presenceClaims: Set<number>;
  /** Whether the id may be claimed now: no one holds it, or another connection of the same account does. */
  mayClaim(clientId: number): boolean;
}

interface Entry {
  clientId: number;
  clock: number;
  state: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NULL_STATE = 'null';

/** The `user` part others are shown: the session's name, account and role, with the device's colour if plain. */
export function sessionUser(claimed: unknown, identity: PresenceIdentity): Record<string, unknown> {
  const color = claimed && typeof claimed === 'object' ? (claimed as { color?: unknown }).color : undefined;
  return {
    name: identity.userName,
    userId: identity.userId,
    role: identity.role,
    color: typeof color === 'string' && HEX.test(color) ? color.toLowerCase() : FALLBACK_COLOR,
  };
}

/** A state's JSON with its identity rewritten ("null", a removal, stays as it is). */
function rewriteState(bytes: Uint8Array, identity: PresenceIdentity): string {
  let text: string;
  let state: unknown;
  try {
    text = utf8.decode(bytes);
    state = JSON.parse(text);
  } catch {
    throw new MalformedPresenceError('presence state is not JSON');
  }
  if (state === null) return NULL_STATE;
  if (typeof state !== 'object' || Array.isArray(state)) throw new MalformedPresenceError('presence state is not an object');
  const record = state as Record<string, unknown>;
  // A state without a person (the stock client's initial `{}`) stays without one: it is not shown in lists.
  if (!('user' in record)) return text;
  return JSON.stringify({ ...record, user: sessionUser(record.user, identity) });
}

/**
 * The update to apply for this connection (only its own client ids, identities rewritten), or null when nothing
 * of it is this connection's. Claims the new ids it speaks for. Throws PresenceRefusedError (close with 4413) or
 * MalformedPresenceError (4400); nothing is claimed or applied then.
 */
export function screenPresence(update: Uint8Array, speaker: PresenceSpeaker): { update: Uint8Array; claimed: number[] } | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Entry[] = [];
  const claims = new Set<number>();
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    if (state.byteLength > MAX_PRESENCE_STATE_BYTES) throw new PresenceRefusedError(`presence state of ${state.byteLength} bytes`);
    if (!speaker.presenceClaims.has(clientId) && !claims.has(clientId)) {
      // Removing presence one does not hold changes nothing of one's own: dropped, never a claim.
      const removal = state.byteLength === 4 && utf8.decode(state) === NULL_STATE;
      if (removal || !speaker.mayClaim(clientId)) continue;
      claims.add(clientId);
    }
    kept.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new MalformedPresenceError('bytes after the presence states');
  if (speaker.presenceClaims.size + claims.size > MAX_PRESENCE_CLIENTS_PER_CONNECTION) {
    throw new PresenceRefusedError(`presence for ${speaker.presenceClaims.size + claims.size} client ids on one connection`);
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  const rewritten = kept.map((e) => ({ ...e, json: rewriteState(e.state, speaker.identity) }));
  for (const e of rewritten) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.json);
  }
  for (const id of claims) speaker.presenceClaims.add(id);
  return { update: encoding.toUint8Array(encoder), claimed: [...claims] };
}
