/** /api/admin: instance settings (the registration mode) and sign-up invitation links. Administrators only. */
import { isRegistrationMode } from '../config.ts';
import type { Registration } from '../auth/Registration.ts';
import type { Config } from '../config.ts';
import { BadRequest, Forbidden } from '../errors.ts';
import { readJson, sendJson } from '../http/json.ts';
import type { RequestContext, Router } from '../http/Router.ts';

async function asAdmin(ctx: RequestContext) {
  const principal = await ctx.user();
  if (!principal.user.isAdmin) throw new Forbidden('Only an administrator of this Rightsdraft can do this.', 'admin_only');
  return principal.user;
}

export function registerAdminRoutes(router: Router, registration: Registration, config: Config): void {
  router.on('GET', '/api/admin/settings', async (ctx) => {
    await asAdmin(ctx);
    sendJson(ctx.res, 200, { registration: await registration.mode() });
  });

  router.on('PATCH', '/api/admin/settings', async (ctx) => {
    const admin = await asAdmin(ctx);
    const body = await readJson(ctx.req, config.maxBodyBytes);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('invalid_body', 'Expected a JSON object.');
    const mode = (body as Record<string, unknown>).registration;
    if (mode !== undefined) {
      if (!isRegistrationMode(mode)) throw new BadRequest('invalid_field', '"registration" must be open, invite or closed.', 'registration');
      await registration.setMode(mode, admin.id);
    }
    sendJson(ctx.res, 200, { registration: await registration.mode() });
  });

  // A link that lets one person create an account, whatever the registration mode.
  router.on('POST', '/api/admin/invitations', async (ctx) => {
    const admin = await asAdmin(ctx);
    const { id, token, expiresAt } = await registration.createInvitation(admin.id);
    const proto = ctx.req.headers['x-forwarded-proto'] && config.trustProxy ? ctx.req.headers['x-forwarded-proto'] : 'http';
    sendJson(ctx.res, 201, { id, url: `${proto}://${ctx.req.headers.host}/signup?invitation=${token}`, expiresAt });
  });
}
