/** Real servers on port 0 for tests: SQLite in a temporary folder, or a fresh PostgreSQL database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { startServer, type RunningServer } from '../../server/src/app.ts';
import { createLogger, type Logger } from '../../server/src/log.ts';
import type { Storage } from '../../server/src/storage/Storage.ts';
import { PostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts';
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts';
import { createTestDatabase } from './postgres.ts';
import { TEST_REGISTRATION } from './testRegistration.ts';

export type StorageKind = 'sqlite' | 'postgres';
export const STORAGE_KINDS: StorageKind[] = ['sqlite', 'postgres'];

export function tempDir(prefix = 'rightsdraft-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A storage backend for one suite; `open` may be called again after `close` to reopen the same data. */
export interface TestStorage {
  kind: StorageKind;
  /** Environment that points a server process at this storage. */
  env: Record<string, string>;
  open(): Storage;
  destroy(): Promise<void>;
}

export async function createTestStorage(kind: StorageKind): Promise<TestStorage> {
  if (kind === 'sqlite') {
    const dir = tempDir();
    return {
      kind,
      env: { DATA_DIR: dir },
      open: () => new SqliteStorage(path.join(dir, 'rightsdraft.sqlite')),
      destroy: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = await createTestDatabase();
  return {
    kind,
    env: { DATABASE_URL: db.url },
    open: () => new PostgresStorage(db.url, 4),
    destroy: () => db.drop(),
  };
}

/** Logs kept in memory, so tests can assert what was (and was not) logged. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', 'test', (line) => lines.push(line)), lines };
}

export interface TestServer extends RunningServer {
  wsUrl: string;
  lines: string[];
}

export async function startTestServer(
  storage: TestStorage,
  overrides: Partial<Config> = {},
): Promise<TestServer> {
  const config: Config = {
    ...loadConfig({ ...storage.env, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: '', ...TEST_REGISTRATION }),
    ...overrides,
  };
  const { log, lines } = memoryLogger();
  const server = await startServer(config, { storage: storage.open(), log });
  const close = server.close;
  return {
    ...server,
    wsUrl: server.url.replace(/^http/, 'ws') + '/sync',
    lines,
    close: async () => {
      await close();
      await server.storage.close();
    },
  };
}
