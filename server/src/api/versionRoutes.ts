/** /api/reports/:id/versions: name, list, read, compare, restore and delete versions. */
import { validateName } from '../../../shared/api/validate.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { VersionService } from '../versions/VersionService.ts';
import { ensure } from './validation.ts';

export function registerVersionRoutes(router: Router, deps: { access: ReportAccess; versions: VersionService }, config: Config): void {
  const { access, versions } = deps;
  const reportId = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    return raw;
  };

  router.on('POST', '/api/reports/:id/versions', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'editor');
    const name = ensure(validateName(await readJsonObject(ctx.req, config.maxBodyBytes), 'name', 200));
    sendJson(ctx.res, 201, await versions.create(report.id, name, { id: user.id, name: user.name }));
  });

  router.on('GET', '/api/reports/:id/versions', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, { versions: await versions.list(report.id) });
  });

  router.on('GET', '/api/reports/:id/versions/compare', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    const from = ctx.url.searchParams.get('from');
    const to = ctx.url.searchParams.get('to') ?? 'current';
    if (!from) throw new BadRequest('missing_field', 'Give the version to compare from as ?from=<versionId>.', 'from');
    sendJson(ctx.res, 200, { from, to, sections: await versions.compare(report.id, from, to) });
  });

  router.on('GET', '/api/reports/:id/versions/:versionId/content', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, await versions.content(report.id, ctx.params.versionId!));
  });

  // Owners only: a version is the report's memory; others who can read it get 403, those who cannot 404.
  router.on('DELETE', '/api/reports/:id/versions/:versionId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'owner');
    await versions.delete(report.id, ctx.params.versionId!);
    ctx.res.writeHead(204).end();
  });

  router.on('POST', '/api/reports/:id/versions/:versionId/restore', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'editor');
    const safety = await versions.restore(report.id, ctx.params.versionId!, { id: user.id, name: user.name });
    sendJson(ctx.res, 200, { restored: ctx.params.versionId, before: safety });
  });
}
