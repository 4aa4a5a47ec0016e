/** Sign-on: which organisations have confirmed their endorsement of a report, by whom and when. */
import type { SignOnConfirmation } from '../../../../shared/report/signOn.ts';
import type { SignOnStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface Row {
  organisation: string;
  confirmed_by: string;
  confirmed_by_name: string;
  confirmed_at: string;
}

export class SqlSignOnStore implements SignOnStore {
  constructor(private readonly db: SqlDriver) {}

  async list(reportId: string): Promise<SignOnConfirmation[]> {
    const rows = await this.db.all<Row>(
      'SELECT organisation, confirmed_by, confirmed_by_name, confirmed_at FROM report_sign_ons WHERE report_id = ?',
      [reportId],
    );
    return rows.map((r) => ({ organisation: r.organisation, confirmedBy: { id: r.confirmed_by, name: r.confirmed_by_name }, confirmedAt: r.confirmed_at }));
  }

  async confirm(reportId: string, c: SignOnConfirmation): Promise<void> {
    await this.db.run(
      `INSERT INTO report_sign_ons (report_id, organisation, confirmed_by, confirmed_by_name, confirmed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (report_id, organisation) DO UPDATE SET confirmed_by = excluded.confirmed_by,
         confirmed_by_name = excluded.confirmed_by_name, confirmed_at = excluded.confirmed_at`,
      [reportId, c.organisation, c.confirmedBy.id, c.confirmedBy.name, c.confirmedAt],
    );
  }

  async withdraw(reportId: string, organisation: string): Promise<void> {
    await this.db.run('DELETE FROM report_sign_ons WHERE report_id = ? AND organisation = ?', [reportId, organisation]);
  }
}
