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

  it('[SO1] keeps sign-on confirmations per report: confirm, replace, withdraw; deleting the report deletes them', async () => {
    const id = crypto.randomUUID();
    const other = crypto.randomUUID();
    await storage.createReport(record(id), id, update(''));
    await storage.createReport(record(other), other, update(''));
    const by = { id: 'u1', name: 'Amina' };
    await storage.signOns.confirm(id, { organisation: 'Roma Rights Centre', confirmedBy: by, confirmedAt: '2026-12-01T10:00:00.000Z' });
    await storage.signOns.confirm(id, { organisation: 'Équipe Égalité', confirmedBy: by, confirmedAt: '2026-12-01T10:01:00.000Z' });
    await storage.signOns.confirm(other, { organisation: 'Roma Rights Centre', confirmedBy: by, confirmedAt: '2026-12-01T10:02:00.000Z' });
    // Confirming again replaces who and when.
    await storage.signOns.confirm(id, { organisation: 'Roma Rights Centre', confirmedBy: { id: 'u2', name: 'Bruno' }, confirmedAt: '2026-12-02T09:00:00.000Z' });
    const listed = await storage.signOns.list(id);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(expect.arrayContaining([
      { organisation: 'Roma Rights Centre', confirmedBy: { id: 'u2', name: 'Bruno' }, confirmedAt: '2026-12-02T09:00:00.000Z' },
      { organisation: 'Équipe Égalité', confirmedBy: by, confirmedAt: '2026-12-01T10:01:00.000Z' },
    ]));
    await storage.signOns.withdraw(id, 'Équipe Égalité');
    expect((await storage.signOns.list(id)).map((c) => c.organisation)).toEqual(['Roma Rights Centre']);
    await storage.deleteReport(id, [id]);
    expect(await storage.signOns.list(id)).toEqual([]);
    expect(await storage.signOns.list(other)).toHaveLength(1);
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
  // Accounts people manage (schema 6).
  async function person(name: string) {
    const user = await storage.accounts.createUser(
      { id: crypto.randomUUID(), email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.org`, name, createdAt: new Date().toISOString() },
      `hash of ${name}`,
    );
    return user!;
  }
  function session(userId: string, minutesAgo: number, hoursLeft = 24) {
    const created = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return {
      id: crypto.randomUUID(),
      tokenHash: crypto.randomUUID().replace(/-/g, '').repeat(2),
      userId,
      createdAt: created,
      expiresAt: new Date(Date.now() + hoursLeft * 3600_000).toISOString(),
      lastUsedAt: created,
      device: 'Firefox on Linux',
    };
  }

  it('[SA1] keeps sessions with a public id, device and last use; lists live ones; ends one by id (only the owner’s) or all but one', async () => {
    const user = await person('Sessions');
    const other = await person('Other');
    const older = session(user.id, 30);
    const newer = session(user.id, 10);
    const expired = session(user.id, 60, -1);
    const theirs = session(other.id, 5);
    for (const s of [older, newer, expired, theirs]) await storage.accounts.createSession(s);
    expect(await storage.accounts.getSession(older.tokenHash)).toEqual(older);
    const now = new Date().toISOString();
    expect((await storage.accounts.listSessions(user.id, now)).map((s) => s.id)).toEqual([older.id, newer.id]);

    const at = new Date().toISOString();
    await storage.accounts.touchSession(older.tokenHash, at);
    expect((await storage.accounts.getSession(older.tokenHash))?.lastUsedAt).toBe(at);
    expect((await storage.accounts.listUsers()).find((u) => u.id === user.id)?.lastSeenAt).toBe(at);

    expect(await storage.accounts.deleteSessionById(user.id, theirs.id)).toBeNull();
    expect(await storage.accounts.getSession(theirs.tokenHash)).not.toBeNull();
    expect(await storage.accounts.deleteSessionById(user.id, newer.id)).toBe(newer.tokenHash);
    expect(await storage.accounts.getSession(newer.tokenHash)).toBeNull();

    const third = session(user.id, 1);
    await storage.accounts.createSession(third);
    expect((await storage.accounts.deleteSessionsOf(user.id, older.tokenHash)).sort()).toEqual([expired.tokenHash, third.tokenHash].sort());
    expect((await storage.accounts.listSessions(user.id, now)).map((s) => s.id)).toEqual([older.id]);
    expect(await storage.accounts.deleteSessionsOf(user.id, null)).toEqual([older.tokenHash]);
    expect(await storage.accounts.getSession(theirs.tokenHash)).not.toBeNull();
  });

  it('[SA2] keeps a token’s expiry, turns accounts off and on, and replaces a password hash', async () => {
    const user = await person('Tokens');
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const token = { id: crypto.randomUUID(), userId: user.id, name: 'ci', createdAt: new Date().toISOString(), lastUsedAt: null, expiresAt };
    await storage.accounts.createAccessToken(token, 'f'.repeat(64));
    expect(await storage.accounts.findAccessToken('f'.repeat(64))).toEqual(token);
    expect(await storage.accounts.listAccessTokens(user.id)).toEqual([token]);

    expect(user.disabled).toBe(false);
    expect(await storage.accounts.setUserDisabled(user.id, true)).toBe(true);
    expect((await storage.accounts.getUser(user.id))?.disabled).toBe(true);
    expect((await storage.accounts.findUserByEmail(user.email))?.disabled).toBe(true);
    expect((await storage.accounts.listUsers()).find((u) => u.id === user.id)).toMatchObject({ disabled: true, lastSeenAt: null });
    expect(await storage.accounts.setUserDisabled(user.id, false)).toBe(true);
    expect((await storage.accounts.getUser(user.id))?.disabled).toBe(false);
    expect(await storage.accounts.setUserDisabled(crypto.randomUUID(), true)).toBe(false);

    expect(await storage.accounts.getPasswordHash(user.id)).toBe('hash of Tokens');
    await storage.accounts.setPasswordHash(user.id, 'new hash');
    expect(await storage.accounts.getPasswordHash(user.id)).toBe('new hash');
    expect(await storage.accounts.getPasswordHash(crypto.randomUUID())).toBeNull();
  });

  it('[SA5] keeps the interface language a person chose; none until they choose', async () => {
    const user = await person('Polyglot');
    expect(await storage.accounts.getUserLanguage(user.id)).toBeNull();
    expect(await storage.accounts.setUserLanguage(user.id, 'ar')).toBe(true);
    expect(await storage.accounts.getUserLanguage(user.id)).toBe('ar');
    expect(await storage.accounts.setUserLanguage(user.id, 'fr')).toBe(true);
    expect(await storage.accounts.getUserLanguage(user.id)).toBe('fr');
    expect(await storage.accounts.setUserLanguage(crypto.randomUUID(), 'fr')).toBe(false);
    expect(await storage.accounts.getUserLanguage(crypto.randomUUID())).toBeNull();
  });

  it('[SA3] finds the invitations a person created and the versions they authored', async () => {
    const user = await person('Author');
    const other = await person('Someone');
    const now = new Date().toISOString();
    const coalitionId = crypto.randomUUID();
    await storage.coalitions.create({ id: coalitionId, name: 'C', createdBy: user.id, createdAt: now, organisations: [] }, { userId: user.id, joinedAt: now });
    const invitation = { id: crypto.randomUUID(), coalitionId, reportRole: 'editor' as const, createdBy: user.id, createdAt: now, expiresAt: now, usedAt: null, usedBy: null };
    await storage.coalitions.createInvitation(invitation, 'e'.repeat(64));
    await storage.coalitions.createInvitation({ ...invitation, id: crypto.randomUUID(), createdBy: other.id }, 'd'.repeat(64));
    expect(await storage.accounts.invitationsCreatedBy(user.id)).toEqual([invitation]);

    const reportId = crypto.randomUUID();
    await storage.createReport(record(reportId), reportId, update('x'));
    const [content, discussion] = [update('a'), update('b')];
    const version = {
      id: crypto.randomUUID(),
      reportId,
      name: 'Draft 1',
      auto: false,
      kind: 'named' as const,
      authorId: user.id,
      authorName: 'Author',
      createdAt: now,
      bytes: content.byteLength + discussion.byteLength,
    };
    await storage.versions.create(version, content, discussion);
    await storage.versions.create({ ...version, id: crypto.randomUUID(), authorId: other.id, authorName: 'Someone' }, content, discussion);
    expect(await storage.accounts.versionsAuthoredBy(user.id)).toEqual([version]);
  });

  it('[SA4] deletes an account: reports pass to their new owners, memberships, sessions and tokens go, the e-mail is free again', async () => {
    const leaver = await person('Leaver');
    const heir = await person('Heir');
    const now = new Date().toISOString();
    const reportId = crypto.randomUUID();
    await storage.createReport({ ...record(reportId), ownerUserId: leaver.id }, reportId, update('x'));
    await storage.access.setMember({ reportId, userId: heir.id, role: 'owner', addedAt: now });
    const elsewhere = crypto.randomUUID();
    await storage.createReport({ ...record(elsewhere), ownerUserId: heir.id }, elsewhere, update('y'));
    await storage.access.setMember({ reportId: elsewhere, userId: leaver.id, role: 'editor', addedAt: now });
    const coalitionId = crypto.randomUUID();
    await storage.coalitions.create({ id: coalitionId, name: 'C', createdBy: leaver.id, createdAt: now, organisations: [] }, { userId: leaver.id, joinedAt: now });
    await storage.coalitions.addMember({ coalitionId, userId: heir.id, manager: true, reportRole: 'viewer', joinedAt: now });
    await storage.accounts.createSession(session(leaver.id, 1));
    await storage.accounts.createAccessToken({ id: crypto.randomUUID(), userId: leaver.id, name: 't', createdAt: now, lastUsedAt: null, expiresAt: now }, 'c'.repeat(64));
    await storage.accounts.attempts.reserve('leaver-attempt', [`login/account:${leaver.email}`], Date.now(), 0, 10);
    await storage.accounts.devices.remember('d'.repeat(64), leaver.id, now);

    await storage.accounts.deleteUser(leaver.id, [{ reportId, newOwnerId: heir.id }]);
    expect((await storage.getReport(reportId))?.ownerUserId).toBe(heir.id);
    expect(await storage.access.members(reportId)).toEqual([]);
    expect(await storage.access.members(elsewhere)).toEqual([]);
    expect((await storage.coalitions.members(coalitionId)).map((m) => m.userId)).toEqual([heir.id]);
    expect(await storage.coalitions.get(coalitionId)).not.toBeNull();
    expect(await storage.accounts.listSessions(leaver.id, new Date(0).toISOString())).toEqual([]);
    expect(await storage.accounts.listAccessTokens(leaver.id)).toEqual([]);
    // Only the reservation below exists once the leaver's attempts are gone (count 1).
    expect(await storage.accounts.attempts.reserve('probe', [`login/account:${leaver.email}`], Date.now(), 0, 10)).toEqual({ reserved: true, count: 1 });
    expect(await storage.accounts.devices.isKnown('d'.repeat(64), leaver.id)).toBe(false);
    expect(await storage.accounts.getUser(leaver.id)).toBeNull();
    expect(await storage.accounts.findUserByEmail(leaver.email)).toBeNull();
    expect(await storage.accounts.getPasswordHash(leaver.id)).toBeNull();
    expect((await storage.accounts.listUsers()).map((u) => u.id)).not.toContain(leaver.id);
    expect(await storage.accounts.setUserDisabled(leaver.id, false)).toBe(false);
    const again = await storage.accounts.createUser({ id: crypto.randomUUID(), email: leaver.email, name: 'Back', createdAt: now }, 'h');
    expect(again?.email).toBe(leaver.email);
    expect(await storage.accounts.hasUsers()).toBe(true);
  });
  it('[TC1] keeps testimony contacts per report: put, replace, remove, count; deleting the report deletes them', async () => {
    const id = crypto.randomUUID();
    const other = crypto.randomUUID();
    await storage.createReport(record(id), id, update(''));
    await storage.createReport(record(other), other, update(''));
    const contact = (testimonyId: string, realName: string) => ({ testimonyId, realName, contact: '+351 900 000 001', updatedBy: 'u1', updatedAt: '2026-12-01T10:00:00.000Z' });
    await storage.testimonyContacts.put(id, contact('t1', 'Maria da Silva'));
    await storage.testimonyContacts.put(id, contact('t2', 'José Pereira'));
    await storage.testimonyContacts.put(other, contact('t1', 'Someone Else'));
    await storage.testimonyContacts.put(id, { ...contact('t1', 'Maria da Silva Santos'), updatedBy: 'u2' });
    expect(await storage.testimonyContacts.list(id)).toEqual([
      { ...contact('t1', 'Maria da Silva Santos'), updatedBy: 'u2' },
      contact('t2', 'José Pereira'),
    ]);
    expect(await storage.testimonyContacts.count(id)).toBe(2);
    expect(await storage.testimonyContacts.remove(id, 't2')).toBe(true);
    expect(await storage.testimonyContacts.remove(id, 't2')).toBe(false);
    await storage.deleteReport(id, [id]);
    expect(await storage.testimonyContacts.list(id)).toEqual([]);
    expect(await storage.testimonyContacts.list(other)).toHaveLength(1);
  });
});
