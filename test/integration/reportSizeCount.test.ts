/**
 * A report's stored size, as the server counts it against REPORT_MAX_BYTES, is exact after a reading even when
 * changes are stored while that reading is under way: they must not be counted twice (once in the rows read, once
 * as "stored since"), or a named version that fits is refused with 413. On SQLite and PostgreSQL.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { ReportSizes } from '../../server/src/documents/ReportSizes.ts';
import { createLogger } from '../../server/src/log.ts';
import type { Storage } from '../../server/src/storage/Storage.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';
import { distinctWords } from '../helpers/typing.ts';

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** The real storage, with its size readings held until the test lets them run (to store a change meanwhile). */
function withHeldReadings(storage: Storage) {
  const held: (() => void)[] = [];
  const wrapped = Object.create(storage) as Storage;
  wrapped.reportStoredBytes = (reportId, docNames) =>
    new Promise<void>((resolve) => held.push(resolve)).then(() => storage.reportStoredBytes(reportId, docNames));
  return { storage: wrapped, releaseOne: () => held.shift()?.(), pending: () => held.length };
}

describe.each(STORAGE_KINDS)('Counting a report’s stored size on %s', (kind) => {
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

  it('counts a change stored while the size is being read once, not twice', async () => {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await storage.createReport({ id, title: 'Sizes', mechanism: 'CERD', stateUnderReview: 'Freedonia', createdAt: now, updatedAt: now, ownerUserId: null, coalitionId: null }, roomName(id), update('start'));
    const held = withHeldReadings(storage);
    const sizes = new ReportSizes(held.storage, 1024 * 1024, createLogger('error', 'test', () => undefined));

    const first = sizes.ensure(id);
    await waitUntil(() => held.pending() === 1);
    held.releaseOne();
    await first;
    const before = (await storage.reportStoredBytes(id, [roomName(id), roomName(id, 'discussion')])).documents;
    expect(sizes.used(id)).toBe(before);

    // A reading starts; a 40 KiB paste is stored and counted before the reading reaches the database.
    const reading = sizes.refresh(id);
    await waitUntil(() => held.pending() === 1);
    const paste = update(distinctWords(40, 'paste'));
    await storage.appendUpdates(roomName(id), [paste]);
    sizes.stored(id, paste.byteLength);
    held.releaseOne();
    // The server reads again when something was stored during a reading; let those run too.
    let settled = false;
    const settle = (async () => {
      while (true) {
        await waitUntil(() => held.pending() > 0 || settled);
        if (settled) return;
        held.releaseOne();
      }
    })();
    await reading;
    settled = true;
    await settle;

    const after = (await storage.reportStoredBytes(id, [roomName(id), roomName(id, 'discussion')])).documents;
    expect(after).toBeGreaterThan(before + 40 * 1024);
    expect(sizes.used(id)).toBe(after);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('timed out waiting');
}
