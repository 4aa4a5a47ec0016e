/** The E2eeStore in portable SQL (SQLite and PostgreSQL): bytes and opaque strings only. */
import type { AccountKeysRecord, E2eeStore, EncryptedLoad, EncryptedVersionRecord, ReportKeyRecord } from '../E2eeStore.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface KeysRow {
  user_id: string;
  box_public: string;
  sign_public: string;
  password_wrap: string;
  recovery_wrap: string;
  created_at: string;
  updated_at: string;
}

const toKeys = (r: KeysRow): AccountKeysRecord => ({
  userId: r.user_id,
  boxPublic: r.box_public,
  signPublic: r.sign_public,
  passwordWrap: r.password_wrap,
  recoveryWrap: r.recovery_wrap,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface VersionRow {
  id: string;
  report_id: string;
  generation: number;
  maker_id: string;
  created_at: string;
  bytes: number;
}

const toVersion = (r: VersionRow): EncryptedVersionRecord => ({
  id: r.id,
  reportId: r.report_id,
  generation: Number(r.generation),
  makerId: r.maker_id,
  createdAt: r.created_at,
  bytes: Number(r.bytes),
});

const VERSION_META = 'id, report_id, generation, maker_id, created_at, LENGTH(data) AS bytes';

const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class SqlE2eeStore implements E2eeStore {
  constructor(private readonly db: SqlDriver) {}

  async accountKeys(userId: string): Promise<AccountKeysRecord | null> {
    const row = await this.db.get<KeysRow>('SELECT * FROM account_keys WHERE user_id = ?', [userId]);
    return row ? toKeys(row) : null;
  }

  async publicKeys(userIds: string[]): Promise<AccountKeysRecord[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.all<KeysRow>(`SELECT * FROM account_keys WHERE user_id IN (${userIds.map(() => '?').join(', ')})`, userIds);
    return rows.map(toKeys);
  }

  async createAccountKeys(r: AccountKeysRecord): Promise<boolean> {
    const n = await this.db.run(
      `INSERT INTO account_keys (user_id, box_public, sign_public, password_wrap, recovery_wrap, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING`,
      [r.userId, r.boxPublic, r.signPublic, r.passwordWrap, r.recoveryWrap, r.createdAt, r.updatedAt],
    );
    return n > 0;
  }

  async rewrapAccountKeys(userId: string, wraps: { passwordWrap: string; recoveryWrap?: string }, at: string): Promise<boolean> {
    const n = wraps.recoveryWrap
      ? await this.db.run('UPDATE account_keys SET password_wrap = ?, recovery_wrap = ?, updated_at = ? WHERE user_id = ?', [wraps.passwordWrap, wraps.recoveryWrap, at, userId])
      : await this.db.run('UPDATE account_keys SET password_wrap = ?, updated_at = ? WHERE user_id = ?', [wraps.passwordWrap, at, userId]);
    return n > 0;
  }

  async keyGeneration(reportId: string): Promise<number> {
    const row = await this.db.get<{ key_generation: number }>('SELECT key_generation FROM reports WHERE id = ?', [reportId]);
    return Number(row?.key_generation ?? 0);
  }

  async reportKeys(reportId: string): Promise<ReportKeyRecord[]> {
    const rows = await this.db.all<{ generation: number; user_id: string; wrapped_key: string; wrapped_by: string }>(
      'SELECT generation, user_id, wrapped_key, wrapped_by FROM report_keys WHERE report_id = ? ORDER BY generation, user_id',
      [reportId],
    );
    return rows.map((r) => ({ generation: Number(r.generation), userId: r.user_id, wrappedKey: r.wrapped_key, wrappedBy: r.wrapped_by }));
  }

  addReportKeys(reportId: string, generation: number, wraps: Omit<ReportKeyRecord, 'generation'>[], at: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Raising the generation only from its current value: two clients rotating at once cannot both win.
      const raised = await tx.run('UPDATE reports SET key_generation = ? WHERE id = ? AND key_generation = ?', [generation, reportId, generation - 1]);
      if (raised === 0) {
        const row = await tx.get<{ key_generation: number }>('SELECT key_generation FROM reports WHERE id = ?', [reportId]);
        if (Number(row?.key_generation ?? -1) !== generation) return false;
      }
      for (const w of wraps) {
        await tx.run(
          `INSERT INTO report_keys (report_id, generation, user_id, wrapped_key, wrapped_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_id, generation, user_id) DO NOTHING`,
          [reportId, generation, w.userId, w.wrappedKey, w.wrappedBy, at],
        );
      }
      return true;
    });
  }

  async load(docName: string, after: number): Promise<EncryptedLoad> {
    const snap = await this.db.get<{ covers: number; data: Uint8Array }>(
      "SELECT covers, data FROM encrypted_messages WHERE doc_name = ? AND kind = 'snapshot' ORDER BY seq DESC LIMIT 1",
      [docName],
    );
    const covers = Number(snap?.covers ?? 0);
    const from = Math.max(after, covers);
    const rows = await this.db.all<{ seq: number; data: Uint8Array }>(
      "SELECT seq, data FROM encrypted_messages WHERE doc_name = ? AND kind = 'update' AND seq > ? ORDER BY seq",
      [docName, from],
    );
    const all = await this.db.get<{ head: number | null; bytes: number | null }>(
      `SELECT MAX(seq) AS head, SUM(LENGTH(data)) AS bytes FROM encrypted_messages WHERE doc_name = ? AND kind = 'update' AND seq > ?`,
      [docName, covers],
    );
    return {
      snapshot: snap && (covers > after || after === 0) ? { covers, data: bytes(snap.data) } : null,
      updates: rows.map((r) => ({ seq: Number(r.seq), data: bytes(r.data) })),
      head: Math.max(covers, Number(all?.head ?? 0)),
      pendingBytes: Number(all?.bytes ?? 0),
    };
  }

  async appendUpdate(docName: string, generation: number, data: Uint8Array): Promise<number> {
    const row = await this.db.get<{ seq: number }>(
      "INSERT INTO encrypted_messages (doc_name, kind, generation, data) VALUES (?, 'update', ?, ?) RETURNING seq",
      [docName, generation, data],
    );
    return Number(row!.seq);
  }

  async storeSnapshot(docName: string, generation: number, covers: number, data: Uint8Array): Promise<boolean> {
    const stored = await this.db.transaction(async (tx) => {
      const head = await tx.get<{ head: number | null }>("SELECT MAX(seq) AS head FROM encrypted_messages WHERE doc_name = ? AND kind = 'update'", [docName]);
      const snap = await tx.get<{ covers: number | null }>("SELECT MAX(covers) AS covers FROM encrypted_messages WHERE doc_name = ? AND kind = 'snapshot'", [docName]);
      // Past the newest update, or behind the snapshot it would replace (it would lose what that one holds): refused.
      if (covers > Math.max(Number(head?.head ?? 0), Number(snap?.covers ?? 0)) || covers < Number(snap?.covers ?? 0)) return false;
      await tx.run("DELETE FROM encrypted_messages WHERE doc_name = ? AND (kind = 'snapshot' OR seq <= ?)", [docName, covers]);
      await tx.run("INSERT INTO encrypted_messages (doc_name, kind, generation, covers, data) VALUES (?, 'snapshot', ?, ?, ?)", [docName, generation, covers, data]);
      return true;
    });
    if (stored) this.db.eraseReplacedSoon();
    return stored;
  }

  addVersion(v: Omit<EncryptedVersionRecord, 'bytes'>, data: Uint8Array, maxCount: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // SQLite runs one write transaction at a time; PostgreSQL makers queue on the report's row.
      if (this.db.dialect === 'postgres') await tx.get('SELECT id FROM reports WHERE id = ? FOR UPDATE', [v.reportId]);
      const row = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM encrypted_versions WHERE report_id = ?', [v.reportId]);
      if (Number(row?.n ?? 0) >= maxCount) return false;
      await tx.run('INSERT INTO encrypted_versions (id, report_id, generation, maker_id, created_at, data) VALUES (?, ?, ?, ?, ?, ?)', [
        v.id, v.reportId, v.generation, v.makerId, v.createdAt, data,
      ]);
      return true;
    });
  }

  async listVersions(reportId: string): Promise<EncryptedVersionRecord[]> {
    const rows = await this.db.all<VersionRow>(`SELECT ${VERSION_META} FROM encrypted_versions WHERE report_id = ? ORDER BY created_at DESC, id DESC`, [reportId]);
    return rows.map(toVersion);
  }

  async getVersion(reportId: string, id: string): Promise<{ record: EncryptedVersionRecord; data: Uint8Array } | null> {
    const row = await this.db.get<VersionRow & { data: Uint8Array }>(`SELECT ${VERSION_META}, data FROM encrypted_versions WHERE report_id = ? AND id = ?`, [reportId, id]);
    return row ? { record: toVersion(row), data: bytes(row.data) } : null;
  }

  async deleteVersion(reportId: string, id: string): Promise<boolean> {
    const n = await this.db.run('DELETE FROM encrypted_versions WHERE report_id = ? AND id = ?', [reportId, id]);
    if (n > 0) this.db.eraseReplacedSoon();
    return n > 0;
  }
}
