/** Direct grants of a role on one report, and which reports a user can reach at all. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { ReportAccessStore, ReportMemberRecord } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

export class SqlReportAccessStore implements ReportAccessStore {
  constructor(private readonly db: SqlDriver) {}

  async members(reportId: string): Promise<ReportMemberRecord[]> {
    const rows = await this.db.all<{ report_id: string; user_id: string; role: string; added_at: string }>(
      'SELECT * FROM report_members WHERE report_id = ? ORDER BY added_at, user_id',
      [reportId],
    );
    return rows.map((r) => ({ reportId: r.report_id, userId: r.user_id, role: r.role as Role, addedAt: r.added_at }));
  }

  async setMember(m: ReportMemberRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO report_members (report_id, user_id, role, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role`,
      [m.reportId, m.userId, m.role, m.addedAt],
    );
  }

  async removeMember(reportId: string, userId: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM report_members WHERE report_id = ? AND user_id = ?', [reportId, userId])) > 0;
  }

  async reportIdsForUser(userId: string): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>(
      `SELECT id FROM reports WHERE owner_user_id = ?
       UNION SELECT report_id AS id FROM report_members WHERE user_id = ?
       UNION SELECT r.id FROM reports r JOIN coalition_members m ON m.coalition_id = r.coalition_id WHERE m.user_id = ?`,
      [userId, userId, userId],
    );
    return rows.map((r) => r.id);
  }
}
