import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildsOnMissing } from './missingDependencies.ts';

const misses = (doc: Y.Doc, update: Uint8Array) => buildsOnMissing(doc, Y.decodeUpdate(update));

/** Applying the update to a copy of `doc` leaves something pending there: what Yjs itself says. */
function yjsKeepsPending(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

describe('whether an update builds on changes a document does not have', () => {
  const server = new Y.Doc();
  const alice = new Y.Doc();
  alice.getText('t').insert(0, 'The State should adopt a law.');
  Y.applyUpdate(server, Y.encodeStateAsUpdate(alice));
  const fromServer = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(server));
    return d;
  };

  it('takes a change built on what the server has, and a sync answer carrying everything it builds on', () => {
    const bob = fromServer();
    const before = Y.encodeStateVector(bob);
    bob.getText('t').insert(4, 'very ');
    expect(misses(server, Y.encodeStateAsUpdate(bob, before))).toBe(false);
    // Offline: Bob builds on Carol's text he received elsewhere; his sync answer holds both.
    const carol = fromServer();
    carol.getText('t').insert(0, 'Note: ');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(carol));
    bob.getText('t').insert(6, 'please ');
    bob.getText('t').delete(0, 2);
    const answer = Y.encodeStateAsUpdate(bob, Y.encodeStateVector(server));
    expect(misses(server, answer)).toBe(false);
    expect(yjsKeepsPending(server, answer)).toBe(false);
    // Already known entirely: nothing missing.
    expect(misses(server, Y.encodeStateAsUpdate(server))).toBe(false);
  });

  it('finds a change next to an unknown item, a gap in the sender\'s own changes, and a deletion of unknown items', () => {
    const bob = fromServer();
    const carol = fromServer();
    carol.getText('t').insert(0, 'Hidden ');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(carol));
    const before = Y.encodeStateVector(bob);
    bob.getText('t').insert(3, 'x'); // right inside Carol's text
    const nextToUnknown = Y.encodeStateAsUpdate(bob, before);
    expect(misses(server, nextToUnknown)).toBe(true);
    expect(yjsKeepsPending(server, nextToUnknown)).toBe(true);

    const dave = fromServer();
    dave.getText('t').insert(0, 'one ');
    const middle = Y.encodeStateVector(dave);
    dave.getText('t').insert(0, 'two ');
    const gap = Y.encodeStateAsUpdate(dave, middle);
    expect(misses(server, gap)).toBe(true);
    expect(yjsKeepsPending(server, gap)).toBe(true);

    const erin = fromServer();
    Y.applyUpdate(erin, Y.encodeStateAsUpdate(carol));
    const beforeDelete = Y.encodeStateVector(erin);
    erin.getText('t').delete(0, 3); // Carol's text, unknown to the server
    const deletion = Y.encodeStateAsUpdate(erin, beforeDelete);
    expect(misses(server, deletion)).toBe(true);
    expect(yjsKeepsPending(server, deletion)).toBe(true);

    // A nested type whose parent item the server lacks.
    const frank = fromServer();
    const map = new Y.Map<unknown>();
    frank.getArray('a').push([map]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(frank, Y.encodeStateVector(server)), 'ignored');
    const gina = new Y.Doc();
    Y.applyUpdate(gina, Y.encodeStateAsUpdate(frank));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(alice));
    const beforeSet = Y.encodeStateVector(gina);
    (gina.getArray('a').get(0) as Y.Map<unknown>).set('k', 'v');
    const inMap = Y.encodeStateAsUpdate(gina, beforeSet);
    expect(misses(server, inMap)).toBe(false);
    expect(misses(fresh, inMap)).toBe(true);
    expect(yjsKeepsPending(fresh, inMap)).toBe(true);
  });
});
