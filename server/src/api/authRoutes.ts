/** /api/auth: sign up, sign in, sign out, who am I, and personal access tokens. */
import { validateLogin, validateNewToken, validateSignup } from '../../../shared/api/validate.ts';
import { AuthError, type AuthService } from '../auth/AuthService.ts';
import { describeDevice } from '../auth/deviceName.ts';
import type { Config } from '../config.ts';
import { Conflict, Forbidden, HttpError, NotFound, TooManyRequests } from '../errors.ts';
import { clearSessionCookie, isHttps, setSessionCookie } from '../http/cookies.ts';
import { readJson, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { UserRecord } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';
import { ensure } from './validation.ts';

export function publicUser(u: UserRecord) {
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin };
}

export function mapAuthError(err: unknown): never {
  if (err instanceof AuthError) {
    if (err.code === 'too_many_attempts') throw new TooManyRequests(err.message, err.retryAfterSeconds);
    if (err.code === 'email_taken') throw new Conflict('email_taken', err.message);
    if (err.code === 'account_disabled' || err.code === 'wrong_password') throw new Forbidden(err.message, err.code);
    throw new HttpError(401, err.code, err.message);
  }
  throw err;
}

export function registerAuthRoutes(router: Router, auth: AuthService, sync: SyncServer, config: Config): void {
  router.on('POST', '/api/auth/signup', async ({ req, res }) => {
    const input = ensure(validateSignup(await readJson(req, config.maxBodyBytes)));
    const { user, token } = await auth.signup(input, describeDevice(req.headers['user-agent'])).catch(mapAuthError);
    setSessionCookie(res, token, config.sessionTtlMs, isHttps(req, config.trustProxy));
    sendJson(res, 201, { user: publicUser(user) });
  });

  router.on('POST', '/api/auth/login', async ({ req, res }) => {
    const { email, password } = ensure(validateLogin(await readJson(req, config.maxBodyBytes)));
    const { user, token } = await auth
      .login(email, password, req.socket.remoteAddress ?? 'unknown', describeDevice(req.headers['user-agent']))
      .catch(mapAuthError);
    setSessionCookie(res, token, config.sessionTtlMs, isHttps(req, config.trustProxy));
    sendJson(res, 200, { user: publicUser(user) });
  });

  router.on('POST', '/api/auth/logout', async (ctx) => {
    const principal = await ctx.principal();
    if (principal) {
      await auth.logout(principal);
      // The session ends everywhere it is used: its open sync connections close now.
      sync.closeCredential(principal.credential);
    }
    clearSessionCookie(ctx.res, isHttps(ctx.req, config.trustProxy));
    sendJson(ctx.res, 200, { signedOut: true });
  });

  // Public, like the sign-up page it serves: a new instance asks its first visitor to create the administrator.
  router.on('GET', '/api/auth/first-run', async ({ res }) => {
    sendJson(res, 200, { firstRun: await auth.isFirstRun() });
  });

  router.on('GET', '/api/auth/me', async (ctx) => {
    const { user } = await ctx.user();
    sendJson(ctx.res, 200, { user: publicUser(user) });
  });

  router.on('POST', '/api/auth/tokens', async (ctx) => {
    const principal = await ctx.user();
    // Only a signed-in browser session mints tokens: a leaked token must not be able to make itself a successor.
    if (!principal.credential.startsWith('session:')) {
      throw new Forbidden('Access tokens can only be created while signed in with a browser, not with another token.', 'token_cannot_create_tokens');
    }
    const { name, expiresInDays } = ensure(validateNewToken(await readJson(ctx.req, config.maxBodyBytes)));
    const { record, token } = await auth.createAccessToken(principal.user, name, expiresInDays);
    // The token is shown once; only its hash is kept.
    sendJson(ctx.res, 201, { ...record, token });
  });

  router.on('GET', '/api/auth/tokens', async (ctx) => {
    const principal = await ctx.user();
    sendJson(ctx.res, 200, { tokens: await auth.listAccessTokens(principal.user.id) });
  });

  router.on('DELETE', '/api/auth/tokens/:id', async (ctx) => {
    const principal = await ctx.user();
    if (!(await auth.revokeAccessToken(principal.user.id, ctx.params.id!))) throw new NotFound('No such token.');
    sync.closeCredential(`token:${ctx.params.id}`);
    ctx.res.writeHead(204).end();
  });
}
