import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentStats, ReportRecord, Storage, StoredDocument } from '../Storage.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';

interface ReportRow {
  id: string;
  title: string;
  mechanism: string;
  state_under_review: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    title: row.title,
    mechanism: row.mechanism as Mechanism,
    stateUnderReview: row.state_under_review,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The embedded store: one SQLite file. WAL with synchronous=NORMAL makes every committed transaction survive
 * a killed process (the OS holds the write); only a power cut can lose the last transactions.
 */
export class SqliteStorage implements Storage {
  readonly description: string;
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.description = `sqlite:${file}`;
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array) {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(record.id) as ReportRow | undefined;
      if (existing) return { created: false, record: toRecord(existing) };
      this.db
        .prepare(
          'INSERT INTO reports (id, title, mechanism, state_under_review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(record.id, record.title, record.mechanism, record.stateUnderReview, record.createdAt, record.updatedAt);
      this.db.prepare('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)').run(docName, Buffer.from(initialUpdate));
      return { created: true, record };
    })();
  }

  async getReport(id: string): Promise<ReportRecord | null> {
    const row = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
    return row ? toRecord(row) : null;
  }

  async listReports(): Promise<ReportRecord[]> {
    const rows = this.db.prepare('SELECT * FROM reports ORDER BY updated_at DESC, id').all() as ReportRow[];
    return rows.map(toRecord);
  }

  async updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>) {
    this.db
      .prepare('UPDATE reports SET title = ?, state_under_review = ?, updated_at = ? WHERE id = ?')
      .run(fields.title, fields.stateUnderReview, fields.updatedAt, id);
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const rows = this.db
      .prepare('SELECT seq, data FROM document_updates WHERE doc_name = ? ORDER BY seq')
      .all(docName) as { seq: number; data: Buffer }[];
    return {
      updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    };
  }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<number> {
    const insert = this.db.prepare('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)');
    return this.db.transaction(() => {
      let last = 0;
      for (const u of updates) last = Number(insert.run(docName, Buffer.from(u.buffer, u.byteOffset, u.byteLength)).lastInsertRowid);
      return last;
    })();
  }

  async compact(docName: string, upToSeq: number, merged: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM document_updates WHERE doc_name = ? AND seq <= ?').run(docName, upToSeq);
      this.db.prepare('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)').run(docName, Buffer.from(merged));
    })();
  }

  async documentStats(docName: string): Promise<DocumentStats> {
    const row = this.db
      .prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM document_updates WHERE doc_name = ?')
      .get(docName) as { rows: number; bytes: number };
    return { rows: row.rows, bytes: row.bytes };
  }
}
