import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { isStalePresence } from './stalePresence.ts';

/** A client's awareness and the server room's copy of it. */
function pair() {
  const client = new Awareness(new Y.Doc());
  const room = new Awareness(new Y.Doc());
  room.setLocalState(null);
  const send = () => encodeAwarenessUpdate(client, [client.clientID]);
  return { client, room, send };
}

describe('presence updates the room already has', () => {
  it('are stale when they echo a state the room holds, and not when they bring a newer one', () => {
    const { client, room, send } = pair();
    client.setLocalState({ user: { name: 'Amina' }, cursor: 1 });
    const first = send();
    expect(isStalePresence(room, first)).toBe(false);
    applyAwarenessUpdate(room, first, 'client');
    // The same update sent back (what stock clients do with everything they receive) changes nothing.
    expect(isStalePresence(room, first)).toBe(true);
    client.setLocalStateField('cursor', 2);
    expect(isStalePresence(room, send())).toBe(false);
  });

  it('are not stale when they remove a state the room still shows, or name a client it does not know', () => {
    const { client, room, send } = pair();
    client.setLocalState({ cursor: 1 });
    applyAwarenessUpdate(room, send(), 'client');
    removeAwarenessStates(client, [client.clientID], 'left');
    expect(isStalePresence(room, send())).toBe(false);
    const stranger = new Awareness(new Y.Doc());
    stranger.setLocalState({ cursor: 9 });
    expect(isStalePresence(room, encodeAwarenessUpdate(stranger, [stranger.clientID]))).toBe(false);
  });
});
