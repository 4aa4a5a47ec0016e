/**
 * Consistent copies of the embedded SQLite database, and putting one back. A copy is taken with SQLite's online
 * backup API while the server runs (each step reads a consistent snapshot; writes made meanwhile restart it), into
 * a temporary file renamed into place only once it checks out, so a half-written backup never carries the name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../storage/sql/migrations.ts';

export class BackupError extends Error {}

/** The newest schema this code knows; a database from a newer Rightsdraft cannot be restored by it. */
export const KNOWN_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

const SQLITE_MAGIC = 'SQLite format 3\0';
const REQUIRED_TABLES = ['schema_migrations', 'reports', 'document_updates', 'users'];

/** Say what `file` is: a Rightsdraft database at a schema version this code can run, or throw why not. */
export function checkRightsdraftDatabase(file: string): { schemaVersion: number; reports: number } {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
  } catch (err) {
    throw new BackupError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  if (head.toString('latin1') !== SQLITE_MAGIC) throw new BackupError(`${file} is not an SQLite database.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged (SQLite integrity check: ${String(integrity)}).`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new BackupError(`${file} is not a Rightsdraft database (no ${missing.join(', ')} table).`);
    const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    const schemaVersion = Number(row.v ?? 0);
    if (schemaVersion > KNOWN_SCHEMA_VERSION) {
      throw new BackupError(`${file} has schema version ${schemaVersion}, newer than this Rightsdraft knows (${KNOWN_SCHEMA_VERSION}). Restore it with the version that made it, or newer.`);
    }
    const reports = Number((db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n);
    return { schemaVersion, reports };
  } finally {
    db.close();
  }
}

function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.partial`);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copy the live database `source` (the server may be running) to `target`, which must not exist yet. */
export async function backupSqlite(source: string, target: string): Promise<{ schemaVersion: number; reports: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source} (check DATA_DIR).`);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; choose a new file name.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temp = tempBeside(path.resolve(target));
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(temp);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new BackupError(`The backup failed: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  try {
    const checked = checkRightsdraftDatabase(temp);
    fsyncFile(temp);
    fs.renameSync(temp, target);
    return checked;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Put the backup `source` in place of the database `target`. The server must be stopped: SQLite cannot tell
 * from here whether another process holds the file open. The database it replaces is kept beside it as
 * `<name>.before-restore-<time>` (a consistent copy, its write-ahead log included).
 */
export async function restoreSqlite(source: string, target: string): Promise<{ schemaVersion: number; reports: number; previous: string | null }> {
  const checked = checkRightsdraftDatabase(source);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempBeside(target);
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(temp);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw new BackupError(`Could not copy ${source}: ${(err as Error).message}`);
  } finally {
    from.close();
  }
  let previous: string | null = null;
  try {
    checkRightsdraftDatabase(temp);
    fsyncFile(temp);
    if (fs.existsSync(target)) {
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      // Closing the last connection checkpoints and removes the write-ahead log, so nothing stale is left for
      // the restored file to pick up.
      const old = new Database(target, { fileMustExist: true });
      try {
        await old.backup(previous);
      } finally {
        old.close();
      }
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temp, target);
    const dirFd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return { ...checked, previous };
}
