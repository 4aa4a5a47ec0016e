/** Witnesses' real names and contacts, per report and testimony record (docs/security/testimony.md). */
import type { TestimonyContact, TestimonyContactStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface Row {
  testimony_id: string;
  real_name: string;
  contact: string;
  updated_by: string;
  updated_at: string;
}

export class SqlTestimonyContactStore implements TestimonyContactStore {
  constructor(private readonly db: SqlDriver) {}

  async list(reportId: string): Promise<TestimonyContact[]> {
    const rows = await this.db.all<Row>(
      'SELECT testimony_id, real_name, contact, updated_by, updated_at FROM testimony_contacts WHERE report_id = ? ORDER BY testimony_id',
      [reportId],
    );
    return rows.map((r) => ({ testimonyId: r.testimony_id, realName: r.real_name, contact: r.contact, updatedBy: r.updated_by, updatedAt: r.updated_at }));
  }

  async put(reportId: string, c: TestimonyContact): Promise<void> {
    await this.db.run(
      `INSERT INTO testimony_contacts (report_id, testimony_id, real_name, contact, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (report_id, testimony_id) DO UPDATE SET real_name = excluded.real_name, contact = excluded.contact,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [reportId, c.testimonyId, c.realName, c.contact, c.updatedBy, c.updatedAt],
    );
  }

  async remove(reportId: string, testimonyId: string): Promise<boolean> {
    const removed = await this.db.run('DELETE FROM testimony_contacts WHERE report_id = ? AND testimony_id = ?', [reportId, testimonyId]);
    // A removed real name must not stay readable in SQLite's write-ahead log.
    if (removed > 0) await this.db.eraseDeleted();
    return removed > 0;
  }

  async count(reportId: string): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM testimony_contacts WHERE report_id = ?', [reportId]);
    return Number(row?.n ?? 0);
  }
}
