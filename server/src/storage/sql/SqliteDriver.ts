import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

/** SQLite values: booleans become 0/1, Uint8Arrays become Buffers. */
function bind(params: unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
}

/** Delay before the checkpoint that empties the write-ahead log after rows were replaced (see eraseReplacedSoon). */
export const REPLACED_ERASE_DELAY_MS = 2_000;

/**
 * better-sqlite3 on one file. WAL with synchronous=NORMAL: a committed transaction survives a killed process
 * (the OS holds the write); only a power cut can lose the newest transactions.
 *
 * Calls are synchronous underneath, but a transaction's callback is async and may yield to the event loop, where
 * another request would otherwise run its statements inside our open transaction. So statements outside a
 * transaction wait for it to finish.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly description: string;
  private readonly db: Database.Database;
  private txLock: Promise<void> | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly file: string;
  /** The file's identity when opened: a file moved, deleted or replaced under a running server is not ready. */
  private readonly inode: bigint | null;

  constructor(file: string) {
    this.file = file;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // Deleted rows (a deleted report, rows replaced by compaction, a deleted version) are overwritten with zeros
    // in the database pages rather than left in free space where a copy of the file would still show them.
    this.db.pragma('secure_delete = ON');
    this.description = `sqlite:${file}`;
    this.inode = file === ':memory:' ? null : fs.statSync(file, { bigint: true }).ino;
  }

  /**
   * The open handle keeps answering after its file was moved, deleted or replaced (a restore under a running
   * server), while what it writes is no longer where the next start looks: not ready then. Root ignores file
   * permissions, so the identity of the file is what tells.
   */
  async ping(): Promise<void> {
    if (this.inode !== null) {
      const now = await fs.promises.stat(this.file, { bigint: true });
      if (now.ino !== this.inode) throw new Error('the database file was replaced while the server holds it open');
    }
    this.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private readonly direct: SqlExecutor = {
    all: async <T>(sql: string, params: unknown[] = []) => this.prepare(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, params: unknown[] = []) => this.prepare(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params: unknown[] = []) => this.prepare(sql).run(...bind(params)).changes,
    exec: async (sql: string) => {
      this.db.exec(sql);
    },
  };

  // Each method waits with its own `while` loop and then acts in the same synchronous step: returning from a
  // helper that waited would take one more microtask, in which another caller could begin a transaction (two
  // transactions started in the same tick then failed with "cannot start a transaction within a transaction").

  async all<T>(sql: string, params?: unknown[]): Promise<T[]> {
    while (this.txLock) await this.txLock;
    return this.direct.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: unknown[]): Promise<T | undefined> {
    while (this.txLock) await this.txLock;
    return this.direct.get<T>(sql, params);
  }

  async run(sql: string, params?: unknown[]): Promise<number> {
    while (this.txLock) await this.txLock;
    return this.direct.run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    while (this.txLock) await this.txLock;
    this.db.exec(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    while (this.txLock) await this.txLock;
    let release!: () => void;
    this.txLock = new Promise<void>((r) => (release = r));
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.txLock = null;
      release();
    }
  }

  /**
   * Empty the write-ahead log after a deletion: its frames still hold the pages as they were before. TRUNCATE
   * copies the (zeroed) pages into the database file and truncates the log to zero bytes.
   */
  async eraseDeleted(): Promise<void> {
    while (this.txLock) await this.txLock;
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private eraseTimer: NodeJS.Timeout | null = null;

  /**
   * Rows replaced by compaction and versions dropped by thinning leave their old pages in the write-ahead log
   * until SQLite happens to reuse the frames: a copy of the -wal would still hold older states of a live report
   * (text someone deleted). One TRUNCATE checkpoint a little later covers everything replaced meanwhile, so a
   * burst of compactions costs one checkpoint, never one per keystroke.
   */
  eraseReplacedSoon(): void {
    if (this.eraseTimer || !this.db.open) return;
    this.eraseTimer = setTimeout(() => {
      this.eraseTimer = null;
      // A checkpoint that fails (the disk) leaves the log as it was; the next replacement tries again.
      void this.eraseDeleted().catch(() => undefined);
    }, REPLACED_ERASE_DELAY_MS);
    this.eraseTimer.unref();
  }

  withMigrationLock<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // BEGIN IMMEDIATE takes SQLite's write lock: a second process waits (busy_timeout) until we commit.
    return this.transaction(fn);
  }

  async close(): Promise<void> {
    while (this.txLock) await this.txLock;
    if (this.eraseTimer) {
      clearTimeout(this.eraseTimer);
      this.eraseTimer = null;
      if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if (this.db.open) this.db.close();
  }
}
