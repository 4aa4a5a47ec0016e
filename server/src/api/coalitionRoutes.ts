/** /api/coalitions and /api/invitations: the group that writes a joint submission, its members and invitations. */
import { isRole } from '../../../shared/api/roles.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { validateName, validateOrganisations } from '../../../shared/api/validate.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import { linkBase } from '../http/publicUrl.ts';
import type { Router } from '../http/Router.ts';
import type { CoalitionMemberRecord, Storage } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';
import { ensure } from './validation.ts';

const MAX_INVITATION_HOURS = 30 * 24;

function memberView(m: CoalitionMemberRecord) {
  return { userId: m.userId, name: m.name, email: m.email, manager: m.manager, role: m.reportRole, joinedAt: m.joinedAt };
}

export function registerCoalitionRoutes(router: Router, storage: Storage, sync: SyncServer, config: Config): void {
  const coalitions = storage.coalitions;

  /** The coalition, if the caller is a member (404 otherwise: membership of other coalitions is not revealed). */
  const asMember = async (userId: string, coalitionId: string | undefined, manager = false) => {
    const coalition = coalitionId ? await coalitions.get(coalitionId) : null;
    const me = coalition ? await coalitions.member(coalition.id, userId) : null;
    if (!coalition || !me) throw new NotFound('No coalition with this id.');
    if (manager && !me.manager) throw new Forbidden('Only the coalition’s managers can do this.');
    return { coalition, me };
  };

  const full = async (coalitionId: string, me: CoalitionMemberRecord) => {
    const coalition = (await coalitions.get(coalitionId))!;
    return { ...coalition, me: memberView(me), members: (await coalitions.members(coalitionId)).map(memberView) };
  };

  router.on('POST', '/api/coalitions', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const name = ensure(validateName(body));
    const organisations = ensure(validateOrganisations(body.organisations));
    const now = new Date().toISOString();
    const id = newUuid();
    await coalitions.create({ id, name, createdBy: user.id, createdAt: now, organisations }, { userId: user.id, joinedAt: now });
    sendJson(ctx.res, 201, await full(id, (await coalitions.member(id, user.id))!));
  });

  router.on('GET', '/api/coalitions', async (ctx) => {
    const { user } = await ctx.user();
    const list = await coalitions.listForUser(user.id);
    // Each with the caller's own standing in it, so a client can tell where they may start a report.
    const withMe = await Promise.all(
      list.map(async (c) => {
        const me = await coalitions.member(c.id, user.id);
        return { ...c, me: me ? { manager: me.manager, role: me.reportRole } : null };
      }),
    );
    sendJson(ctx.res, 200, { coalitions: withMe.filter((c) => c.me !== null) });
  });

  router.on('GET', '/api/coalitions/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { coalition, me } = await asMember(user.id, ctx.params.id);
    sendJson(ctx.res, 200, await full(coalition.id, me));
  });

  router.on('PATCH', '/api/coalitions/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { coalition, me } = await asMember(user.id, ctx.params.id, true);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const fields: { name?: string; organisations?: string[] } = {};
    if (body.name !== undefined) fields.name = ensure(validateName(body));
    if (body.organisations !== undefined) fields.organisations = ensure(validateOrganisations(body.organisations));
    await coalitions.update(coalition.id, fields);
    sendJson(ctx.res, 200, await full(coalition.id, me));
  });

  router.on('POST', '/api/coalitions/:id/invitations', async (ctx) => {
    const { user } = await ctx.user();
    const { coalition } = await asMember(user.id, ctx.params.id, true);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (!isRole(body.role)) throw new BadRequest('invalid_role', '"role" must be owner, editor, reviewer or viewer.', 'role');
    let ttlMs = config.invitationTtlMs;
    if (body.expiresInHours !== undefined) {
      const hours = Number(body.expiresInHours);
      if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_INVITATION_HOURS) {
        throw new BadRequest('invalid_field', `"expiresInHours" must be between 0 and ${MAX_INVITATION_HOURS}.`, 'expiresInHours', { max: MAX_INVITATION_HOURS });
      }
      ttlMs = hours * 3600_000;
    }
    const token = newSecret();
    const now = Date.now();
    const invitation = {
      id: newUuid(),
      coalitionId: coalition.id,
      reportRole: body.role,
      createdBy: user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + ttlMs).toISOString(),
      usedAt: null,
      usedBy: null,
    };
    await coalitions.createInvitation(invitation, hashSecret(token));
    const { base, warning } = linkBase(config, ctx.req);
    sendJson(ctx.res, 201, { id: invitation.id, role: invitation.reportRole, expiresAt: invitation.expiresAt, token, url: `${base}/invite/${token}`, ...(warning ? { warning } : {}) });
  });

  /** An invitation a person may still accept, or the reason it cannot be. */
  const usable = async (token: string | undefined) => {
    const invitation = token ? await coalitions.findInvitation(hashSecret(token)) : null;
    if (!invitation) throw new NotFound('This invitation link is not valid.');
    if (invitation.usedAt) throw new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.');
    if (Date.parse(invitation.expiresAt) <= Date.now()) {
      throw new HttpError(410, 'invitation_expired', 'This invitation link has expired. Ask for a new one.');
    }
    return invitation;
  };

  // Readable without an account, so the sign-up page can say what the link is for. The token is the secret.
  router.on('GET', '/api/invitations/:token', async (ctx) => {
    const invitation = await usable(ctx.params.token);
    const coalition = (await coalitions.get(invitation.coalitionId))!;
    const inviter = await storage.accounts.getUser(invitation.createdBy);
    sendJson(ctx.res, 200, {
      coalition: { id: coalition.id, name: coalition.name, organisations: coalition.organisations },
      role: invitation.reportRole,
      invitedBy: inviter?.name ?? null,
      expiresAt: invitation.expiresAt,
    });
  });

  router.on('POST', '/api/invitations/:token/accept', async (ctx) => {
    const { user } = await ctx.user();
    // Signing up with the link joined already (POST /api/auth/signup with "invitation"): the join step that
    // follows on the invitation page answers as if it joined now.
    const claimed = ctx.params.token ? await coalitions.findInvitation(hashSecret(ctx.params.token)) : null;
    const joined = claimed?.usedBy === user.id ? await coalitions.member(claimed.coalitionId, user.id) : null;
    if (claimed && joined) {
      sendJson(ctx.res, 200, await full(claimed.coalitionId, joined));
      return;
    }
    const invitation = await usable(ctx.params.token);
    const accepted = await coalitions.acceptInvitation(invitation.id, {
      coalitionId: invitation.coalitionId,
      userId: user.id,
      manager: false,
      reportRole: invitation.reportRole,
      joinedAt: new Date().toISOString(),
    });
    if (!accepted) throw new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.');
    await sync.recheck({ userId: user.id });
    const me = (await coalitions.member(invitation.coalitionId, user.id))!;
    sendJson(ctx.res, 200, await full(invitation.coalitionId, me));
  });

  router.on('PATCH', '/api/coalitions/:id/members/:userId', async (ctx) => {
    const { user } = await ctx.user();
    const { coalition, me } = await asMember(user.id, ctx.params.id, true);
    const target = await coalitions.member(coalition.id, ctx.params.userId!);
    if (!target) throw new NotFound('No such member.');
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (body.role !== undefined && !isRole(body.role)) throw new BadRequest('invalid_role', '"role" must be owner, editor, reviewer or viewer.', 'role');
    if (body.manager !== undefined && typeof body.manager !== 'boolean') throw new BadRequest('invalid_field', '"manager" must be true or false.', 'manager', { field: 'manager' });
    // As DELETE does: the last manager cannot step down (or be stepped down) until someone else manages.
    if (body.manager === false && target.manager && (await coalitions.members(coalition.id)).filter((m) => m.manager).length === 1) {
      throw new Conflict('last_manager', 'A coalition needs a manager: make someone else a manager first.');
    }
    await coalitions.updateMember(coalition.id, target.userId, {
      ...(isRole(body.role) ? { reportRole: body.role } : {}),
      ...(typeof body.manager === 'boolean' ? { manager: body.manager } : {}),
    });
    await sync.recheck({ userId: target.userId });
    sendJson(ctx.res, 200, await full(coalition.id, me));
  });

  // A manager removes a member; anyone removes themselves (leaves).
  router.on('DELETE', '/api/coalitions/:id/members/:userId', async (ctx) => {
    const { user } = await ctx.user();
    const leaving = ctx.params.userId === user.id;
    const { coalition } = await asMember(user.id, ctx.params.id, !leaving);
    const members = await coalitions.members(coalition.id);
    const target = members.find((m) => m.userId === ctx.params.userId);
    if (!target) throw new NotFound('No such member.');
    if (target.manager && members.filter((m) => m.manager).length === 1) {
      throw new Conflict('last_manager', 'A coalition needs a manager: make someone else a manager first.');
    }
    await coalitions.removeMember(coalition.id, target.userId);
    // Their open connections to the coalition's reports lose access now, not at their next reconnect.
    await sync.recheck({ userId: target.userId });
    ctx.res.writeHead(204).end();
  });
}
