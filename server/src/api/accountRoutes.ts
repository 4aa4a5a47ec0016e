/**
 * /api/auth: what a signed-in person manages about their own account: a new password, their sessions, a copy of
 * everything held about them, and deleting the account. These need a browser session (a token is for tools).
 */
import { clientAddress } from '../http/clientAddress.ts';
import type { Notify } from '../mail/notify.ts';
import type { SessionsResponse } from '../../../shared/api/accountTypes.ts';
import { validatePasswordChange, validatePasswordConfirmation } from '../../../shared/api/validate.ts';
import { AccountService } from '../accounts/AccountService.ts';
import { exportAccount } from '../accounts/accountExport.ts';
import type { AuthService, Principal } from '../auth/AuthService.ts';
import type { Config } from '../config.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { Conflict, Forbidden, NotFound, TooManyRequests } from '../errors.ts';
import { clearSessionCookie, isHttps } from '../http/cookies.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { RequestContext, Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';
import { mapAuthError } from './authRoutes.ts';
import { ensure } from './validation.ts';

/** Session ids are random UUIDs (32 hex characters for sessions from before they had ids). */
const SESSION_ID = /^[0-9a-f-]{32,36}$/;

/** The caller, who must have signed in with a browser session; returns the session's token hash too. */
async function sessionUser(ctx: RequestContext): Promise<Principal & { sessionHash: string }> {
  const principal = await ctx.user();
  const sessionHash = AccountService.sessionHash(principal.credential);
  if (!sessionHash) throw new Forbidden('Manage your account while signed in with a browser, not with an access token.', 'session_required');
  return { ...principal, sessionHash };
}

export function registerAccountRoutes(
  router: Router,
  deps: { auth: AuthService; accounts: AccountService; storage: Storage; access: ReportAccess; registry: DocumentRegistry; notify: Notify },
  config: Config,
): void {
  const { auth, accounts } = deps;
  const address = (ctx: RequestContext) => clientAddress(ctx.req, config.trustProxy);
  /** One export at a time per person on this node: it reads every report they can reach. */
  const exporting = new Set<string>();

  router.on('POST', '/api/auth/password', async (ctx) => {
    const { user, sessionHash } = await sessionUser(ctx);
    const { currentPassword, newPassword } = ensure(validatePasswordChange(await readJsonObject(ctx.req, config.maxBodyBytes)));
    await auth.confirmPassword(user, currentPassword, address(ctx)).catch(mapAuthError);
    await auth.setPassword(user, newPassword);
    // Whoever else was signed in as this person is signed out, and their open connections close.
    await accounts.endOtherSessions(user.id, sessionHash);
    // The owner of the address hears of it (with mail configured), in case it was not them.
    deps.notify.passwordChanged(user);
    ctx.res.writeHead(204).end();
  });

  router.on('GET', '/api/auth/sessions', async (ctx) => {
    const { user, sessionHash } = await sessionUser(ctx);
    const sessions = await accounts.listSessions(user.id);
    const body: SessionsResponse = {
      sessions: sessions.map((s) => ({ id: s.id, current: s.tokenHash === sessionHash, createdAt: s.createdAt, lastUsedAt: s.lastUsedAt, device: s.device })),
    };
    sendJson(ctx.res, 200, body);
  });

  router.on('DELETE', '/api/auth/sessions/:id', async (ctx) => {
    const { user, sessionHash } = await sessionUser(ctx);
    const id = ctx.params.id!;
    const ended = SESSION_ID.test(id) ? await accounts.endSession(user.id, id) : null;
    if (!ended) throw new NotFound('You have no session with this id.');
    // Ending the session this request came from is signing out.
    if (ended === sessionHash) clearSessionCookie(ctx.res, isHttps(ctx.req, config.trustProxy));
    ctx.res.writeHead(204).end();
  });

  router.on('DELETE', '/api/auth/sessions', async (ctx) => {
    const { user, sessionHash } = await sessionUser(ctx);
    await accounts.endOtherSessions(user.id, sessionHash);
    ctx.res.writeHead(204).end();
  });

  router.on('GET', '/api/auth/me/export', async (ctx) => {
    const { user, sessionHash } = await sessionUser(ctx);
    if (exporting.has(user.id)) throw new TooManyRequests('A copy of your data is being prepared already. Try again in a moment.', 5);
    exporting.add(user.id);
    try {
      const data = await exportAccount(deps, user, sessionHash);
      const payload = JSON.stringify(data, null, 2);
      ctx.res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
        'content-disposition': `attachment; filename="rightsdraft-my-data-${data.exportedAt.slice(0, 10)}.json"`,
        'cache-control': 'no-store',
      });
      ctx.res.end(payload);
    } finally {
      exporting.delete(user.id);
    }
  });

  router.on('DELETE', '/api/auth/me', async (ctx) => {
    const { user } = await sessionUser(ctx);
    const { password } = ensure(validatePasswordConfirmation(await readJsonObject(ctx.req, config.maxBodyBytes)));
    await auth.confirmPassword(user, password, address(ctx)).catch(mapAuthError);
    const { blockers, transfers } = await accounts.deletionPlan(user);
    if (blockers.length > 0) {
      // One blocker is worded from its params by the client; several are said together, in the server's words.
      const params = blockers.length === 1 && 'params' in blockers[0]! ? blockers[0].params : undefined;
      throw new Conflict(blockers[0]!.code, blockers.map((b) => b.message).join(' '), params);
    }
    await accounts.deleteAccount(user, transfers);
    clearSessionCookie(ctx.res, isHttps(ctx.req, config.trustProxy));
    ctx.res.writeHead(204).end();
  });
}
