/**
 * Whether a presence (awareness) update would change nothing here: every state it carries is one the room
 * already has at the same or a newer clock. Stock y-websocket clients send every presence change they receive
 * straight back (about half of all frames with many editors); this lets the server drop those echoes without
 * decoding and parsing their JSON. Reads the update the way y-protocols does, skipping each state's bytes.
 */
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';

const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c]; // "null": a removal

export function isStalePresence(awareness: Awareness, update: Uint8Array): boolean {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarUint8Array(decoder);
    const known = awareness.meta.get(clientId);
    if (!known || known.clock < clock) return false;
    // y-protocols applies a removal at the same clock if the state is still there.
    const removal = state.length === 4 && NULL_STATE.every((b, at) => state[at] === b);
    if (known.clock === clock && removal && awareness.states.has(clientId)) return false;
  }
  // Anything after the states is not what y-protocols writes: let it decide.
  return !decoding.hasContent(decoder);
}
