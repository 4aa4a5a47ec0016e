/**
 * For tests that read the raw SQLite files (the .sqlite database and its -wal write-ahead log) for text that
 * should be gone: a server on SQLite that compacts after a few rows, with an owner signed up, and a look for a
 * marker in the files' bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { signUp, type TestUser } from './clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from './server.ts';

/** Whether the file exists and its bytes hold the marker (as UTF-8). */
export function holds(file: string, marker: string): boolean {
  if (!fs.existsSync(file)) return false;
  return fs.readFileSync(file).includes(Buffer.from(marker, 'utf8'));
}

/** A string that appears nowhere else, to look for in the files. */
export function witnessMarker(): string {
  return `WITNESS-${randomBytes(8).toString('hex')}`;
}

export interface SqliteServer {
  storage: TestStorage;
  server: TestServer;
  owner: TestUser;
  /** The database file; its write-ahead log is `${file}-wal`. */
  file: string;
}

/** Registers beforeAll/afterAll in the calling describe; the fields are filled in beforeAll. */
export function useSqliteServer(): SqliteServer {
  const s = {} as SqliteServer;
  beforeAll(async () => {
    s.storage = await createTestStorage('sqlite');
    s.file = path.join(s.storage.env.DATA_DIR!, 'rightsdraft.sqlite');
    // Compaction after a few rows, so rows that held the marker are replaced while the test writes on.
    s.server = await startTestServer(s.storage, { compactAfterRows: 4 });
    s.owner = await signUp(s.server.url, { name: 'Olga' });
  });
  afterAll(async () => {
    await s.server?.close();
    await s.storage?.destroy();
  });
  return s;
}
