/**
 * The storage contract: every adapter behaves the same. Each case carries an id ([ST1] ...) so a failure names
 * the rule, whichever adapter broke it.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ReportRecord, Storage } from '../../server/src/storage/Storage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';

function record(id: string, title = 'Report'): ReportRecord {
  const now = new Date().toISOString();
  return { id, title, mechanism: 'CEDAW', stateUnderReview: 'Freedonia', createdAt: now, updatedAt: now, ownerUserId: null, coalitionId: null };
}

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe.each(STORAGE_KINDS)('Storage contract on %s', (kind) => {
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

  it('[ST1] migrates idempotently: a second migrate changes nothing', async () => {
    await storage.migrate();
    await storage.migrate();
    expect(await storage.listReports()).toEqual([]);
  });

  it('[ST2] creates a report and its first update in one step, and answers a repeat with the stored record', async () => {
    const id = crypto.randomUUID();
    const first = await storage.createReport(record(id, 'Original'), id, update('hello'));
    expect(first.created).toBe(true);
    const again = await storage.createReport(record(id, 'Changed'), id, update('other'));
    expect(again.created).toBe(false);
    expect(again.record.title).toBe('Original');
    const stored = await storage.loadDocument(id);
    expect(stored.updates).toHaveLength(1);
  });

  it('[ST3] lists, reads and updates catalogue rows', async () => {
    const id = crypto.randomUUID();
    await storage.createReport(record(id, 'Catalogue'), id, update(''));
    expect((await storage.getReport(id))?.title).toBe('Catalogue');
    await storage.updateReportMeta(id, { title: 'Renamed', stateUnderReview: 'Ruritania', updatedAt: '2030-01-01T00:00:00.000Z' });
    const got = await storage.getReport(id);
    expect(got).toMatchObject({ title: 'Renamed', stateUnderReview: 'Ruritania', updatedAt: '2030-01-01T00:00:00.000Z' });
    const list = await storage.listReports();
    expect(list[0]!.id).toBe(id); // most recently updated first
    expect(await storage.getReport(crypto.randomUUID())).toBeNull();
  });

  it('[ST4] returns appended updates in order with increasing sequence numbers', async () => {
    const name = `${crypto.randomUUID()}`;
    expect(await storage.loadDocument(name)).toEqual({ updates: [], lastSeq: 0 });
    const s1 = await storage.appendUpdates(name, [update('a')]);
    const b = update('b');
    const s2 = await storage.appendUpdates(name, [b, update('c')]);
    expect(s2).toBeGreaterThan(s1);
    const stored = await storage.loadDocument(name);
    expect(stored.updates).toHaveLength(3);
    expect(stored.lastSeq).toBe(s2);
    expect(Buffer.from(stored.updates[1]!)).toEqual(Buffer.from(b));
  });

  it('[ST5] keeps documents apart', async () => {
    const a = crypto.randomUUID();
    const b = `${crypto.randomUUID()}/discussion`;
    await storage.appendUpdates(a, [update('for a')]);
    await storage.appendUpdates(b, [update('for b'), update('more b')]);
    expect((await storage.loadDocument(a)).updates).toHaveLength(1);
    expect((await storage.loadDocument(b)).updates).toHaveLength(2);
  });

  it('[ST6] compaction replaces the rows it covers by one and keeps later rows', async () => {
    const name = crypto.randomUUID();
    const doc = new Y.Doc();
    const text = doc.getText('t');
    let last = 0;
    for (let i = 0; i < 10; i++) {
      const before = Y.encodeStateVector(doc);
      text.insert(text.length, `${i} `);
      last = await storage.appendUpdates(name, [Y.encodeStateAsUpdate(doc, before)]);
    }
    await storage.compact(name, last, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, 'after');
    await storage.appendUpdates(name, [Y.encodeStateAsUpdate(doc, before)]);
    const stats = await storage.documentStats(name);
    expect(stats.rows).toBe(2);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.mergeUpdates((await storage.loadDocument(name)).updates));
    expect(restored.getText('t').toString()).toBe('0 1 2 3 4 5 6 7 8 9 after');
  });

  it('[ST7] survives closing and reopening with everything in place', async () => {
    const name = crypto.randomUUID();
    await storage.createReport(record(name, 'Durable'), name, update('kept'));
    await storage.close();
    storage = ts.open();
    await storage.migrate();
    expect((await storage.getReport(name))?.title).toBe('Durable');
    expect((await storage.loadDocument(name)).updates).toHaveLength(1);
  });

  it('[ST8] stores binary updates byte for byte, including large ones', async () => {
    const name = crypto.randomUUID();
    const big = new Uint8Array(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    await storage.appendUpdates(name, [big]);
    const stored = await storage.loadDocument(name);
    expect(Buffer.compare(Buffer.from(stored.updates[0]!), Buffer.from(big))).toBe(0);
    expect((await storage.documentStats(name)).bytes).toBe(big.length);
  });

  it('[ST9] knows whether any account exists, and makes only the first one administrator', async () => {
    expect(await storage.accounts.hasUsers()).toBe(false);
    const at = new Date().toISOString();
    const first = await storage.accounts.createUser({ id: crypto.randomUUID(), email: 'first@example.org', name: 'First', createdAt: at }, 'hash');
    expect(first?.isAdmin).toBe(true);
    expect(await storage.accounts.hasUsers()).toBe(true);
    const second = await storage.accounts.createUser({ id: crypto.randomUUID(), email: 'second@example.org', name: 'Second', createdAt: at }, 'hash');
    expect(second?.isAdmin).toBe(false);
  });

  it('[ST10] reserves attempts per key only below the limit, releases one attempt, and sweeps old ones by prefix', async () => {
    const log = storage.accounts.attempts;
    const keys = ['t/account:a@example.org', 't/address:10.0.0.1'];
    expect(await log.reserve('a1', keys, 1_000, 0, 2)).toEqual({ reserved: true, count: 1 });
    expect(await log.reserve('a2', keys, 2_000, 0, 2)).toEqual({ reserved: true, count: 2 });
    // Either key at its limit refuses, and nothing is recorded for the other.
    expect(await log.reserve('a3', ['t/address:10.0.0.1', 't/account:b@example.org'], 3_000, 0, 2)).toEqual({ reserved: false, oldest: 1_000 });
    expect(await log.reserve('a4', ['t/account:b@example.org'], 3_000, 0, 1)).toEqual({ reserved: true, count: 1 });
    // Outside the window (since) the old attempts no longer count.
    expect(await log.reserve('a5', keys, 3_000, 1_500, 2)).toEqual({ reserved: true, count: 2 });
    await log.release('a5');
    expect(await log.reserve('a6', keys, 3_000, 1_500, 2)).toEqual({ reserved: true, count: 2 });
    await log.reserve('x1', ['u/other'], 1_000, 0, 10);
    await log.sweep('t/', 2_500);
    expect(await log.reserve('a7', keys, 4_000, 0, 2)).toEqual({ reserved: true, count: 2 });
    expect(await log.reserve('x2', ['u/other'], 4_000, 0, 10)).toEqual({ reserved: true, count: 2 });
  });

  it('[ST11] reserves atomically: a burst of reservations records no more than the limit', async () => {
    // PostgreSQL: two pools, as two nodes have. SQLite: the one connection a process has (better-sqlite3 waits
    // for another connection's lock synchronously, so two connections in one thread would stall each other;
    // separate processes are serialised by BEGIN IMMEDIATE, see signinThrottle.test.ts).
    const second = kind === 'postgres' ? ts.open() : storage;
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? storage : second).accounts.attempts.reserve(`b${i}`, ['t/burst'], 5_000, 0, 7)),
      );
      expect(results.filter((r) => r.reserved)).toHaveLength(7);
    } finally {
      if (second !== storage) await second.close();
    }
  });

  it('[ST12] creates an account on an invitation only while it is unused, claiming it in the same step', async () => {
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 3600_000).toISOString();
    const invitations = storage.accounts.signupInvitations;
    await invitations.create({ id: 'inv-1', kind: 'admin', createdBy: null, createdAt: now, expiresAt: later, usedAt: null, usedBy: null }, 'hash-1');
    const user = (email: string) => ({ id: crypto.randomUUID(), email, name: 'N', createdAt: now });
    const claim = { kind: 'signup-invitation' as const, id: 'inv-1' };
    const made = await storage.accounts.createUserWith(user('inv1@example.org'), 'hash', { first: false, claim, now });
    expect(made.created).toBe(true);
    expect((await invitations.find('hash-1'))?.usedAt).toBe(now);
    expect(await storage.accounts.createUserWith(user('inv2@example.org'), 'hash', { first: false, claim, now })).toEqual({ created: false, reason: 'invitation_used' });
    expect(await storage.accounts.findUserByEmail('inv2@example.org')).toBeNull();
    expect(await storage.accounts.createUserWith(user('inv3@example.org'), 'hash', { first: true, claim: null, now })).toEqual({
      created: false,
      reason: 'first_account_exists',
    });
    await storage.settings.set('registration', 'closed', now);
    expect(await storage.settings.get('registration')).toBe('closed');
    expect(await storage.settings.get('nothing')).toBeNull();
  });
});
