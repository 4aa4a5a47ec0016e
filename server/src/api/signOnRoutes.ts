/**
 * GET /api/reports/:id/sign-on (anyone who may read the report) and PATCH { organisation, status } (owners and
 * editors; reviewers and viewers 403, others 404).
 */
import { isSignOnStatus } from '../../../shared/report/signOn.ts';
import type { Config } from '../config.ts';
import { BadRequest } from '../errors.ts';
import { readJson, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { SignOnService } from '../reports/SignOnService.ts';
import { reportIdParam } from './validation.ts';

export function registerSignOnRoutes(router: Router, deps: { access: ReportAccess; signOn: SignOnService }, config: Config): void {
  const { access, signOn } = deps;

  router.on('GET', '/api/reports/:id/sign-on', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, await signOn.get(report));
  });

  router.on('PATCH', '/api/reports/:id/sign-on', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'editor');
    const body = (await readJson(ctx.req, config.maxBodyBytes)) as Record<string, unknown> | null;
    const organisation = body?.organisation;
    if (typeof organisation !== 'string' || !organisation.trim() || organisation.length > 200) {
      throw new BadRequest('invalid_organisation', '"organisation" must be the name of one of the report\'s organisations.', 'organisation');
    }
    if (!isSignOnStatus(body?.status)) throw new BadRequest('invalid_status', '"status" must be "pending" or "confirmed".', 'status');
    sendJson(ctx.res, 200, await signOn.set(report, organisation, body.status, { id: user.id, name: user.name }));
  });
}
