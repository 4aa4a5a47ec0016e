/**
 * Picks the storage adapter from config: PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file.
 * Only the chosen adapter's driver is loaded (pg or better-sqlite3), so a server on SQLite never holds pg.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Storage } from './Storage.ts';

export async function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
  if (config.databaseUrl) {
    const { PostgresStorage } = await import('./postgres/PostgresStorage.ts');
    return new PostgresStorage(config.databaseUrl);
  }
  const { SqliteStorage } = await import('./sqlite/SqliteStorage.ts');
  return new SqliteStorage(path.join(config.dataDir, 'rightsdraft.sqlite'));
}
