/**
 * `npm run restore -- <file>`: put a backup made by `npm run backup` in place of the embedded SQLite database.
 * STOP THE SERVER FIRST: SQLite cannot tell from here whether a running server holds the database, and a server
 * left running would keep writing to the file this replaces. The file must be a Rightsdraft database at a schema
 * version this code knows (an older one is brought up to date at the next start). The database it replaces is
 * kept beside it. On PostgreSQL, use pg_restore (see docs/DEPLOY.md).
 */
import path from 'node:path';
import { loadCommandConfig } from './commandConfig.ts';
import { BackupError, restoreSqlite } from './operator/sqliteBackup.ts';

async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) {
    process.stderr.write('Usage: npm run restore -- <backup file>   (stop the server first)\n');
    return 2;
  }
  const config = loadCommandConfig();
  if (!config) return 2;
  if (config.databaseUrl) {
    process.stderr.write('DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/DEPLOY.md), not with this command.\n');
    return 2;
  }
  const target = path.join(config.dataDir, 'rightsdraft.sqlite');
  process.stdout.write('Restoring. The server must be stopped: a running server would go on writing to the database this replaces.\n');
  try {
    const done = await restoreSqlite(path.resolve(source), target);
    process.stdout.write(
      `Restored ${path.resolve(source)} to ${target} (schema version ${done.schemaVersion}, ${done.reports} reports).` +
        (done.previous ? ` The database it replaced is kept as ${done.previous}.` : '') +
        ' Start the server now.\n',
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`Not restored: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main().then((code) => process.exit(code));
