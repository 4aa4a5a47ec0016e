/** Versions: the full state of a report's two documents at a moment, with who made it and why. */
import { isVersionKind } from '../../../../shared/api/versionKinds.ts';
import type { VersionRecord, VersionStore } from '../Storage.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

export interface VersionRow {
  id: string;
  report_id: string;
  name: string;
  auto: number;
  kind: string;
  author_id: string | null;
  author_name: string;
  created_at: string;
  bytes: number;
  content?: Buffer;
  discussion?: Buffer;
}

const COLUMNS = 'id, report_id, name, auto, kind, author_id, author_name, created_at';
export const VERSION_META = `${COLUMNS}, LENGTH(content) + LENGTH(discussion) AS bytes`;

export function toVersionRecord(r: VersionRow): VersionRecord {
  const auto = Number(r.auto) === 1;
  return {
    id: r.id,
    reportId: r.report_id,
    name: r.name,
    auto,
    kind: isVersionKind(r.kind) ? r.kind : auto ? 'session-end' : 'named',
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
    bytes: Number(r.bytes),
  };
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class SqlVersionStore implements VersionStore {
  constructor(private readonly db: SqlDriver) {}

  private insert(tx: SqlExecutor, v: VersionRecord, content: Uint8Array, discussion: Uint8Array): Promise<number> {
    return tx.run(`INSERT INTO versions (${COLUMNS}, content, discussion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      v.id,
      v.reportId,
      v.name,
      v.auto ? 1 : 0,
      v.kind,
      v.authorId,
      v.authorName,
      v.createdAt,
      content,
      discussion,
    ]);
  }

  async create(v: VersionRecord, content: Uint8Array, discussion: Uint8Array): Promise<void> {
    await this.insert(this.db, v, content, discussion);
  }

  createUnlessNewerThan(v: VersionRecord, content: Uint8Array, discussion: Uint8Array, since: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // SQLite runs one write transaction at a time; PostgreSQL nodes queue on the report's row.
      if (this.db.dialect === 'postgres') await tx.get('SELECT id FROM reports WHERE id = ? FOR UPDATE', [v.reportId]);
      const newer = await tx.get('SELECT id FROM versions WHERE report_id = ? AND created_at > ? LIMIT 1', [v.reportId, since]);
      if (newer) return false;
      await this.insert(tx, v, content, discussion);
      return true;
    });
  }

  async delete(reportId: string, versionIds: string[]): Promise<number> {
    if (versionIds.length === 0) return 0;
    const n = await this.db.run(`DELETE FROM versions WHERE report_id = ? AND id IN (${versionIds.map(() => '?').join(', ')})`, [reportId, ...versionIds]);
    // Thinning and making room drop versions in the background: their old pages leave the write-ahead log too.
    if (n > 0) this.db.eraseReplacedSoon();
    return n;
  }

  async list(reportId: string): Promise<VersionRecord[]> {
    const rows = await this.db.all<VersionRow>(`SELECT ${VERSION_META} FROM versions WHERE report_id = ? ORDER BY created_at DESC, id`, [reportId]);
    return rows.map(toVersionRecord);
  }

  async get(reportId: string, versionId: string) {
    const r = await this.db.get<VersionRow>(`SELECT ${VERSION_META}, content, discussion FROM versions WHERE report_id = ? AND id = ?`, [reportId, versionId]);
    return r ? { ...toVersionRecord(r), content: bytes(r.content!), discussion: bytes(r.discussion!) } : null;
  }

  async latest(reportId: string) {
    const r = await this.db.get<VersionRow>(`SELECT ${VERSION_META}, content FROM versions WHERE report_id = ? ORDER BY created_at DESC, id LIMIT 1`, [reportId]);
    return r ? { ...toVersionRecord(r), content: bytes(r.content!) } : null;
  }
}
