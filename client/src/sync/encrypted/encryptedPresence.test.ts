/**
 * Presence of an encrypted report without the sealing (EncryptedPresence in Node): two browsers' awareness joined
 * through what each would send. A state leaves on change, a newcomer is greeted, a removal on leaving is taken and
 * the next state after it too (the clocks), `gone` from the server removes a caret, and a frame whose client id is
 * not the one inside is refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { EncryptedPresence } from './encryptedPresence.ts';
import type { PresenceMember } from './presenceCheck.ts';

const members: PresenceMember[] = [
  { userId: 'amina', name: 'Amina Diallo', role: 'owner' },
  { userId: 'bruno', name: 'Bruno Costa', role: 'editor' },
];

function browser(userId: string, name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const sent: Uint8Array[] = [];
  const presence = new EncryptedPresence(awareness, userId, (update) => {
    sent.push(update);
    return true;
  });
  awareness.setLocalState({ user: { name, userId, color: '#1f5fa8' }, section: null });
  return { doc, awareness, presence, sent, userId };
}

type Browser = ReturnType<typeof browser>;

/** Deliver everything `from` sent so far to `to`; returns the refusals. */
function deliver(from: Browser, to: Browser): (string | null)[] {
  return from.sent.splice(0).map((u) => to.presence.receive(u, from.userId, members, from.doc.clientID));
}

const names = (b: Browser) => [...b.awareness.getStates().values()].map((s) => (s.user as { name: string }).name).sort();

describe('Encrypted presence between two browsers', () => {
  const made: Browser[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const b of made.splice(0)) {
      b.presence.destroy();
      b.awareness.destroy();
    }
  });

  it('shows each to the other, greets a newcomer, takes a removal and the state after it, and ends on gone', async () => {
    vi.useFakeTimers();
    const amina = browser('amina', 'Amina Diallo');
    const bruno = browser('bruno', 'Bruno Costa');
    made.push(amina, bruno);
    amina.presence.connected();
    bruno.presence.connected();
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver(amina, bruno)).toEqual([null]);
    // Bruno greets the newcomer with his own state; she already knew nothing of him, so she sees him too.
    await vi.advanceTimersByTimeAsync(400);
    expect(deliver(bruno, amina).every((r) => r === null)).toBe(true);
    expect(names(amina)).toEqual(['Amina Diallo', 'Bruno Costa']);
    expect(names(bruno)).toEqual(['Amina Diallo', 'Bruno Costa']);

    // Bruno's connection goes on purpose: his removal is taken, and his next state (a later clock) too.
    bruno.presence.leave();
    deliver(bruno, amina);
    expect(names(amina)).toEqual(['Amina Diallo']);
    bruno.awareness.setLocalStateField('section', 's1');
    await vi.advanceTimersByTimeAsync(0);
    deliver(bruno, amina);
    expect(names(amina)).toEqual(['Amina Diallo', 'Bruno Costa']);

    // The server says his connection closed.
    amina.presence.gone([bruno.doc.clientID, amina.doc.clientID]);
    expect(names(amina)).toEqual(['Amina Diallo']);
  });

  it('refuses a frame whose client id is not the one inside, and another member’s client id', async () => {
    const amina = browser('amina', 'Amina Diallo');
    const bruno = browser('bruno', 'Bruno Costa');
    made.push(amina, bruno);
    bruno.presence.connected();
    await Promise.resolve();
    const [update] = bruno.sent.splice(0);
    expect(amina.presence.receive(update!, 'bruno', members, 12345)).toBe('client id is not the frame’s');
    // Signed by Amina's account (another device) but for Bruno's client id, once Bruno spoke for it.
    expect(amina.presence.receive(update!, 'bruno', members, bruno.doc.clientID)).toBeNull();
    expect(amina.presence.receive(update!, 'amina', members, bruno.doc.clientID)).toBe('another member’s client');
  });
});
