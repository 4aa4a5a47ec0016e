/** Attachments of reports: one row per report and file, the bytes once per SHA-256 in attachment_blobs. */
import type { AddAttachmentResult, AttachmentRecord, AttachmentStore } from '../Storage.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

interface Row {
  id: string;
  report_id: string;
  sha256: string;
  size: number;
  mime_type: string;
  file_name: string;
  width: number | null;
  height: number | null;
  uploaded_by: string | null;
  created_at: string;
}

const COLUMNS = 'a.id, a.report_id, a.sha256, b.size, a.mime_type, a.file_name, a.width, a.height, a.uploaded_by, a.created_at';
const FROM = 'attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256';

function toRecord(r: Row): AttachmentRecord {
  return {
    id: r.id,
    reportId: r.report_id,
    sha256: r.sha256,
    size: Number(r.size),
    mimeType: r.mime_type,
    fileName: r.file_name,
    width: r.width === null ? null : Number(r.width),
    height: r.height === null ? null : Number(r.height),
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

/** Drop these blobs where no attachment refers to them any more. */
export async function dropUnreferencedBlobs(tx: SqlExecutor, hashes: string[]): Promise<void> {
  for (const sha of new Set(hashes)) {
    await tx.run('DELETE FROM attachment_blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?)', [sha, sha]);
  }
}

/** Inside deleteReport's transaction: the report's attachments, and the bytes only it held. */
export async function deleteReportAttachments(tx: SqlExecutor, reportId: string): Promise<void> {
  const hashes = (await tx.all<{ sha256: string }>('SELECT sha256 FROM attachments WHERE report_id = ?', [reportId])).map((r) => r.sha256);
  await tx.run('DELETE FROM attachments WHERE report_id = ?', [reportId]);
  await dropUnreferencedBlobs(tx, hashes);
}

export class SqlAttachmentStore implements AttachmentStore {
  constructor(private readonly db: SqlDriver) {}

  add(record: AttachmentRecord, data: Uint8Array, limits: { maxBytes: number; maxCount: number }): Promise<AddAttachmentResult> {
    return this.db.transaction(async (tx) => {
      // Serialise uploads to one report (a row lock in PostgreSQL; SQLite's transactions are serial already), so two
      // at once cannot both fit under the limit.
      await tx.run('UPDATE reports SET id = id WHERE id = ?', [record.reportId]);
      const same = await tx.get<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.report_id = ? AND a.sha256 = ?`, [record.reportId, record.sha256]);
      if (same) return { added: false, existing: toRecord(same) };
      const held = await tx.get<{ n: number; bytes: number }>(
        `SELECT COUNT(*) AS n, COALESCE(SUM(b.size), 0) AS bytes FROM ${FROM} WHERE a.report_id = ?`,
        [record.reportId],
      );
      if (Number(held!.n) + 1 > limits.maxCount) return { added: false, full: 'count' };
      if (Number(held!.bytes) + data.byteLength > limits.maxBytes) return { added: false, full: 'bytes' };
      await tx.run('INSERT INTO attachment_blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
        record.sha256,
        data.byteLength,
        data,
      ]);
      await tx.run(
        `INSERT INTO attachments (id, report_id, sha256, mime_type, file_name, width, height, uploaded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [record.id, record.reportId, record.sha256, record.mimeType, record.fileName, record.width, record.height, record.uploadedBy, record.createdAt],
      );
      return { added: true, record: { ...record, size: data.byteLength } };
    });
  }

  async get(reportId: string, id: string): Promise<AttachmentRecord | null> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.report_id = ? AND a.id = ?`, [reportId, id]);
    return row ? toRecord(row) : null;
  }

  async read(reportId: string, id: string): Promise<{ record: AttachmentRecord; data: Uint8Array } | null> {
    const row = await this.db.get<Row & { data: Buffer }>(`SELECT ${COLUMNS}, b.data FROM ${FROM} WHERE a.report_id = ? AND a.id = ?`, [reportId, id]);
    if (!row) return null;
    return { record: toRecord(row), data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) };
  }

  async list(reportId: string): Promise<AttachmentRecord[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE a.report_id = ? ORDER BY a.created_at, a.id`, [reportId]);
    return rows.map(toRecord);
  }

  async delete(reportId: string, id: string): Promise<boolean> {
    const deleted = await this.db.transaction(async (tx) => {
      const row = await tx.get<{ sha256: string }>('SELECT sha256 FROM attachments WHERE report_id = ? AND id = ?', [reportId, id]);
      if (!row) return false;
      await tx.run('DELETE FROM attachments WHERE report_id = ? AND id = ?', [reportId, id]);
      await dropUnreferencedBlobs(tx, [row.sha256]);
      return true;
    });
    // A removed photograph must not stay readable in the database files (SQLite: secure_delete and the log emptied).
    if (deleted) await this.db.eraseDeleted();
    return deleted;
  }
}
