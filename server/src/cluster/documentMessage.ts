/**
 * What a node publishes on a document's channel (inside the sealed envelope): the change, and for a discussion
 * document who made it, as the sending node established them when the connection opened (user id, account name,
 * role). The receiving node checks a discussion change against the same rules as one from its own connection,
 * for that user and role, before applying it.
 *
 * Layout (lib0 encoding): varuint 0 (no author) or 1 (author: three varstrings, user id, name, role) | varuint8array update.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isRole, type Role } from '../../../shared/api/roles.ts';

export interface RelayedActor {
  userId: string;
  userName: string;
  role: Role;
}

export interface DocumentMessage {
  update: Uint8Array;
  actor: RelayedActor | null;
}

export function encodeDocumentMessage(m: DocumentMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, m.actor ? 1 : 0);
  if (m.actor) {
    encoding.writeVarString(encoder, m.actor.userId);
    encoding.writeVarString(encoder, m.actor.userName);
    encoding.writeVarString(encoder, m.actor.role);
  }
  encoding.writeVarUint8Array(encoder, m.update);
  return encoding.toUint8Array(encoder);
}

/** Throws on anything that is not a document message. */
export function decodeDocumentMessage(data: Uint8Array): DocumentMessage {
  const decoder = decoding.createDecoder(data);
  const flag = decoding.readVarUint(decoder);
  if (flag > 1) throw new Error('unknown document message');
  let actor: RelayedActor | null = null;
  if (flag === 1) {
    const userId = decoding.readVarString(decoder);
    const userName = decoding.readVarString(decoder);
    const role = decoding.readVarString(decoder);
    if (!isRole(role)) throw new Error('unknown role in a document message');
    actor = { userId, userName, role };
  }
  const update = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a document message');
  return { update, actor };
}
