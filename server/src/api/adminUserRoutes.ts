/** /api/admin/users: administrators see every account and turn accounts off (and on again). */
import type { AdminUserView } from '../../../shared/api/accountTypes.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { RequestContext, Router } from '../http/Router.ts';
import type { AdminUserRecord } from '../storage/Storage.ts';

function adminView(u: AdminUserRecord): AdminUserView {
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, disabled: u.disabled, createdAt: u.createdAt, lastSeenAt: u.lastSeenAt };
}

async function requireAdmin(ctx: RequestContext) {
  const principal = await ctx.user();
  if (!principal.user.isAdmin) throw new Forbidden('Only an administrator of this site can do this.', 'not_admin');
  return principal;
}

export function registerAdminUserRoutes(router: Router, deps: { accounts: AccountService }, config: Config): void {
  const { accounts } = deps;

  router.on('GET', '/api/admin/users', async (ctx) => {
    await requireAdmin(ctx);
    sendJson(ctx.res, 200, { users: (await accounts.listUsers()).map(adminView) });
  });

  router.on('PATCH', '/api/admin/users/:id', async (ctx) => {
    const { user } = await requireAdmin(ctx);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('invalid_body', 'Expected a JSON object.');
    const disabled = (body as Record<string, unknown>).disabled;
    if (typeof disabled !== 'boolean') throw new BadRequest('invalid_field', '"disabled" must be true or false.', 'disabled', { field: 'disabled' });
    const id = ctx.params.id!;
    if (id === user.id && disabled) throw new Conflict('cannot_disable_self', 'You cannot turn off your own account.');
    const updated = await accounts.setDisabled(id, disabled);
    if (!updated) throw new NotFound('No account with this id.');
    sendJson(ctx.res, 200, { user: adminView(updated) });
  });
}
