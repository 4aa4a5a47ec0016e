/**
 * The storage contract for attachments ([AT1] ...), on every adapter: bytes stored once per hash, limits per
 * report, deletion that leaves no bytes nobody refers to.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AttachmentRecord, ReportRecord, Storage } from '../../server/src/storage/Storage.ts';
import { SqlStorage } from '../../server/src/storage/sql/SqlStorage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';

function report(id: string): ReportRecord {
  const now = new Date().toISOString();
  return { id, title: 'Report', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', createdAt: now, updatedAt: now, ownerUserId: null, coalitionId: null };
}

function file(reportId: string, data: Uint8Array, at = new Date().toISOString()): AttachmentRecord {
  return {
    id: crypto.randomUUID(),
    reportId,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    size: data.byteLength,
    mimeType: 'application/pdf',
    fileName: 'letter.pdf',
    width: null,
    height: null,
    uploadedBy: 'u1',
    createdAt: at,
  };
}

const LIMITS = { maxBytes: 1000, maxCount: 3 };

/** How many copies of these bytes the database holds. */
async function blobCount(storage: Storage, sha256: string): Promise<number> {
  const db = (storage as unknown as { db: { get<T>(sql: string, p: unknown[]): Promise<T> } }).db;
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM attachment_blobs WHERE sha256 = ?', [sha256]);
  return Number(row.n);
}

describe.each(STORAGE_KINDS)('Attachment storage contract on %s', (kind) => {
  let ts: TestStorage;
  let storage: Storage;
  const newReport = async () => {
    const id = crypto.randomUUID();
    await storage.createReport(report(id), id, Y.encodeStateAsUpdate(new Y.Doc()));
    return id;
  };

  beforeAll(async () => {
    ts = await createTestStorage(kind);
    storage = ts.open();
    await storage.migrate();
    expect(storage).toBeInstanceOf(SqlStorage);
  });
  afterAll(async () => {
    await storage.close();
    await ts.destroy();
  });

  it('[AT1] stores an attachment and reads it back byte for byte; lists a report\'s oldest first', async () => {
    const id = await newReport();
    const data = crypto.randomBytes(300);
    const first = file(id, data, '2026-12-01T10:00:00.000Z');
    const added = await storage.attachments.add(first, data, LIMITS);
    expect(added).toEqual({ added: true, record: first });
    const second = file(id, crypto.randomBytes(10), '2026-12-01T11:00:00.000Z');
    await storage.attachments.add(second, crypto.randomBytes(10), LIMITS);
    const read = await storage.attachments.read(id, first.id);
    expect(read?.record).toEqual(first);
    expect(Buffer.from(read!.data).equals(data)).toBe(true);
    expect((await storage.attachments.list(id)).map((a) => a.id)).toEqual([first.id, second.id]);
    // Another report cannot reach it by id.
    expect(await storage.attachments.read(await newReport(), first.id)).toBeNull();
  });

  it('[AT2] keeps the same bytes once, however many reports hold them; the same bytes twice in a report give the first attachment back', async () => {
    const a = await newReport();
    const b = await newReport();
    const data = crypto.randomBytes(200);
    const inA = file(a, data);
    await storage.attachments.add(inA, data, LIMITS);
    const inB = file(b, data);
    expect((await storage.attachments.add(inB, data, LIMITS)).added).toBe(true);
    expect(await blobCount(storage, inA.sha256)).toBe(1);
    const again = await storage.attachments.add(file(a, data), data, LIMITS);
    expect(again).toEqual({ added: false, existing: inA });
    expect(await storage.attachments.list(a)).toHaveLength(1);
  });

  it('[AT3] refuses what would take a report past its total bytes or count, and counts each report alone', async () => {
    const id = await newReport();
    const big = crypto.randomBytes(900);
    expect((await storage.attachments.add(file(id, big), big, LIMITS)).added).toBe(true);
    const more = crypto.randomBytes(101);
    expect(await storage.attachments.add(file(id, more), more, LIMITS)).toEqual({ added: false, full: 'bytes' });
    for (let i = 0; i < 2; i++) {
      const small = crypto.randomBytes(10);
      expect((await storage.attachments.add(file(id, small), small, LIMITS)).added).toBe(true);
    }
    const fourth = crypto.randomBytes(10);
    expect(await storage.attachments.add(file(id, fourth), fourth, LIMITS)).toEqual({ added: false, full: 'count' });
    expect((await storage.attachments.add(file(await newReport(), more), more, LIMITS)).added).toBe(true);
  });

  it('[AT4] admits no more than the limit when uploads to one report come at once', async () => {
    const id = await newReport();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => {
        const data = crypto.randomBytes(300);
        return storage.attachments.add(file(id, data), data, LIMITS);
      }),
    );
    expect(results.filter((r) => r.added)).toHaveLength(3);
    expect(await storage.attachments.list(id)).toHaveLength(3);
  });

  it('[AT5] deleting an attachment removes its bytes only when no other report holds them', async () => {
    const a = await newReport();
    const b = await newReport();
    const shared = crypto.randomBytes(50);
    const own = crypto.randomBytes(50);
    const sharedA = file(a, shared);
    const ownA = file(a, own);
    await storage.attachments.add(sharedA, shared, LIMITS);
    await storage.attachments.add(ownA, own, LIMITS);
    await storage.attachments.add(file(b, shared), shared, LIMITS);
    expect(await storage.attachments.delete(a, ownA.id)).toBe(true);
    expect(await storage.attachments.delete(a, ownA.id)).toBe(false);
    expect(await blobCount(storage, ownA.sha256)).toBe(0);
    expect(await storage.attachments.delete(a, sharedA.id)).toBe(true);
    expect(await blobCount(storage, sharedA.sha256)).toBe(1);
    expect(await storage.attachments.read(a, sharedA.id)).toBeNull();
  });

  it('[AT6] deleting a report deletes its attachments and the bytes nobody else holds', async () => {
    const a = await newReport();
    const b = await newReport();
    const shared = crypto.randomBytes(40);
    const own = crypto.randomBytes(40);
    await storage.attachments.add(file(a, shared), shared, LIMITS);
    const ownA = file(a, own);
    await storage.attachments.add(ownA, own, LIMITS);
    const inB = file(b, shared);
    await storage.attachments.add(inB, shared, LIMITS);
    await storage.deleteReport(a, [a, `${a}/discussion`]);
    expect(await storage.attachments.list(a)).toEqual([]);
    expect(await blobCount(storage, ownA.sha256)).toBe(0);
    expect((await storage.attachments.read(b, inB.id))?.data.byteLength).toBe(40);
  });
});
