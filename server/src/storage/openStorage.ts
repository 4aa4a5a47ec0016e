/** Picks the storage adapter from config: PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file. */
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Storage } from './Storage.ts';
import { PostgresStorage } from './postgres/PostgresStorage.ts';
import { SqliteStorage } from './sqlite/SqliteStorage.ts';

export function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Storage {
  if (config.databaseUrl) return new PostgresStorage(config.databaseUrl);
  return new SqliteStorage(path.join(config.dataDir, 'rightsdraft.sqlite'));
}
