/**
 * Who holds which role on a report. The owner is owner; a direct grant on the report overrides the coalition's
 * default role (up or down); otherwise a coalition member has the role their membership gives; otherwise none.
 */
import { atLeast, type Role } from '../../../shared/api/roles.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';

export class ReportAccess {
  constructor(private readonly storage: Storage) {}

  async roleFor(userId: string, report: ReportRecord): Promise<Role | null> {
    if (report.ownerUserId === userId) return 'owner';
    const direct = (await this.storage.access.members(report.id)).find((m) => m.userId === userId);
    if (direct) return direct.role;
    if (report.coalitionId) {
      const member = await this.storage.coalitions.member(report.coalitionId, userId);
      if (member) return member.reportRole;
    }
    return null;
  }

  /**
   * The report and the caller's role, if the caller holds at least `minimum`. A report the caller may not read
   * answers 404 like a missing one, so ids reveal nothing; a reader lacking the role gets 403.
   */
  async require(userId: string, reportId: string, minimum: Role): Promise<{ report: ReportRecord; role: Role }> {
    const report = await this.storage.getReport(reportId);
    const role = report ? await this.roleFor(userId, report) : null;
    if (!report || !role) throw new NotFound('No report with this id.');
    if (!atLeast(role, minimum)) throw new Forbidden(`This needs the ${minimum} role on the report; you are ${role}.`, 'forbidden', { minimum, role });
    return { report, role };
  }
}
