/**
 * Two writers' browsers rotate a report's key at once (after a member left): the server raises the generation for
 * the first post only and takes the second as sharing, keeping the first key for everyone. The second browser
 * must then seal with the first key, not the one it made (it used to, and every other member refused its messages
 * as altered), and only the first re-seals the report.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/api/roles.ts';
import { generateAccountKeys, type AccountKeyPairs } from '../../../shared/e2ee/accountKeys.ts';
import { toBase64 } from '../../../shared/e2ee/bytes.ts';
import type { ReportKeysInfo } from './e2eeApi.ts';

const REPORT = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const people: Record<string, { keys: AccountKeyPairs; role: Role }> = {
  amina: { keys: generateAccountKeys(), role: 'owner' },
  edwin: { keys: generateAccountKeys(), role: 'editor' },
};

/** The server's side, as server/src/e2ee/e2eeRoutes.ts and SqlE2eeStore.addReportKeys keep it. */
const server = {
  generation: 1,
  /** generation -> user -> wrap */
  wraps: new Map<number, Map<string, { wrappedKey: string; wrappedBy: string }>>(),
  /** Someone who held generation 1 left. */
  leaverHeld: true,
};
let caller = 'amina';
let beforeFirstAnswer: (() => Promise<void>) | null = null;

function infoFor(userId: string): ReportKeysInfo {
  const mine = [...server.wraps].flatMap(([generation, byUser]) => (byUser.has(userId) ? [{ generation, ...byUser.get(userId)! }] : []));
  return {
    role: people[userId]!.role,
    generation: server.generation,
    members: Object.entries(people).map(([id, p]) => ({ userId: id, name: id, role: p.role, boxPublic: toBase64(p.keys.boxPublic), signPublic: toBase64(p.keys.signPublic) })),
    myKeys: mine,
    wrappers: Object.fromEntries(Object.entries(people).map(([id, p]) => [id, toBase64(p.keys.signPublic)])),
    holders: [...(server.wraps.get(server.generation)?.keys() ?? [])],
    rotationNeeded: server.generation === 1 && server.leaverHeld,
  };
}

vi.mock('./e2eeApi.ts', () => ({
  fetchReportKeys: async () => {
    const me = caller;
    const info = infoFor(me);
    // Another browser rotates between this browser's read and its post.
    const race = beforeFirstAnswer;
    beforeFirstAnswer = null;
    if (race) await race();
    caller = me;
    return info;
  },
  postReportKeys: async (_reportId: string, generation: number, wraps: { userId: string; wrappedKey: string }[]) => {
    const held = server.wraps.get(server.generation)?.has(caller) ?? false;
    if (generation === server.generation + 1) server.generation = generation;
    else if (generation !== server.generation || !held) throw new Error('refused');
    const byUser = server.wraps.get(generation) ?? new Map<string, { wrappedKey: string; wrappedBy: string }>();
    // ON CONFLICT DO NOTHING: a wrap already there stays.
    for (const w of wraps) if (!byUser.has(w.userId)) byUser.set(w.userId, { wrappedKey: w.wrappedKey, wrappedBy: caller });
    server.wraps.set(generation, byUser);
  },
}));

const { loadReportKeys } = await import('./reportKeyring.ts');
const { wrapReportKey, newReportKey } = await import('../../../shared/e2ee/keyWrap.ts');

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) });
  // Generation 1, made by Amina and held by both.
  const first = newReportKey();
  server.generation = 1;
  server.wraps = new Map([
    [1, new Map(Object.entries(people).map(([id, p]) => [id, { wrappedKey: toBase64(wrapReportKey(first, p.keys.boxPublic, { reportId: REPORT, generation: 1, recipient: id }, people.amina!.keys.signSecret)), wrappedBy: 'amina' }]))],
  ]);
});

describe('a rotation two browsers make at once', () => {
  it('leaves both with the key the server kept, and only its maker re-seals', async () => {
    let first: Awaited<ReturnType<typeof loadReportKeys>> | null = null;
    // Edwin's browser reads the keys (rotation needed); before it posts, Amina's browser rotates.
    beforeFirstAnswer = async () => {
      caller = 'amina';
      first = await loadReportKeys(REPORT, 'amina', people.amina!.keys);
    };
    caller = 'edwin';
    const second = await loadReportKeys(REPORT, 'edwin', people.edwin!.keys);
    expect(server.generation).toBe(2);
    expect(first!.rotated).toBe(true);
    expect(second.rotated).toBe(false);
    expect(second.keys.generation).toBe(2);
    expect(second.current).toEqual(first!.current);
  });
});
