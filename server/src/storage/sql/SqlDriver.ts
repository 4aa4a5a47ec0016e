/**
 * The little a storage needs of a SQL database. Statements use `?` placeholders (the PostgreSQL driver
 * numbers them); rows come back as plain objects with the column names as written in the SELECT.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface SqlExecutor {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Run a statement; returns the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Run several statements at once (a migration); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  readonly description: string;
  /** Run `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Serialise migrations across processes sharing the database. */
  withMigrationLock<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * After deleting data that must not be recoverable from the database files: SQLite empties its write-ahead
   * log (deleted content is zeroed by secure_delete); PostgreSQL does nothing here (dead rows stay in the table
   * files and the WAL until VACUUM and WAL recycling: see docs/security/versions-and-deletion.md).
   */
  eraseDeleted(): Promise<void>;
  /**
   * After replacing rows in the course of work (compaction, dropped versions): do what `eraseDeleted` does, soon,
   * in the background, once for everything replaced meanwhile (SQLite: at most one checkpoint per
   * `REPLACED_ERASE_DELAY_MS`); PostgreSQL does nothing.
   */
  eraseReplacedSoon(): void;
  /** A cheap query that fails when the database does not answer (the readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
