import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MalformedPresenceError, MAX_PRESENCE_CLIENTS_PER_CONNECTION, PresenceRefusedError, screenPresence, type PresenceSpeaker } from './presence.ts';
import { isStalePresence } from './stalePresence.ts';

const vik = { userId: 'u-vik', userName: 'Vik', role: 'viewer' as const };

function speaker(taken: Set<number> = new Set()): PresenceSpeaker {
  return { identity: vik, presenceClaims: new Set(), mayClaim: (id) => !taken.has(id) };
}

function room() {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  return awareness;
}

describe('what the server lets through of a connection\'s presence', () => {
  it("replaces the name, account and role a client claims by the session's, keeping a plain colour and the rest", () => {
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'Alice (owner)', userId: 'u-alice', role: 'owner', color: '#1F5FA8', title: 'Coordinator' }, section: 's1', cursor: { anchor: 1 } });
    const s = speaker();
    const screened = screenPresence(encodeAwarenessUpdate(client, [client.clientID]), s)!;
    const r = room();
    applyAwarenessUpdate(r, screened.update, 'conn');
    expect(r.getStates().get(client.clientID)).toEqual({ user: { name: 'Vik', userId: 'u-vik', role: 'viewer', color: '#1f5fa8' }, section: 's1', cursor: { anchor: 1 } });
    expect(screened.claimed).toEqual([client.clientID]);
    // A colour that is not a plain hex colour (it lands in a style attribute) is replaced.
    client.setLocalStateField('user', { name: 'x', color: 'red; background:url(//evil)' });
    const again = screenPresence(encodeAwarenessUpdate(client, [client.clientID]), s)!;
    applyAwarenessUpdate(r, again.update, 'conn');
    expect((r.getStates().get(client.clientID) as { user: { color: string } }).user.color).toBe('#5c6878');
    // A state without a person stays without one.
    client.setLocalState({ section: 's2' });
    applyAwarenessUpdate(r, screenPresence(encodeAwarenessUpdate(client, [client.clientID]), s)!.update, 'conn');
    expect(r.getStates().get(client.clientID)).toEqual({ section: 's2' });
  });

  it('refuses a state over 8 KiB and a connection speaking for more client ids than allowed, claiming nothing', () => {
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'Vik' }, padding: 'x'.repeat(8 * 1024) });
    const s = speaker();
    expect(() => screenPresence(encodeAwarenessUpdate(client, [client.clientID]), s)).toThrow(PresenceRefusedError);
    expect(s.presenceClaims.size).toBe(0);
    const many = Array.from({ length: MAX_PRESENCE_CLIENTS_PER_CONNECTION + 1 }, () => {
      const a = new Awareness(new Y.Doc());
      a.setLocalState({ user: { name: 'fake' } });
      return a;
    });
    const r = room();
    for (const a of many) applyAwarenessUpdate(r, encodeAwarenessUpdate(a, [a.clientID]), 'x');
    const all = encodeAwarenessUpdate(r, many.map((a) => a.clientID));
    expect(() => screenPresence(all, speaker())).toThrow(PresenceRefusedError);
    const upTo = encodeAwarenessUpdate(r, many.slice(1).map((a) => a.clientID));
    expect(screenPresence(upTo, speaker())!.claimed).toHaveLength(MAX_PRESENCE_CLIENTS_PER_CONNECTION);
  });

  it("drops states and removals for client ids that are someone else's, and removals of ids it never held", () => {
    const alice = new Awareness(new Y.Doc());
    alice.setLocalState({ user: { name: 'Alice' } });
    const mine = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'Vik' } });
    const r = room();
    applyAwarenessUpdate(r, encodeAwarenessUpdate(alice, [alice.clientID]), 'alice');
    applyAwarenessUpdate(r, encodeAwarenessUpdate(mine, [mine.clientID]), 'x');
    const both = encodeAwarenessUpdate(r, [alice.clientID, mine.clientID]);
    const screened = screenPresence(both, speaker(new Set([alice.clientID])))!;
    expect(screened.claimed).toEqual([mine.clientID]);
    const check = room();
    applyAwarenessUpdate(check, screened.update, 'x');
    expect([...check.getStates().keys()]).toEqual([mine.clientID]);
    // A removal of an id nobody holds claims nothing.
    alice.setLocalState(null);
    expect(screenPresence(encodeAwarenessUpdate(alice, [alice.clientID]), speaker())).toBeNull();
  });

  it('closes on a state that is not a JSON object', () => {
    const bytes = (json: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 42);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, json);
      return encoding.toUint8Array(encoder);
    };
    expect(() => screenPresence(bytes('[1,2]'), speaker())).toThrow(MalformedPresenceError);
    expect(() => screenPresence(bytes('{"x":'), speaker())).toThrow(MalformedPresenceError);
    expect(() => screenPresence(bytes('"Alice"'), speaker())).toThrow(MalformedPresenceError);
  });

  it('keeps the echo skip right: a client sending back the rewritten state, or its own at the same clock, changes nothing', () => {
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'Alice (owner)', color: '#1f5fa8' }, section: 's1' });
    const r = room();
    const s = speaker();
    applyAwarenessUpdate(r, screenPresence(encodeAwarenessUpdate(client, [client.clientID]), s)!.update, 'conn');
    // Another client's echo of what the room relayed, and the sender's own state again: both are stale.
    const other = new Awareness(new Y.Doc());
    applyAwarenessUpdate(other, encodeAwarenessUpdate(r, [client.clientID]), 'server');
    expect(isStalePresence(r, encodeAwarenessUpdate(other, [client.clientID]))).toBe(true);
    expect(isStalePresence(r, encodeAwarenessUpdate(client, [client.clientID]))).toBe(true);
    // Its next change is new, and is rewritten again.
    client.setLocalStateField('section', 's2');
    const next = encodeAwarenessUpdate(client, [client.clientID]);
    expect(isStalePresence(r, next)).toBe(false);
    applyAwarenessUpdate(r, screenPresence(next, s)!.update, 'conn');
    expect(r.getStates().get(client.clientID)).toMatchObject({ user: { name: 'Vik' }, section: 's2' });
  });
});
