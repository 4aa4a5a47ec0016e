import pg from 'pg';
import type { DocumentStats, ReportRecord, Storage, StoredDocument } from '../Storage.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';

interface ReportRow {
  id: string;
  title: string;
  mechanism: string;
  state_under_review: string;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    title: row.title,
    mechanism: row.mechanism as Mechanism,
    stateUnderReview: row.state_under_review,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Arbitrary constant naming the advisory lock that serialises migrations across server nodes. */
const MIGRATION_LOCK = 7_311_2026;

/** PostgreSQL store, used when DATABASE_URL is set; several server nodes may share one database. */
export class PostgresStorage implements Storage {
  readonly description: string;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client's error (the database restarted) must not crash the process; the pool replaces it.
    this.pool.on('error', () => {});
    const url = new URL(connectionString);
    this.description = `postgres:${url.hostname}:${url.port || 5432}${url.pathname}`;
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const { rows } = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      for (const m of POSTGRES_MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array) {
    return this.transaction(async (c) => {
      const inserted = await c.query(
        `INSERT INTO reports (id, title, mechanism, state_under_review, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [record.id, record.title, record.mechanism, record.stateUnderReview, record.createdAt, record.updatedAt],
      );
      if (inserted.rowCount === 0) {
        const { rows } = await c.query<ReportRow>('SELECT * FROM reports WHERE id = $1', [record.id]);
        return { created: false, record: toRecord(rows[0]!) };
      }
      await c.query('INSERT INTO document_updates (doc_name, data) VALUES ($1, $2)', [docName, Buffer.from(initialUpdate)]);
      return { created: true, record };
    });
  }

  async getReport(id: string): Promise<ReportRecord | null> {
    const { rows } = await this.pool.query<ReportRow>('SELECT * FROM reports WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listReports(): Promise<ReportRecord[]> {
    const { rows } = await this.pool.query<ReportRow>('SELECT * FROM reports ORDER BY updated_at DESC, id');
    return rows.map(toRecord);
  }

  async updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>) {
    await this.pool.query('UPDATE reports SET title = $1, state_under_review = $2, updated_at = $3 WHERE id = $4', [
      fields.title,
      fields.stateUnderReview,
      fields.updatedAt,
      id,
    ]);
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE doc_name = $1 ORDER BY seq',
      [docName],
    );
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : 0,
    };
  }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<number> {
    // One statement for the whole batch: one round trip, atomic without an explicit transaction.
    const { rows } = await this.pool.query<{ seq: string }>(
      `INSERT INTO document_updates (doc_name, data)
       SELECT $1, d FROM unnest($2::bytea[]) WITH ORDINALITY AS t(d, n) ORDER BY n
       RETURNING seq`,
      [docName, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
    return rows.reduce((max, r) => Math.max(max, Number(r.seq)), 0);
  }

  async compact(docName: string, upToSeq: number, merged: Uint8Array): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('DELETE FROM document_updates WHERE doc_name = $1 AND seq <= $2', [docName, upToSeq]);
      await c.query('INSERT INTO document_updates (doc_name, data) VALUES ($1, $2)', [docName, Buffer.from(merged)]);
    });
  }

  async documentStats(docName: string): Promise<DocumentStats> {
    const { rows } = await this.pool.query<{ rows: string; bytes: string }>(
      'SELECT COUNT(*) AS rows, COALESCE(SUM(octet_length(data)), 0) AS bytes FROM document_updates WHERE doc_name = $1',
      [docName],
    );
    return { rows: Number(rows[0]!.rows), bytes: Number(rows[0]!.bytes) };
  }
}
