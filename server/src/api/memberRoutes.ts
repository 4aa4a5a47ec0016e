/** /api/reports/:id/members: who holds which role on a report; owners grant and withdraw direct roles. */
import { isRole, type Role } from '../../../shared/api/roles.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, HttpError, NotFound } from '../errors.ts';
import type { Mail } from '../mail/Mail.ts';
import { languageFor, reportInvitationMail } from '../mail/texts.ts';
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
export async function effectiveMembers(storage: Storage, access: ReportAccess, report: ReportRecord): Promise<MemberView[]> {
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

export const REPORT_INVITATION_TTL_MS = 7 * 24 * 3600_000;

export function registerMemberRoutes(
  router: Router,
  deps: { access: ReportAccess; storage: Storage; sync: SyncServer; mail: Mail },
  config: Config,
): void {
  const { access, storage, sync, mail } = deps;
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
    if (typeof body.email !== 'string' || !body.email.trim()) throw new BadRequest('missing_field', '"email" is required.', 'email', { field: 'email' });
    const email = body.email.trim().toLowerCase();
    const target = await storage.accounts.findUserByEmail(email);
    // Someone who holds a role on the report already is in the member list the owner sees: their role changes
    // at once. Anyone else, with mail configured, gets the same answer and an invitation, account or not.
    const onReport = target ? (await access.roleFor(target.id, report)) !== null : false;
    if (mail.configured && !onReport) {
      // The same answer whether or not the address has an account: everyone added by address gets an invitation
      // link by mail and appears among the members once they accept it.
      if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadRequest('invalid_email', 'Enter a valid e-mail address.', 'email');
      const token = newSecret();
      const now = Date.now();
      await storage.mail.createReportInvitation(
        {
          id: newUuid(),
          reportId: report.id,
          email,
          role: body.role,
          createdBy: user.id,
          createdAt: new Date(now).toISOString(),
          expiresAt: new Date(now + REPORT_INVITATION_TTL_MS).toISOString(),
          usedAt: null,
          usedBy: null,
        },
        hashSecret(token),
      );
      mail.sendLater(
        email,
        reportInvitationMail(languageFor(null), { inviterName: user.name, reportTitle: report.title, role: body.role, link: mail.links.reportInvitation(token) }),
        { mail: 'report invitation', reportId: report.id },
      );
      sendJson(ctx.res, 202, { status: 'invited', email, role: body.role });
      return;
    }
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

  /** An invitation by mail that may still be accepted, or the reason it cannot. The token comes in the body. */
  const usableInvitation = async (body: unknown) => {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) throw new BadRequest('invalid_token', '"token" must be the token of an invitation link.', 'token');
    const invitation = await storage.mail.findReportInvitation(hashSecret(token));
    if (!invitation) throw new NotFound('This invitation link is not valid.');
    if (invitation.usedAt) throw new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.');
    if (Date.parse(invitation.expiresAt) <= Date.now()) throw new HttpError(410, 'invitation_expired', 'This invitation link has expired. Ask for a new one.');
    const report = await storage.getReport(invitation.reportId);
    if (!report) throw new NotFound('This invitation link is not valid.');
    return { invitation, report };
  };

  // Readable without an account (the page says what the link is for, then offers sign-in or sign-up).
  router.on('POST', '/api/report-invitations/lookup', async (ctx) => {
    const { invitation, report } = await usableInvitation(await readJsonObject(ctx.req, config.maxBodyBytes));
    const inviter = await storage.accounts.getUser(invitation.createdBy);
    sendJson(ctx.res, 200, { report: { id: report.id, title: report.title }, role: invitation.role, invitedBy: inviter?.name ?? null, expiresAt: invitation.expiresAt });
  });

  router.on('POST', '/api/report-invitations/accept', async (ctx) => {
    const { user } = await ctx.user();
    const { invitation, report } = await usableInvitation(await readJsonObject(ctx.req, config.maxBodyBytes));
    if (user.id === report.ownerUserId) throw new Conflict('is_owner', 'You own this report already.');
    const accepted = await storage.mail.acceptReportInvitation(invitation.id, { reportId: report.id, userId: user.id, role: invitation.role, addedAt: new Date().toISOString() });
    if (!accepted) throw new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.');
    await sync.recheck({ userId: user.id, reportId: report.id });
    sendJson(ctx.res, 200, { reportId: report.id, role: invitation.role });
  });
}
