import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

/** BIGINT/BIGSERIAL (int8) and COUNT come back as numbers rather than strings: our values fit in 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** Turn `?` placeholders into `$1, $2, ...`. Statements here never contain a literal question mark. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function bind(params: unknown[]): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
}

function executor(q: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async <T>(sql: string, params: unknown[] = []) => (await q.query(numbered(sql), bind(params))).rows as T[],
    get: async <T>(sql: string, params: unknown[] = []) => (await q.query(numbered(sql), bind(params))).rows[0] as T | undefined,
    run: async (sql: string, params: unknown[] = []) => (await q.query(numbered(sql), bind(params))).rowCount ?? 0,
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    exec: async (sql: string) => {
      await q.query(sql);
    },
  };
}

/** Arbitrary constant naming the advisory lock that serialises migrations across server nodes. */
const MIGRATION_LOCK = 73_112_026;

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;
  private readonly direct: SqlExecutor;

  constructor(connectionString: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client's error (the database restarted) must not crash the process; the pool replaces it.
    this.pool.on('error', () => {});
    this.direct = executor(this.pool);
    const url = new URL(connectionString);
    // Never the password: only where the data lives.
    this.description = `postgres:${url.hostname}:${url.port || 5432}${url.pathname}`;
  }

  all<T>(sql: string, params?: unknown[]) {
    return this.direct.all<T>(sql, params);
  }
  get<T>(sql: string, params?: unknown[]) {
    return this.direct.get<T>(sql, params);
  }
  run(sql: string, params?: unknown[]) {
    return this.direct.run(sql, params);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  withMigrationLock<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      return fn(tx);
    });
  }

  /** Nothing to do at once: PostgreSQL reclaims dead rows with (auto)VACUUM (see docs/security/versions-and-deletion.md). */
  async eraseDeleted(): Promise<void> {}

  eraseReplacedSoon(): void {}

  async close(): Promise<void> {
    await this.pool.end();
  }
}
