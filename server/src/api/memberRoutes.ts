/** /api/reports/:id/members: who holds which role on a report; owners grant and withdraw direct roles. */
import { isRole, type Role } from '../../../shared/api/roles.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';

interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  via: 'owner' | 'direct' | 'coalition';
}

/** Everyone with a role on the report, each once, with the role that applies to them. */
async function effectiveMembers(storage: Storage, access: ReportAccess, report: ReportRecord): Promise<MemberView[]> {
  const byUser = new Map<string, MemberView['via']>();
  if (report.ownerUserId) byUser.set(report.ownerUserId, 'owner');
  for (const m of await storage.access.members(report.id)) if (!byUser.has(m.userId)) byUser.set(m.userId, 'direct');
  if (report.coalitionId) {
    for (const m of await storage.coalitions.members(report.coalitionId)) if (!byUser.has(m.userId)) byUser.set(m.userId, 'coalition');
  }
  const out: MemberView[] = [];
  for (const [userId, via] of byUser) {
    const [user, role] = await Promise.all([storage.accounts.getUser(userId), access.roleFor(userId, report)]);
    if (user && role) out.push({ userId, name: user.name, email: user.email, role, via });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function registerMemberRoutes(
  router: Router,
  deps: { access: ReportAccess; storage: Storage; sync: SyncServer },
  config: Config,
): void {
  const { access, storage, sync } = deps;
  const reportId = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    return raw;
  };

  router.on('GET', '/api/reports/:id/members', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, { members: await effectiveMembers(storage, access, report) });
  });

  router.on('POST', '/api/reports/:id/members', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'owner');
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (!isRole(body.role)) throw new BadRequest('invalid_role', '"role" must be owner, editor, reviewer or viewer.', 'role');
    if (typeof body.email !== 'string' || !body.email.trim()) throw new BadRequest('missing_field', '"email" is required.', 'email');
    const target = await storage.accounts.findUserByEmail(body.email.trim().toLowerCase());
    if (!target) {
      throw new BadRequest('unknown_user', 'No account uses this e-mail address. Invite them to the coalition, or ask them to sign up first.', 'email');
    }
    if (target.id === report.ownerUserId) throw new Conflict('is_owner', 'This person owns the report already.');
    await storage.access.setMember({ reportId: report.id, userId: target.id, role: body.role, addedAt: new Date().toISOString() });
    await sync.recheck({ userId: target.id, reportId: report.id });
    sendJson(ctx.res, 201, { userId: target.id, name: target.name, email: target.email, role: body.role, via: 'direct' });
  });

  router.on('DELETE', '/api/reports/:id/members/:userId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'owner');
    const target = ctx.params.userId!;
    if (target === report.ownerUserId) throw new Conflict('is_owner', 'The owner cannot be removed from their report.');
    if (!(await storage.access.removeMember(report.id, target))) throw new NotFound('This person has no direct role on the report.');
    // Takes effect on their open connections at once.
    await sync.recheck({ userId: target, reportId: report.id });
    ctx.res.writeHead(204).end();
  });
}
