/**
 * The identity check of an encrypted report's presence (issue 11, docs/ENCRYPTION.md "Presence"). On a plain
 * report the server rewrites each awareness state's `user` from the sender's session; on an encrypted one it cannot
 * read it, so each receiving browser checks the decrypted awareness update against the envelope's signer before
 * applying it: one client id per message; that id is not this browser's own and not one another member spoke for
 * first in this session; a state names the signer (`user.userId`) under their account name as the server lists
 * the members, with a plain hex colour. What is applied is rebuilt from those checked fields (the role is the
 * member's, not what the sender claims), so a member can never appear under another's name.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../../../../shared/api/roles.ts';

const HEX = /^#[0-9a-f]{6}$/i;

export interface PresenceMember {
  userId: string;
  name: string;
  role: Role;
}

export type PresenceCheck = { ok: true; clientId: number; removal: boolean; update: Uint8Array } | { ok: false; detail: string };

/**
 * Check one decrypted awareness update signed by `signer`. `owners` maps each client id already seen to the member
 * who spoke for it (this browser's own id included); it is not changed here.
 */
export function checkPresence(update: Uint8Array, signer: string, members: readonly PresenceMember[], owners: ReadonlyMap<number, string>): PresenceCheck {
  let clientId: number;
  let clock: number;
  let json: string;
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1) return { ok: false, detail: 'not one client' };
    clientId = decoding.readVarUint(decoder);
    clock = decoding.readVarUint(decoder);
    json = decoding.readVarString(decoder);
    if (decoding.hasContent(decoder)) return { ok: false, detail: 'bytes after the state' };
  } catch {
    return { ok: false, detail: 'not an awareness update' };
  }
  const owner = owners.get(clientId);
  if (owner !== undefined && owner !== signer) return { ok: false, detail: 'another member’s client' };
  const member = members.find((m) => m.userId === signer);
  if (!member) return { ok: false, detail: 'not a member' };
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return { ok: false, detail: 'state is not JSON' };
  }
  if (state === null) {
    // Removing a client nobody spoke for would only block its real owner's next state (a higher clock).
    if (owner === undefined) return { ok: false, detail: 'removal of an unknown client' };
    return { ok: true, clientId, removal: true, update };
  }
  if (typeof state !== 'object' || Array.isArray(state)) return { ok: false, detail: 'state is not an object' };
  const record = state as Record<string, unknown>;
  const user = record.user as { name?: unknown; color?: unknown; userId?: unknown } | undefined;
  if (!user || typeof user !== 'object') return { ok: false, detail: 'no user' };
  if (user.userId !== signer) return { ok: false, detail: 'user id is not the signer' };
  if (user.name !== member.name) return { ok: false, detail: 'name is not the signer’s' };
  if (typeof user.color !== 'string' || !HEX.test(user.color)) return { ok: false, detail: 'colour is not a plain hex colour' };
  const checked = { ...record, user: { name: member.name, userId: signer, color: user.color.toLowerCase(), role: member.role } };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(checked));
  return { ok: true, clientId, removal: false, update: encoding.toUint8Array(encoder) };
}
