/** /api/reports: create, list, read, read the content of, and delete reports; every call checks the caller's role. */
import { validateCreateReport } from '../../../shared/api/validate.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { Conflict, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportService } from '../reports/ReportService.ts';
import { coalitionForNewReport } from '../reports/newReportCoalition.ts';
import type { Storage } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';
import { ensure } from './validation.ts';

export function registerReportRoutes(
  router: Router,
  deps: { reports: ReportService; access: ReportAccess; storage: Storage; sync: SyncServer },
  config: Config,
): void {
  const { reports, access, storage, sync } = deps;
  const id = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    return raw;
  };

  router.on('POST', '/api/reports', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const input = ensure(validateCreateReport(body));
    const coalitionId = await coalitionForNewReport(storage.coalitions, user.id, body.coalitionId);
    const { created, report } = await reports.create(input, { userId: user.id, coalitionId });
    const role = await access.roleFor(user.id, report);
    // A repeated POST from someone without access must not reveal what the id holds.
    if (!role) throw new Conflict('id_taken', 'This id is in use; choose another.');
    ctx.res.setHeader('location', `/api/reports/${report.id}`);
    sendJson(ctx.res, created ? 201 : 200, { ...report, role });
  });

  router.on('GET', '/api/reports', async (ctx) => {
    const { user } = await ctx.user();
    const records = await storage.getReports(await storage.access.reportIdsForUser(user.id));
    const withRoles = await Promise.all(records.map(async (r) => ({ ...r, role: await access.roleFor(user.id, r) })));
    sendJson(ctx.res, 200, { reports: withRoles });
  });

  router.on('GET', '/api/reports/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { report, role } = await access.require(user.id, id(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, { ...report, role });
  });

  router.on('GET', '/api/reports/:id/content', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, id(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, await reports.content(report.id));
  });

  router.on('DELETE', '/api/reports/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, id(ctx.params.id), 'owner');
    sync.closeReport(report.id, CloseCodes.ReportDeleted.code, CloseCodes.ReportDeleted.reason);
    await reports.delete(report.id);
    ctx.res.writeHead(204).end();
  });
}
