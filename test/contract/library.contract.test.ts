/**
 * The storage contract for the library (issue 14): every adapter keeps entries, adoption records, uses and
 * subscriptions the same way. Ids [LB1] ... name the rule a failure breaks.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/library/entry.ts';
import { textToContent } from '../../shared/library/content.ts';
import type { Storage } from '../../server/src/storage/Storage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';

function entry(fields: Partial<LibraryEntry> = {}): LibraryEntry {
  const at = '2026-12-01T10:00:00.000Z';
  return {
    id: crypto.randomUUID(),
    kind: 'ordinance',
    title: 'Model ordinance',
    content: textToContent('Text.'),
    text: 'Text.',
    level: 'city',
    tags: ['CEDAW:2'],
    language: 'en',
    source: 'Written for the test',
    licence: 'CC BY 4.0',
    visibility: 'instance',
    coalitionId: null,
    version: 1,
    writer: { id: 'u1', name: 'Amina' },
    createdAt: at,
    updatedAt: at,
    origin: null,
    subscriptionId: null,
    adoptions: [],
    ...fields,
  };
}

describe.each(STORAGE_KINDS)('Library storage contract on %s', (kind) => {
  let ts: TestStorage;
  let storage: Storage;

  beforeAll(async () => {
    ts = await createTestStorage(kind);
    storage = ts.open();
    await storage.migrate();
  });
  afterAll(async () => {
    await storage.close();
    await ts.destroy();
  });

  it('[LB1] stores an entry with its adoption records and reads it back whole', async () => {
    const e = entry({
      origin: { instance: 'https://other.example', entryId: 'abc', version: 3 },
      adoptions: [{ id: crypto.randomUUID(), place: 'Graz', body: 'City council', date: '2025-01-02', status: 'adopted', link: 'https://example.org', followUp: 'Yearly hearing.', recordedAt: '2026-12-01T10:00:00.000Z' }],
    });
    await storage.library.create(e);
    expect(await storage.library.get(e.id)).toEqual(e);
    expect(await storage.library.get(crypto.randomUUID())).toBeNull();
  });

  it('[LB2] lists what a reader may see: published to anyone; instance, own and coalition entries to people', async () => {
    const published = entry({ visibility: 'published', writer: { id: 'w', name: 'W' } });
    const instance = entry({ visibility: 'instance', writer: { id: 'w', name: 'W' } });
    const coalition = entry({ visibility: 'coalition', coalitionId: 'c-1', writer: { id: 'w', name: 'W' } });
    const own = entry({ visibility: 'coalition', coalitionId: 'c-2', writer: { id: 'me', name: 'Me' } });
    for (const e of [published, instance, coalition, own]) await storage.library.create(e);
    const ids = (list: LibraryEntry[]) => new Set(list.map((e) => e.id));
    const anyone = ids(await storage.library.listReadable({ userId: null, coalitionIds: [] }));
    expect(anyone.has(published.id) && !anyone.has(instance.id) && !anyone.has(coalition.id)).toBe(true);
    const outsider = ids(await storage.library.listReadable({ userId: 'x', coalitionIds: [] }));
    expect([outsider.has(published.id), outsider.has(instance.id), outsider.has(coalition.id), outsider.has(own.id)]).toEqual([true, true, false, false]);
    const member = ids(await storage.library.listReadable({ userId: 'me', coalitionIds: ['c-1'] }));
    expect([member.has(coalition.id), member.has(own.id)]).toEqual([true, true]);
    expect(ids(await storage.library.listPublished()).has(instance.id)).toBe(false);
  });

  it('[LB3] raises the version at every change and deletes an entry with its records and uses', async () => {
    const e = entry();
    await storage.library.create(e);
    const changed = await storage.library.update(e.id, { title: 'Renamed', tags: ['SDG:5'] }, '2026-12-02T00:00:00.000Z');
    expect(changed).toMatchObject({ title: 'Renamed', tags: ['SDG:5'], version: 2, updatedAt: '2026-12-02T00:00:00.000Z' });
    expect((await storage.library.update(e.id, { visibility: 'published' }, '2026-12-03T00:00:00.000Z'))?.version).toBe(3);
    expect(await storage.library.update(crypto.randomUUID(), { title: 'x' }, '2026-12-03T00:00:00.000Z')).toBeNull();
    await storage.library.recordUse(e.id, 'r1', 2, '2026-12-02T00:00:00.000Z');
    await storage.library.recordUse(e.id, 'r1', 3, '2026-12-03T00:00:00.000Z');
    expect(await storage.library.uses(e.id)).toEqual([{ reportId: 'r1', version: 3 }]);
    expect(await storage.library.delete(e.id)).toBe(true);
    expect(await storage.library.get(e.id)).toBeNull();
    expect(await storage.library.uses(e.id)).toEqual([]);
    expect(await storage.library.delete(e.id)).toBe(false);
  });

  it('[LB4] adds adoption records up to the limit', async () => {
    const e = entry();
    await storage.library.create(e);
    const record = (n: number) => ({ id: crypto.randomUUID(), place: `P${n}`, body: '', date: '2025-01-0' + n, status: 'proposed' as const, link: null, followUp: '', recordedAt: '2026-12-05T00:00:00.000Z' });
    expect(await storage.library.addAdoption(e.id, record(1), 2)).toBe(true);
    expect(await storage.library.addAdoption(e.id, record(2), 2)).toBe(true);
    expect(await storage.library.addAdoption(e.id, record(3), 2)).toBe(false);
    expect(await storage.library.addAdoption(crypto.randomUUID(), record(4), 2)).toBe(false);
    expect((await storage.library.get(e.id))?.adoptions.map((a) => a.place)).toEqual(['P1', 'P2']);
  });

  it('[LB5] replaces a subscription\'s entries: same local id for the same source entry, others deleted; unsubscribing deletes them', async () => {
    const sub = { id: crypto.randomUUID(), url: `https://feed.example/${crypto.randomUUID()}`, createdBy: 'admin', createdAt: '2026-12-01T00:00:00.000Z', instance: null, etag: null, lastModified: null, lastPolledAt: null, lastError: null };
    expect(await storage.library.createSubscription(sub)).toBe(true);
    expect(await storage.library.createSubscription({ ...sub, id: crypto.randomUUID() })).toBe(false);
    const a = entry({ title: 'A', subscriptionId: sub.id, adoptions: [{ id: 'x1', place: 'Lund', body: '', date: '2025-01-01', status: 'adopted', link: null, followUp: '', recordedAt: '2026-12-01T00:00:00.000Z' }] });
    const b = entry({ title: 'B', subscriptionId: sub.id });
    await storage.library.replaceSubscribed(sub.id, [{ key: 'src-a', entry: a }, { key: 'src-b', entry: b }]);
    expect(await storage.library.countSubscribed(sub.id)).toBe(2);
    await storage.library.replaceSubscribed(sub.id, [{ key: 'src-a', entry: { ...a, id: crypto.randomUUID(), title: 'A2', version: 2 } }]);
    const kept = await storage.library.get(a.id);
    expect(kept).toMatchObject({ title: 'A2', version: 2, subscriptionId: sub.id });
    expect(kept?.adoptions.map((x) => x.place)).toEqual(['Lund']);
    expect(await storage.library.get(b.id)).toBeNull();
    await storage.library.setSubscriptionState(sub.id, { instance: 'https://feed.example', etag: '"e1"', lastModified: 'Tue, 01 Dec 2026 00:00:00 GMT', lastPolledAt: '2026-12-01T01:00:00.000Z', lastError: null });
    expect(await storage.library.getSubscription(sub.id)).toMatchObject({ etag: '"e1"', instance: 'https://feed.example' });
    expect(await storage.library.deleteSubscription(sub.id)).toBe(true);
    expect(await storage.library.get(a.id)).toBeNull();
    expect(await storage.library.getSubscription(sub.id)).toBeNull();
  });

  it('[LB6] keeps the entries of a deleted account without its name', async () => {
    const now = new Date().toISOString();
    const user = (await storage.accounts.createUser({ id: crypto.randomUUID(), email: `${crypto.randomUUID()}@x.example`, name: 'Leaving Writer', createdAt: now }, 'h'))!;
    const e = entry({ writer: { id: user.id, name: 'Leaving Writer' } });
    await storage.library.create(e);
    await storage.accounts.deleteUser(user.id, []);
    const kept = await storage.library.get(e.id);
    expect(kept?.title).toBe(e.title);
    expect(kept?.writer).toBeNull();
  });
});
