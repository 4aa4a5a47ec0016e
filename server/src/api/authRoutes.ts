/** /api/auth: sign up, sign in, sign out, who am I, and personal access tokens. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  validateLogin,
  validateName,
  validateNewToken,
  validatePasswordResetConfirm,
  validatePasswordResetRequest,
  validateSignup,
} from '../../../shared/api/validate.ts';
import { AuthError, DEVICE_COOKIE, parseCookies, type AuthService, type SignedIn } from '../auth/AuthService.ts';
import { describeDevice } from '../auth/deviceName.ts';
import { safeNext, type MailedSignup } from '../auth/MailedSignup.ts';
import type { PasswordReset } from '../auth/PasswordReset.ts';
import type { Registration } from '../auth/Registration.ts';
import type { Logger } from '../log.ts';
import type { Mail } from '../mail/Mail.ts';
import type { Notify } from '../mail/notify.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound, TooManyRequests } from '../errors.ts';
import { clientAddress, isLoopbackRequest } from '../http/clientAddress.ts';
import { clearSessionCookie, isHttps, setDeviceCookie, setSessionCookie } from '../http/cookies.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { UserRecord } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';
import { ensure } from './validation.ts';
import { wrapJson } from '../e2ee/e2eeRoutes.ts';

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

export interface MailParts {
  mail: Mail;
  notify: Notify;
  reset: PasswordReset;
  signups: MailedSignup;
  log: Logger;
}

/** Work done after the answer has gone out; its failure is logged, never shown to the caller. */
function afterAnswer(log: Logger, what: string, work: () => Promise<void>): void {
  setImmediate(() => void work().catch((err: unknown) => log.warn(`${what} failed`, { err })));
}

export function registerAuthRoutes(router: Router, auth: AuthService, registration: Registration, sync: SyncServer, config: Config, m: MailParts): void {
  const caller = (req: IncomingMessage) => ({ address: clientAddress(req, config.trustProxy), loopback: isLoopbackRequest(req, config.trustProxy) });
  const deviceToken = (req: IncomingMessage) => parseCookies(req.headers.cookie).get(DEVICE_COOKIE) ?? null;
  const signedIn = (req: IncomingMessage, res: ServerResponse, result: SignedIn) => {
    const secure = isHttps(req, config.trustProxy);
    setSessionCookie(res, result.token, config.sessionTtlMs, secure);
    setDeviceCookie(res, result.deviceToken, secure);
  };

  router.on('POST', '/api/auth/signup', async ({ req, res }) => {
    const body = await readJsonObject(req, config.maxBodyBytes);
    const input = ensure(validateSignup(body));
    const permit = await registration.admit(input, caller(req));
    // With mail, the same answer whether or not the address has an account: the mailbox's owner learns the rest.
    // The first account of an instance (its administrator) is created at once: there is nobody to enumerate.
    if (m.mail.configured && !permit.first) {
      sendJson(res, 202, { status: 'check_email' });
      afterAnswer(m.log, 'sign-up by mail', () => m.signups.request(input, permit, safeNext((body as { next?: unknown }).next)));
      return;
    }
    const result = await auth.signup(input, permit, deviceToken(req), describeDevice(req.headers['user-agent'])).catch(mapAuthError);
    signedIn(req, res, result);
    sendJson(res, 201, { user: publicUser(result.user) });
  });

  router.on('POST', '/api/auth/signup/confirm', async ({ req, res }) => {
    const body = (await readJsonObject(req, config.maxBodyBytes)) as { token?: unknown };
    if (typeof body.token !== 'string' || body.token.length === 0 || body.token.length > 200) {
      throw new BadRequest('invalid_token', '"token" must be the token of a confirmation link.', 'token');
    }
    const request = await m.signups.take(body.token);
    if (!request) throw new HttpError(410, 'link_expired', 'This link has expired or been used. Create your account again.');
    // The invitation it was admitted on is claimed now, with the account (410 if it was used meanwhile).
    const result = await auth.createAccount(request, request.passwordHash, { first: false, claim: request.claim }, deviceToken(req), describeDevice(req.headers['user-agent'])).catch(mapAuthError);
    signedIn(req, res, result);
    sendJson(res, 201, { user: publicUser(result.user) });
  });

  router.on('POST', '/api/auth/password-reset', async ({ req, res }) => {
    const { email } = ensure(validatePasswordResetRequest(await readJsonObject(req, config.maxBodyBytes)));
    // Answered before looking anything up: the same body, as fast, for every address.
    sendJson(res, 202, { status: 'check_email' });
    afterAnswer(m.log, 'password reset request', () => m.reset.request(email));
  });

  // Before confirming: does the account have end-to-end keys, and their recovery-code copy to wrap them again.
  router.on('POST', '/api/auth/password-reset/keys', async ({ req, res }) => {
    const body = await readJsonObject(req, config.maxBodyBytes);
    const token = typeof body.token === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(body.token) ? body.token : '';
    if (!token) throw new BadRequest('invalid_token', 'This link is not valid. Ask for a new one.', 'token');
    const keys = await m.reset.keysFor(token);
    if (keys === 'dead') throw new HttpError(410, 'link_expired', 'This link has expired or been used already. Ask for a new one.');
    sendJson(res, 200, { keys });
  });

  router.on('POST', '/api/auth/password-reset/confirm', async ({ req, res }) => {
    const body = await readJsonObject(req, config.maxBodyBytes);
    const { token, newPassword } = ensure(validatePasswordResetConfirm(body));
    const passwordWrap = body.passwordWrap === undefined ? undefined : wrapJson(body.passwordWrap, 'passwordWrap');
    const done = await m.reset.confirm(token, newPassword, passwordWrap);
    if (!done) throw new HttpError(410, 'link_expired', 'This link has expired or been used already. Ask for a new one.');
    // Every session of the account ends, and with it each open sync connection.
    for (const hash of done.endedSessions) sync.closeCredential(`session:${hash}`);
    res.writeHead(204).end();
  });

  router.on('POST', '/api/auth/login', async ({ req, res }) => {
    const { email, password } = ensure(validateLogin(await readJsonObject(req, config.maxBodyBytes)));
    const result = await auth.login(email, password, { address: clientAddress(req, config.trustProxy), deviceToken: deviceToken(req), device: describeDevice(req.headers['user-agent']) }).catch(mapAuthError);
    signedIn(req, res, result);
    if (!result.recognisedDevice) m.notify.newDevice(result.user, req);
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
    // `mail`: whether this instance sends mail (reset links, confirmations; the pages adapt what they say).
    sendJson(res, 200, { ...(await registration.status(caller(req))), mail: m.mail.configured });
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
