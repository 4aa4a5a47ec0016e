/** Versions: the full state of a report's two documents at a moment, with who made it and why. */
import type { VersionRecord, VersionStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface Row {
  id: string;
  report_id: string;
  name: string;
  auto: number;
  author_id: string | null;
  author_name: string;
  created_at: string;
  content?: Buffer;
  discussion?: Buffer;
}

const META = 'id, report_id, name, auto, author_id, author_name, created_at';

function toRecord(r: Row): VersionRecord {
  return {
    id: r.id,
    reportId: r.report_id,
    name: r.name,
    auto: Number(r.auto) === 1,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
  };
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class SqlVersionStore implements VersionStore {
  constructor(private readonly db: SqlDriver) {}

  async create(v: VersionRecord, content: Uint8Array, discussion: Uint8Array): Promise<void> {
    await this.db.run(
      `INSERT INTO versions (${META}, content, discussion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.id, v.reportId, v.name, v.auto ? 1 : 0, v.authorId, v.authorName, v.createdAt, content, discussion],
    );
  }

  async list(reportId: string): Promise<VersionRecord[]> {
    const rows = await this.db.all<Row>(`SELECT ${META} FROM versions WHERE report_id = ? ORDER BY created_at DESC, id`, [reportId]);
    return rows.map(toRecord);
  }

  async get(reportId: string, versionId: string) {
    const r = await this.db.get<Row>(`SELECT ${META}, content, discussion FROM versions WHERE report_id = ? AND id = ?`, [reportId, versionId]);
    return r ? { ...toRecord(r), content: bytes(r.content!), discussion: bytes(r.discussion!) } : null;
  }

  async latest(reportId: string) {
    const r = await this.db.get<Row>(`SELECT ${META}, content FROM versions WHERE report_id = ? ORDER BY created_at DESC, id LIMIT 1`, [reportId]);
    return r ? { ...toRecord(r), content: bytes(r.content!) } : null;
  }
}
