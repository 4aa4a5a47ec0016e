/** /api/auth: sign up, sign in, sign out, who am I, and personal access tokens. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateLogin, validateName, validateNewToken, validateSignup } from '../../../shared/api/validate.ts';
import { AuthError, DEVICE_COOKIE, parseCookies, type AuthService, type SignedIn } from '../auth/AuthService.ts';
import { describeDevice } from '../auth/deviceName.ts';
import type { Registration } from '../auth/Registration.ts';
import type { Config } from '../config.ts';
import { Conflict, Forbidden, HttpError, NotFound, TooManyRequests } from '../errors.ts';
import { clientAddress, isLoopbackRequest } from '../http/clientAddress.ts';
import { clearSessionCookie, isHttps, setDeviceCookie, setSessionCookie } from '../http/cookies.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
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
    if (err.code === 'email_taken' || err.code === 'first_account_exists') throw new Conflict(err.code, err.message);
    if (err.code === 'invitation_used') throw new HttpError(410, err.code, err.message);
    if (err.code === 'setup_link_required' || err.code === 'account_disabled' || err.code === 'wrong_password') throw new Forbidden(err.message, err.code);
    throw new HttpError(401, err.code, err.message);
  }
  throw err;
}

export function registerAuthRoutes(router: Router, auth: AuthService, registration: Registration, sync: SyncServer, config: Config): void {
  const caller = (req: IncomingMessage) => ({ address: clientAddress(req, config.trustProxy), loopback: isLoopbackRequest(req, config.trustProxy) });
  const deviceToken = (req: IncomingMessage) => parseCookies(req.headers.cookie).get(DEVICE_COOKIE) ?? null;
  const signedIn = (req: IncomingMessage, res: ServerResponse, result: SignedIn) => {
    const secure = isHttps(req, config.trustProxy);
    setSessionCookie(res, result.token, config.sessionTtlMs, secure);
    setDeviceCookie(res, result.deviceToken, secure);
  };

  router.on('POST', '/api/auth/signup', async ({ req, res }) => {
    const input = ensure(validateSignup(await readJsonObject(req, config.maxBodyBytes)));
    const permit = await registration.admit(input, caller(req));
    const result = await auth.signup(input, permit, deviceToken(req), describeDevice(req.headers['user-agent'])).catch(mapAuthError);
    signedIn(req, res, result);
    sendJson(res, 201, { user: publicUser(result.user) });
  });

  router.on('POST', '/api/auth/login', async ({ req, res }) => {
    const { email, password } = ensure(validateLogin(await readJsonObject(req, config.maxBodyBytes)));
    const result = await auth.login(email, password, { address: clientAddress(req, config.trustProxy), deviceToken: deviceToken(req), device: describeDevice(req.headers['user-agent']) }).catch(mapAuthError);
    signedIn(req, res, result);
    sendJson(res, 200, { user: publicUser(result.user) });
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

  // Public, like the sign-up page it serves: whether the administrator's account is still to be made (and whether
  // this caller needs the setup link for it), and who may sign up.
  router.on('GET', '/api/auth/first-run', async ({ req, res }) => {
    sendJson(res, 200, await registration.status(caller(req)));
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
    const { name, expiresInDays } = ensure(validateNewToken(await readJsonObject(ctx.req, config.maxBodyBytes)));
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
