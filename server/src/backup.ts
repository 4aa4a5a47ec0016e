/**
 * `npm run backup -- <file>`: a consistent copy of the embedded SQLite database, taken while the server runs.
 * Reads the same environment as the server (DATA_DIR). On PostgreSQL, use pg_dump (see docs/DEPLOY.md).
 */
import path from 'node:path';
import { loadCommandConfig } from './commandConfig.ts';
import { BackupError, backupSqlite } from './operator/sqliteBackup.ts';

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('Usage: npm run backup -- <backup file>\n');
    return 2;
  }
  const config = loadCommandConfig();
  if (!config) return 2;
  if (config.databaseUrl) {
    process.stderr.write('DATABASE_URL is set: back up PostgreSQL with pg_dump (see docs/DEPLOY.md), not with this command.\n');
    return 2;
  }
  const source = path.join(config.dataDir, 'rightsdraft.sqlite');
  try {
    const done = await backupSqlite(source, path.resolve(target));
    process.stdout.write(`Backed up ${source} to ${path.resolve(target)} (schema version ${done.schemaVersion}, ${done.reports} reports).\n`);
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main().then((code) => process.exit(code));
