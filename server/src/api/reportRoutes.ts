/**
 * /api/reports: create, list, read, read the content of, duplicate and delete reports, and the trash (deleted
 * reports wait there `TRASH_DAYS` for their owners to restore or purge them); every call checks the caller's role.
 */
import { atLeast } from '../../../shared/api/roles.ts';
import { validateCreateReport } from '../../../shared/api/validate.ts';
import { copyTitle, validateDuplicateReport } from '../../../shared/api/validateDuplicate.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { Conflict, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportService } from '../reports/ReportService.ts';
import type { TrashJob } from '../reports/TrashJob.ts';
import { coalitionForNewReport } from '../reports/newReportCoalition.ts';
import type { DeletedReportRecord, Storage } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';
import { ensure } from './validation.ts';

export function registerReportRoutes(
  router: Router,
  deps: { reports: ReportService; access: ReportAccess; storage: Storage; sync: SyncServer; trash: TrashJob },
  config: Config,
): void {
  const { reports, access, storage, sync, trash } = deps;
  /** A report in the trash the caller owns (only owners see the trash), else 404 like any unknown id. */
  const ownTrashed = async (userId: string, reportId: string): Promise<DeletedReportRecord> => {
    const report = await storage.getDeletedReport(reportId);
    if (!report || (await access.roleFor(userId, report)) !== 'owner') throw new NotFound('No report with this id in your trash.');
    return report;
  };
  const id = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    return raw;
  };

  router.on('POST', '/api/reports', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const input = ensure(validateCreateReport(body));
    // Without a language, the report is in the one its creator uses the interface in.
    input.language ??= await storage.accounts.getUserLanguage(user.id);
    const coalitionId = await coalitionForNewReport(storage.coalitions, user.id, body.coalitionId);
    const { created, report } = await reports.create(input, { userId: user.id, coalitionId });
    // The id of a report in the trash stays taken (restoring it must not collide) and says nothing about it.
    if (!created && !(await storage.getReport(report.id))) throw new Conflict('id_taken', 'This id is in use; choose another.');
    const role = await access.roleFor(user.id, report);
    // A repeated POST from someone without access must not reveal what the id holds.
    if (!role) throw new Conflict('id_taken', 'This id is in use; choose another.');
    ctx.res.setHeader('location', `/api/reports/${report.id}`);
    sendJson(ctx.res, created ? 201 : 200, { ...report, role });
  });

  router.on('GET', '/api/reports', async (ctx) => {
    const { user } = await ctx.user();
    if (ctx.url.searchParams.get('deleted') === 'true') {
      const deleted = await storage.getDeletedReports(await storage.access.reportIdsForUser(user.id));
      const own = [];
      for (const r of deleted) {
        if ((await access.roleFor(user.id, r)) === 'owner') own.push({ ...r, role: 'owner' as const, purgeAt: trash.purgeAt(r.deletedAt) });
      }
      sendJson(ctx.res, 200, { reports: own });
      return;
    }
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

  router.on('POST', '/api/reports/:id/duplicate', async (ctx) => {
    const { user } = await ctx.user();
    // Anyone who can read a report may copy it: a reader could copy its text by hand anyway.
    const { report } = await access.require(user.id, id(ctx.params.id), 'viewer');
    const input = ensure(validateDuplicateReport(await readJsonObject(ctx.req, config.maxBodyBytes)));
    // The copy stays in the coalition when the caller may start reports there; otherwise it is their own.
    const member = report.coalitionId ? await storage.coalitions.member(report.coalitionId, user.id) : null;
    const coalitionId = member && atLeast(member.reportRole, 'editor') ? report.coalitionId : null;
    const copy = await reports.duplicate(report.id, { id: newUuid(), title: input.title ?? copyTitle(report.title) }, { userId: user.id, coalitionId });
    ctx.res.setHeader('location', `/api/reports/${copy.id}`);
    sendJson(ctx.res, 201, { ...copy, role: 'owner' });
  });

  router.on('POST', '/api/reports/:id/undelete', async (ctx) => {
    const { user } = await ctx.user();
    const report = await ownTrashed(user.id, id(ctx.params.id));
    await storage.restoreReport(report.id);
    const restored = await storage.getReport(report.id);
    if (!restored) throw new NotFound('No report with this id in your trash.');
    sendJson(ctx.res, 200, { ...restored, role: await access.roleFor(user.id, restored) });
  });

  // Without ?purge=true the report goes to the trash; with it, a report already in the trash is deleted for good.
  router.on('DELETE', '/api/reports/:id', async (ctx) => {
    const { user } = await ctx.user();
    const reportId = id(ctx.params.id);
    if (ctx.url.searchParams.get('purge') === 'true') {
      const live = await storage.getReport(reportId);
      if (live && (await access.roleFor(user.id, live))) throw new Conflict('not_in_trash', 'Only a report in the trash can be deleted for good; delete it first.');
      const report = await ownTrashed(user.id, reportId);
      await reports.delete(report.id);
      ctx.res.writeHead(204).end();
      return;
    }
    const { report } = await access.require(user.id, reportId, 'owner');
    const deletedAt = new Date().toISOString();
    await reports.trash(report.id, user.id, deletedAt);
    sync.closeReport(report.id, CloseCodes.ReportDeleted.code, CloseCodes.ReportDeleted.reason);
    reports.unload(report.id);
    sendJson(ctx.res, 200, { id: report.id, deletedAt, purgeAt: trash.purgeAt(deletedAt) });
  });
}
