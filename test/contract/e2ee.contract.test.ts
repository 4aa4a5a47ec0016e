/**
 * The storage contract for end-to-end encrypted reports (issue 11), on SQLite and PostgreSQL: account keys,
 * wrapped report keys per generation (raised only one step at a time), and encrypted snapshots plus updates with
 * compaction by a snapshot.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord, Storage } from '../../server/src/storage/Storage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';

const now = () => new Date().toISOString();

function encryptedRecord(id: string): ReportRecord {
  return { id, title: 'Encrypted report', mechanism: 'CERD', stateUnderReview: '', createdAt: now(), updatedAt: now(), ownerUserId: null, coalitionId: null, encrypted: true };
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe.each(STORAGE_KINDS)('Encryption storage contract on %s', (kind) => {
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

  it('[SE1] stores an account’s keys once, re-wraps them, and hands out public keys', async () => {
    const userId = crypto.randomUUID();
    await storage.accounts.createUser({ id: userId, email: `${userId}@example.org`, name: 'Keyholder', createdAt: now() }, 'hash');
    const keys = { userId, boxPublic: 'A'.repeat(44), signPublic: 'B'.repeat(44), passwordWrap: '{"v":1}', recoveryWrap: '{"v":1,"r":1}', createdAt: now(), updatedAt: now() };
    expect(await storage.e2ee.createAccountKeys(keys)).toBe(true);
    expect(await storage.e2ee.createAccountKeys({ ...keys, boxPublic: 'C'.repeat(44) })).toBe(false);
    expect(await storage.e2ee.rewrapAccountKeys(userId, { passwordWrap: '{"v":1,"new":1}' }, now())).toBe(true);
    const stored = await storage.e2ee.accountKeys(userId);
    expect(stored).toMatchObject({ boxPublic: 'A'.repeat(44), passwordWrap: '{"v":1,"new":1}', recoveryWrap: '{"v":1,"r":1}' });
    expect((await storage.e2ee.publicKeys([userId, crypto.randomUUID()])).map((k) => k.userId)).toEqual([userId]);
    expect(await storage.e2ee.rewrapAccountKeys(crypto.randomUUID(), { passwordWrap: '{}' }, now())).toBe(false);
  });

  it('[SE2] marks a report encrypted and raises its key generation one step at a time', async () => {
    const id = crypto.randomUUID();
    await storage.createReport(encryptedRecord(id), id, new Uint8Array([0, 0]));
    expect((await storage.getReport(id))?.encrypted).toBe(true);
    expect(await storage.e2ee.keyGeneration(id)).toBe(0);
    expect(await storage.e2ee.addReportKeys(id, 2, [{ userId: 'a', wrappedKey: 'k', wrappedBy: 'a' }], now())).toBe(false);
    expect(await storage.e2ee.addReportKeys(id, 1, [{ userId: 'a', wrappedKey: 'k1', wrappedBy: 'a' }], now())).toBe(true);
    expect(await storage.e2ee.addReportKeys(id, 1, [{ userId: 'b', wrappedKey: 'k1b', wrappedBy: 'a' }], now())).toBe(true);
    expect(await storage.e2ee.addReportKeys(id, 2, [{ userId: 'a', wrappedKey: 'k2', wrappedBy: 'a' }], now())).toBe(true);
    // A second rotation to the same generation (someone else rotated meanwhile) adds to it, never a third jump.
    expect(await storage.e2ee.addReportKeys(id, 1, [{ userId: 'c', wrappedKey: 'x', wrappedBy: 'a' }], now())).toBe(false);
    expect(await storage.e2ee.keyGeneration(id)).toBe(2);
    expect((await storage.e2ee.reportKeys(id)).map((k) => `${k.generation}:${k.userId}`)).toEqual(['1:a', '1:b', '2:a']);
    const plain = crypto.randomUUID();
    await storage.createReport({ ...encryptedRecord(plain), encrypted: false }, plain, new Uint8Array([0, 0]));
    expect((await storage.getReport(plain))?.encrypted).toBeUndefined();
  });

  it('[SE3] serves a snapshot and the updates after it, and a snapshot drops the updates it covers', async () => {
    const doc = crypto.randomUUID();
    const s1 = await storage.e2ee.appendUpdate(doc, 1, bytes(10, 1));
    const s2 = await storage.e2ee.appendUpdate(doc, 1, bytes(20, 2));
    expect(s2).toBeGreaterThan(s1);
    let loaded = await storage.e2ee.load(doc, 0);
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates.map((u) => u.seq)).toEqual([s1, s2]);
    expect(loaded).toMatchObject({ head: s2, pendingBytes: 30 });
    expect((await storage.e2ee.load(doc, s1)).updates.map((u) => u.seq)).toEqual([s2]);
    // Past the newest update: refused.
    expect(await storage.e2ee.storeSnapshot(doc, 1, s2 + 1000, bytes(5, 9))).toBe(false);
    expect(await storage.e2ee.storeSnapshot(doc, 1, s1, bytes(15, 7))).toBe(true);
    const s3 = await storage.e2ee.appendUpdate(doc, 1, bytes(4, 3));
    loaded = await storage.e2ee.load(doc, 0);
    expect(loaded.snapshot?.covers).toBe(s1);
    expect([...loaded.snapshot!.data]).toEqual([...bytes(15, 7)]);
    expect(loaded.updates.map((u) => u.seq)).toEqual([s2, s3]);
    expect(loaded).toMatchObject({ head: s3, pendingBytes: 24 });
    // A client that has everything up to s2 gets no snapshot and only what follows.
    loaded = await storage.e2ee.load(doc, s2);
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates.map((u) => u.seq)).toEqual([s3]);
    // A snapshot behind the current one would lose what that one holds: refused.
    expect(await storage.e2ee.storeSnapshot(doc, 1, s1 - 1, bytes(5, 9))).toBe(false);
    expect(await storage.e2ee.storeSnapshot(doc, 2, s3, bytes(8, 8))).toBe(true);
    loaded = await storage.e2ee.load(doc, 0);
    expect(loaded).toMatchObject({ head: s3, pendingBytes: 0, updates: [] });
    expect(loaded.snapshot?.covers).toBe(s3);
  });

  it('[SE4] deleting a report deletes its encrypted messages and wrapped keys', async () => {
    const id = crypto.randomUUID();
    await storage.createReport(encryptedRecord(id), id, new Uint8Array([0, 0]));
    await storage.e2ee.addReportKeys(id, 1, [{ userId: 'a', wrappedKey: 'k1', wrappedBy: 'a' }], now());
    await storage.e2ee.appendUpdate(id, 1, bytes(10, 1));
    await storage.deleteReport(id, [id, `${id}/discussion`]);
    expect(await storage.e2ee.reportKeys(id)).toEqual([]);
    expect((await storage.e2ee.load(id, 0)).updates).toEqual([]);
  });
  it('[SE5] finds the account of an unused, unexpired reset token without using it', async () => {
    const userId = crypto.randomUUID();
    await storage.accounts.createUser({ id: userId, email: `${userId}@example.org`, name: 'Forgetful', createdAt: now() }, 'hash');
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(await storage.mail.createPasswordReset({ tokenHash: 'live-' + userId, userId, createdAt: at(0), expiresAt: at(3600_000) })).toBe(true);
    expect(await storage.mail.passwordResetUser('live-' + userId, at(1000))).toBe(userId);
    // Looking does not use it up; past its hour, or once used, it is nobody's.
    expect(await storage.mail.passwordResetUser('live-' + userId, at(2000))).toBe(userId);
    expect(await storage.mail.passwordResetUser('live-' + userId, at(3600_000))).toBeNull();
    expect(await storage.mail.passwordResetUser('unknown', at(1000))).toBeNull();
    expect(await storage.mail.resetPassword('live-' + userId, 'new hash', at(3000))).not.toBeNull();
    expect(await storage.mail.passwordResetUser('live-' + userId, at(4000))).toBeNull();
  });

  it('[SE6] keeps sealed versions per report with their size, up to a count, counts them in the report’s bytes, and deletes them with the report', async () => {
    const id = crypto.randomUUID();
    await storage.createReport(encryptedRecord(id), id, new Uint8Array([0, 0]));
    const before = await storage.reportStoredBytes(id, [id, `${id}/discussion`]);
    const v = (n: number, at: string) => ({ id: crypto.randomUUID(), reportId: id, generation: n, makerId: 'maker-' + n, createdAt: at });
    const first = v(1, '2026-01-01T00:00:00.000Z');
    const second = v(2, '2026-01-02T00:00:00.000Z');
    expect(await storage.e2ee.addVersion(first, bytes(100, 1), 2)).toBe(true);
    expect(await storage.e2ee.addVersion(second, bytes(50, 2), 2)).toBe(true);
    // The count limit is checked where the row is written.
    expect(await storage.e2ee.addVersion(v(3, '2026-01-03T00:00:00.000Z'), bytes(10, 3), 2)).toBe(false);
    expect(await storage.e2ee.listVersions(id)).toEqual([{ ...second, bytes: 50 }, { ...first, bytes: 100 }]);
    const got = await storage.e2ee.getVersion(id, first.id);
    expect(got?.record).toEqual({ ...first, bytes: 100 });
    expect([...got!.data]).toEqual([...bytes(100, 1)]);
    expect(await storage.e2ee.getVersion(crypto.randomUUID(), first.id)).toBeNull();
    const after = await storage.reportStoredBytes(id, [id, `${id}/discussion`]);
    expect(after.versions - before.versions).toBe(150);
    // Another report cannot delete it; its own can.
    expect(await storage.e2ee.deleteVersion(crypto.randomUUID(), first.id)).toBe(false);
    expect(await storage.e2ee.deleteVersion(id, first.id)).toBe(true);
    expect(await storage.e2ee.deleteVersion(id, first.id)).toBe(false);
    expect((await storage.e2ee.listVersions(id)).map((r) => r.id)).toEqual([second.id]);
    await storage.deleteReport(id, [id, `${id}/discussion`]);
    expect(await storage.e2ee.listVersions(id)).toEqual([]);
  });
});
