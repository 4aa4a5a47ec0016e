/** The Storage port over any SqlDriver: reports and documents here, accounts, coalitions and access in their own stores. */
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';
import { isReportProgress, type ReportProgress } from '../../../../shared/report/progress.ts';
import type { DeletedReportRecord, DocumentStats, ReportRecord, Storage, StoredDocument } from '../Storage.ts';
import { SqlAccountStore } from './SqlAccountStore.ts';
import { SqlCoalitionStore } from './SqlCoalitionStore.ts';
import { SqlInstanceSettings } from './SqlInstanceSettings.ts';
import type { SqlDriver } from './SqlDriver.ts';
import { MIGRATIONS, migrationSql } from './migrations.ts';
import { SqlReportAccessStore } from './SqlReportAccessStore.ts';
import { SqlE2eeStore } from './SqlE2eeStore.ts';
import { SqlSignOnStore } from './SqlSignOnStore.ts';
import { SqlTestimonyContactStore } from './SqlTestimonyContactStore.ts';
import { SqlVersionStore } from './SqlVersionStore.ts';
import { SqlMailStore } from './SqlMailStore.ts';
import { SqlCalendarStore } from './SqlCalendarStore.ts';
import { SqlReminderStore } from './SqlReminderStore.ts';
import { SqlFollowUpStore } from './SqlFollowUpStore.ts';
import { deadlineParts, toDeadline, type Deadline } from '../../../../shared/deadlines/deadline.ts';
import { SqlAttachmentStore, deleteReportAttachments } from './SqlAttachmentStore.ts';
import { SqlLibraryStore } from './SqlLibraryStore.ts';

interface ReportRow {
  id: string;
  title: string;
  mechanism: string;
  state_under_review: string;
  created_at: string;
  updated_at: string;
  owner_user_id: string | null;
  coalition_id: string | null;
  progress: string | null;
  session: string | null;
  deadline_date: string | null;
  deadline_time: string | null;
  deadline_zone: string | null;
  encrypted: number | boolean | null;
}

interface DeletedReportRow extends ReportRow {
  deleted_at: string;
  deleted_by: string | null;
}

const REPORT_COLUMNS = 'id, title, mechanism, state_under_review, created_at, updated_at, owner_user_id, coalition_id, encrypted';
/** What is read: the inserted columns and the progress catalogSync keeps. */
const READ_COLUMNS = `${REPORT_COLUMNS}, progress, session, deadline_date, deadline_time, deadline_zone`;

function toReport(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    title: row.title,
    mechanism: row.mechanism as Mechanism,
    stateUnderReview: row.state_under_review,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ownerUserId: row.owner_user_id,
    coalitionId: row.coalition_id,
    progress: isReportProgress(row.progress) ? row.progress : null,
    session: row.session ?? '',
    deadline: deadlineOf(row),
    ...(row.encrypted ? { encrypted: true } : {}),
  };
}

function deadlineOf(row: ReportRow): Deadline | null {
  const parts = row.deadline_date ? deadlineParts(row.deadline_date, row.deadline_time, row.deadline_zone) : null;
  return parts ? toDeadline(parts) : null;
}

function toDeletedReport(row: DeletedReportRow): DeletedReportRecord {
  return { ...toReport(row), deletedAt: row.deleted_at, deletedBy: row.deleted_by };
}

function bytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export class SqlStorage implements Storage {
  readonly description: string;
  readonly accounts: SqlAccountStore;
  readonly coalitions: SqlCoalitionStore;
  readonly access: SqlReportAccessStore;
  readonly versions: SqlVersionStore;
  readonly mail: SqlMailStore;
  readonly settings: SqlInstanceSettings;
  readonly signOns: SqlSignOnStore;
  readonly calendars: SqlCalendarStore;
  readonly reminders: SqlReminderStore;
  readonly followUp: SqlFollowUpStore;
  readonly attachments: SqlAttachmentStore;
  readonly testimonyContacts: SqlTestimonyContactStore;
  readonly library: SqlLibraryStore;
  readonly e2ee: SqlE2eeStore;

  constructor(protected readonly db: SqlDriver) {
    this.description = db.description;
    this.accounts = new SqlAccountStore(db);
    this.coalitions = new SqlCoalitionStore(db);
    this.access = new SqlReportAccessStore(db);
    this.versions = new SqlVersionStore(db);
    this.mail = new SqlMailStore(db);
    this.settings = new SqlInstanceSettings(db);
    this.signOns = new SqlSignOnStore(db);
    this.calendars = new SqlCalendarStore(db);
    this.reminders = new SqlReminderStore(db);
    this.followUp = new SqlFollowUpStore(db);
    this.attachments = new SqlAttachmentStore(db);
    this.testimonyContacts = new SqlTestimonyContactStore(db);
    this.library = new SqlLibraryStore(db);
    this.e2ee = new SqlE2eeStore(db);
  }

  async migrate(): Promise<void> {
    await this.db.withMigrationLock(async (tx) => {
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const applied = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await tx.exec(migrationSql(m, this.db.dialect));
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  /** Schema versions applied, oldest first (for tests and diagnostics). */
  async appliedMigrations(): Promise<number[]> {
    const rows = await this.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => Number(r.version));
  }

  ping(): Promise<void> {
    return this.db.ping();
  }

  close(): Promise<void> {
    return this.db.close();
  }

  createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array) {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO reports (${REPORT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          record.id,
          record.title,
          record.mechanism,
          record.stateUnderReview,
          record.createdAt,
          record.updatedAt,
          record.ownerUserId,
          record.coalitionId,
          record.encrypted ? 1 : 0,
        ],
      );
      if (inserted === 0) {
        const row = await tx.get<ReportRow>(`SELECT ${READ_COLUMNS} FROM reports WHERE id = ?`, [record.id]);
        return { created: false, record: toReport(row!) };
      }
      await tx.run('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)', [docName, initialUpdate]);
      // The session and deadline are not inserted: the catalogue copies them from the document (catalogSync).
      return { created: true, record: { ...record, session: '', deadline: null } };
    });
  }

  async getReport(id: string): Promise<ReportRecord | null> {
    const row = await this.db.get<ReportRow>(`SELECT ${READ_COLUMNS} FROM reports WHERE id = ? AND deleted_at IS NULL`, [id]);
    return row ? toReport(row) : null;
  }

  async getReports(ids: string[]): Promise<ReportRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.all<ReportRow>(
      `SELECT ${READ_COLUMNS} FROM reports WHERE id IN (${ids.map(() => '?').join(', ')}) AND deleted_at IS NULL ORDER BY updated_at DESC, id`,
      ids,
    );
    return rows.map(toReport);
  }

  async listReports(): Promise<ReportRecord[]> {
    const rows = await this.db.all<ReportRow>(`SELECT ${READ_COLUMNS} FROM reports WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`);
    return rows.map(toReport);
  }

  async setReportProgress(id: string, progress: ReportProgress): Promise<void> {
    await this.db.run('UPDATE reports SET progress = ? WHERE id = ?', [progress, id]);
  }

  async trashReport(id: string, by: string, at: string): Promise<boolean> {
    return (await this.db.run('UPDATE reports SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL', [at, by, id])) > 0;
  }

  async restoreReport(id: string): Promise<boolean> {
    return (await this.db.run('UPDATE reports SET deleted_at = NULL, deleted_by = NULL WHERE id = ? AND deleted_at IS NOT NULL', [id])) > 0;
  }

  async getDeletedReport(id: string): Promise<DeletedReportRecord | null> {
    const row = await this.db.get<DeletedReportRow>(
      `SELECT ${READ_COLUMNS}, deleted_at, deleted_by FROM reports WHERE id = ? AND deleted_at IS NOT NULL`,
      [id],
    );
    return row ? toDeletedReport(row) : null;
  }

  async getDeletedReports(ids: string[]): Promise<DeletedReportRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.all<DeletedReportRow>(
      `SELECT ${READ_COLUMNS}, deleted_at, deleted_by FROM reports
       WHERE id IN (${ids.map(() => '?').join(', ')}) AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
      ids,
    );
    return rows.map(toDeletedReport);
  }

  async deletedReportIdsBefore(before: string): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>('SELECT id FROM reports WHERE deleted_at IS NOT NULL AND deleted_at < ? ORDER BY id', [before]);
    return rows.map((r) => r.id);
  }

  async updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>) {
    await this.db.run('UPDATE reports SET title = ?, state_under_review = ?, updated_at = ? WHERE id = ?', [
      fields.title,
      fields.stateUnderReview,
      fields.updatedAt,
      id,
    ]);
  }

  async setReportSchedule(id: string, schedule: { session: string; deadline: Deadline | null }): Promise<void> {
    const d = schedule.deadline;
    await this.db.run('UPDATE reports SET session = ?, deadline_date = ?, deadline_time = ?, deadline_zone = ?, deadline_at = ? WHERE id = ?', [
      schedule.session, d?.date ?? null, d?.time ?? null, d?.zone ?? null, d?.at ?? null, id,
    ]);
  }

  async deleteReport(id: string, docNames: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM report_members WHERE report_id = ?', [id]);
      await tx.run('DELETE FROM versions WHERE report_id = ?', [id]);
      await tx.run('DELETE FROM report_invitations WHERE report_id = ?', [id]);
      await tx.run('DELETE FROM report_sign_ons WHERE report_id = ?', [id]);
      await deleteReportAttachments(tx, id);
      await tx.run('DELETE FROM testimony_contacts WHERE report_id = ?', [id]);
      for (const name of docNames) await tx.run('DELETE FROM document_updates WHERE doc_name = ?', [name]);
      for (const name of docNames) await tx.run('DELETE FROM encrypted_messages WHERE doc_name = ?', [name]);
      await tx.run('DELETE FROM report_keys WHERE report_id = ?', [id]);
      await tx.run('DELETE FROM encrypted_versions WHERE report_id = ?', [id]);
      await tx.run('DELETE FROM reports WHERE id = ?', [id]);
    });
    await this.db.eraseDeleted();
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const rows = await this.db.all<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE doc_name = ? ORDER BY seq',
      [docName],
    );
    return {
      updates: rows.map((r) => bytes(r.data)),
      lastSeq: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : 0,
    };
  }

  appendUpdates(docName: string, updates: Uint8Array[]): Promise<number> {
    const insert = async (tx: Pick<SqlDriver, 'get'>) => {
      let last = 0;
      for (const u of updates) {
        const row = await tx.get<{ seq: number }>('INSERT INTO document_updates (doc_name, data) VALUES (?, ?) RETURNING seq', [docName, u]);
        last = Number(row!.seq);
      }
      return last;
    };
    // One row (the usual case: the pipeline merges each batch) needs no explicit transaction.
    return updates.length === 1 ? insert(this.db) : this.db.transaction(insert);
  }

  async compact(docName: string, upToSeq: number, merged: Uint8Array): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM document_updates WHERE doc_name = ? AND seq <= ?', [docName, upToSeq]);
      await tx.run('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)', [docName, merged]);
    });
    // The replaced rows may hold text since deleted: out of the write-ahead log too.
    this.db.eraseReplacedSoon();
  }

  async reportStoredBytes(reportId: string, docNames: string[]): Promise<{ documents: number; versions: number }> {
    const docs = docNames.length
      ? await this.db.get<{ bytes: number }>(
          `SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM document_updates WHERE doc_name IN (${docNames.map(() => '?').join(', ')})`,
          docNames,
        )
      : { bytes: 0 };
    const versions = await this.db.get<{ bytes: number }>(
      'SELECT COALESCE(SUM(LENGTH(content) + LENGTH(discussion)), 0) AS bytes FROM versions WHERE report_id = ?',
      [reportId],
    );
    // Versions of an end-to-end encrypted report, sealed in the browser, count the same way.
    const sealed = await this.db.get<{ bytes: number }>('SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM encrypted_versions WHERE report_id = ?', [reportId]);
    // An encrypted report's documents are its sealed snapshots and updates.
    const encrypted = docNames.length
      ? await this.db.get<{ bytes: number }>(
          `SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM encrypted_messages WHERE doc_name IN (${docNames.map(() => '?').join(', ')})`,
          docNames,
        )
      : { bytes: 0 };
    return { documents: Number(docs!.bytes) + Number(encrypted!.bytes), versions: Number(versions!.bytes) + Number(sealed!.bytes) };
  }

  eraseDeleted(): Promise<void> {
    return this.db.eraseDeleted();
  }

  async documentStats(docName: string): Promise<DocumentStats> {
    const row = await this.db.get<{ n: number; bytes: number }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM document_updates WHERE doc_name = ?',
      [docName],
    );
    return { rows: Number(row!.n), bytes: Number(row!.bytes) };
  }
}
