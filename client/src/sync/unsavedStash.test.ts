import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStashes, removeStash, saveStash, stashKey, type KeyValueStorage } from './unsavedStash.ts';

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('unsaved edit stash', () => {
  it('carries edits through storage and back into a document', () => {
    const storage = memoryStorage();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'last words before the tab closed');
    expect(saveStash(storage, stashKey('r1', doc.clientID), Y.mergeUpdates(updates))).toBe(true);

    const reopened = new Y.Doc();
    const stashes = readStashes(storage, 'r1');
    expect(stashes).toHaveLength(1);
    for (const s of stashes) Y.applyUpdate(reopened, s.update);
    expect(reopened.getText('t').toString()).toBe('last words before the tab closed');
    removeStash(storage, stashes[0]!.key);
    expect(readStashes(storage, 'r1')).toEqual([]);
  });

  it('keeps the copies of two tabs and of other reports apart', () => {
    const storage = memoryStorage();
    saveStash(storage, stashKey('r1', 1), new Uint8Array([0, 0]));
    saveStash(storage, stashKey('r1', 2), new Uint8Array([0, 0]));
    saveStash(storage, stashKey('r10', 1), new Uint8Array([0, 0]));
    expect(readStashes(storage, 'r1').map((s) => s.key).sort()).toEqual([stashKey('r1', 1), stashKey('r1', 2)]);
  });

  it('reports a full storage instead of throwing', () => {
    const storage = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveStash(storage, 'k', new Uint8Array([1]))).toBe(false);
  });
});
