/**
 * Two instances on this machine: one publishes, the other's administrator subscribes to its feed. The subscriber
 * keeps the entries read-only with their origin; a change at the source appears after a poll, and an entry
 * unpublished at the source disappears. Without LIBRARY_ALLOW_PRIVATE_URLS the same local feed is refused,
 * whether named by a literal loopback address, by `localhost`, or by a name that resolves to a private address.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry, LibrarySubscription } from '../../shared/library/entry.ts';
import { api, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

interface Results {
  results: LibraryEntry[];
}

describe('Library subscriptions between two instances', () => {
  const storages: TestStorage[] = [];
  let source: TestServer;
  let follower: TestServer;
  let guarded: TestServer;
  let writer: TestUser;
  let admin: TestUser;
  let guardedAdmin: TestUser;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) storages.push(await createTestStorage('sqlite'));
    source = await startTestServer(storages[0]!);
    follower = await startTestServer(storages[1]!, { libraryAllowPrivateUrls: true, libraryPollMs: 300 });
    guarded = await startTestServer(storages[2]!, { libraryPollMs: 300 });
    writer = await signUp(source.url, { name: 'Wanda' });
    admin = await signUp(follower.url, { name: 'Ada' });
    guardedAdmin = await signUp(guarded.url, { name: 'Gus' });
  });
  afterAll(async () => {
    for (const s of [source, follower, guarded]) await s?.close();
    for (const s of storages) await s.destroy();
  });

  const followed = async (): Promise<LibraryEntry[]> => (await api<Results>(follower.url, '/api/library/search', { as: admin })).body.results;

  it('takes the published entries, keeps them read-only with their origin, follows changes and drops unpublished ones', async () => {
    const published = await api<LibraryEntry>(source.url, '/api/library/entries', {
      as: writer,
      body: { title: 'Human rights city declaration', kind: 'proclamation', level: 'city', text: 'Version one.', visibility: 'published', tags: ['SDG:16'] },
    });
    const second = await api<LibraryEntry>(source.url, '/api/library/entries', {
      as: writer,
      body: { title: 'UPR follow-up mechanism', kind: 'policy-practice', level: 'city', text: 'A local body.', visibility: 'published' },
    });
    await api(source.url, '/api/library/entries', { as: writer, body: { title: 'Not published', kind: 'ordinance', level: 'city', text: 'x', visibility: 'instance' } });

    const sub = await api<LibrarySubscription>(follower.url, '/api/library/subscriptions', { as: admin, body: { url: `${source.url}/library/feed.json` } });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ instance: source.url, entries: 2, lastError: null });
    const copies = await followed();
    expect(copies.map((e) => e.title).sort()).toEqual(['Human rights city declaration', 'UPR follow-up mechanism']);
    const copy = copies.find((e) => e.title === 'Human rights city declaration')!;
    expect(copy).toMatchObject({ origin: { instance: source.url, entryId: published.body.id, version: 1 }, licence: 'CC BY 4.0', visibility: 'instance' });
    expect((await api(follower.url, `/api/library/entries/${copy.id}`, { as: admin, method: 'PATCH', body: { title: 'Mine now' } })).status).toBe(403);
    // Conditional requests: the subscriber keeps the source's validators.
    const stored = await follower.storage.library.getSubscription(sub.body.id);
    const feed = await fetch(`${source.url}/library/feed.json`);
    expect(stored?.etag).toBe(feed.headers.get('etag'));

    // A change at the source appears after a poll, under the same local id.
    await api(source.url, `/api/library/entries/${published.body.id}`, { as: writer, method: 'PATCH', body: { text: 'Version two.' } });
    await waitFor(async () => (await followed()).some((e) => e.text === 'Version two.'), 10_000, 'the change to reach the follower');
    const changed = (await followed()).find((e) => e.origin?.entryId === published.body.id)!;
    expect(changed).toMatchObject({ id: copy.id, version: 2, origin: { version: 2 } });

    // Unpublished at the source: gone here after a poll.
    await api(source.url, `/api/library/entries/${second.body.id}`, { as: writer, method: 'PATCH', body: { visibility: 'instance' } });
    await waitFor(async () => (await followed()).length === 1, 10_000, 'the unpublished entry to disappear');
    expect((await followed()).map((e) => e.title)).toEqual(['Human rights city declaration']);

    // Only administrators manage subscriptions.
    const member = await signUp(follower.url, { name: 'Max' });
    expect((await api(follower.url, '/api/library/subscriptions', { as: member, body: { url: `${source.url}/library/feed.json` } })).status).toBe(403);
    // Unsubscribing removes what the feed brought.
    expect((await api(follower.url, `/api/library/subscriptions/${sub.body.id}`, { as: admin, method: 'DELETE' })).status).toBe(204);
    expect(await followed()).toEqual([]);
  });

  it('refuses feeds on loopback and private addresses without LIBRARY_ALLOW_PRIVATE_URLS, and keeps nothing', async () => {
    const port = new URL(source.url).port;
    for (const url of [
      `http://127.0.0.1:${port}/library/feed.json`,
      `http://localhost:${port}/library/feed.json`,
      `http://[::1]:${port}/library/feed.json`,
      `http://[::ffff:127.0.0.1]:${port}/library/feed.json`,
      `http://0.0.0.0:${port}/library/feed.json`,
      // A name (this machine's own) that only resolves to a private or loopback address when connecting.
      `http://${os.hostname()}:${port}/library/feed.json`,
    ]) {
      const res = await api<{ error: { code: string } }>(guarded.url, '/api/library/subscriptions', { as: guardedAdmin, body: { url } });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('private_address');
    }
    for (const url of ['file:///etc/passwd', 'ftp://example.org/feed.json', 'http://user:pw@example.org/feed.json']) {
      expect((await api(guarded.url, '/api/library/subscriptions', { as: guardedAdmin, body: { url } })).status, url).toBe(400);
    }
    expect((await api<{ subscriptions: unknown[] }>(guarded.url, '/api/library/subscriptions', { as: guardedAdmin })).body.subscriptions).toEqual([]);
  });
});
