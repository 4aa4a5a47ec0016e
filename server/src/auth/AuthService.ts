/**
 * Accounts and sessions: sign-up, sign-in (throttled), sign-out, and resolving who is calling from the session
 * cookie or a personal access token. Sessions live on the server; the cookie holds only a random token whose
 * hash is the session's key.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { newUuid } from '../../../shared/api/uuid.ts';
import type { SignupInput } from '../../../shared/api/validate.ts';
import type { AccessTokenRecord, Storage, UserRecord } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleOptions } from './LoginThrottle.ts';
import { ACCESS_TOKEN_PREFIX, hashSecret, newSecret } from './tokens.ts';

export const SESSION_COOKIE = 'rd_session';

/** How often a session's or token's last use (and the account's last activity) is written at most. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** Who is calling, and through which credential (so signing out can close exactly that credential's sockets). */
export interface Principal {
  user: UserRecord;
  /** `session:<hash>` or `token:<id>`: what to revoke. */
  credential: string;
}

export class AuthError extends Error {
  constructor(
    readonly code: 'invalid_credentials' | 'too_many_attempts' | 'email_taken' | 'account_disabled' | 'wrong_password',
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

export interface AuthOptions {
  sessionTtlMs: number;
  throttle?: Partial<ThrottleOptions>;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      // A malformed cookie is ignored, not an error.
    }
  }
  return out;
}

export class AuthService {
  readonly throttle: LoginThrottle;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: AuthOptions,
  ) {
    this.throttle = new LoginThrottle(storage.accounts.loginFailures, { ...DEFAULT_THROTTLE, ...options.throttle });
  }

  /** `device`: a short description of the browser (see deviceName.ts), shown in the list of sessions. */
  private async startSession(user: UserRecord, device = ''): Promise<string> {
    const token = newSecret();
    const now = Date.now();
    await this.storage.accounts.createSession({
      id: newUuid(),
      tokenHash: hashSecret(token),
      userId: user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.options.sessionTtlMs).toISOString(),
      lastUsedAt: new Date(now).toISOString(),
      device,
    });
    return token;
  }

  /** True until the instance's first account (its administrator) is made. */
  async isFirstRun(): Promise<boolean> {
    return !(await this.storage.accounts.hasUsers());
  }

  async signup(input: SignupInput, device = ''): Promise<{ user: UserRecord; token: string }> {
    const user = await this.storage.accounts.createUser(
      { id: newUuid(), email: input.email, name: input.name, createdAt: new Date().toISOString() },
      await hashPassword(input.password),
    );
    if (!user) throw new AuthError('email_taken', 'An account with this e-mail address exists already. Sign in instead.');
    this.log.info('account created', { userId: user.id, admin: user.isAdmin });
    return { user, token: await this.startSession(user, device) };
  }

  /** Check a password, slowed and then refused after repeated failures for the account or the address. */
  async login(email: string, password: string, address: string, device = ''): Promise<{ user: UserRecord; token: string }> {
    const keys = [`account:${email}`, `address:${address}`];
    const verdict = await this.throttle.check(keys);
    if (verdict.refuse) {
      this.log.warn('sign-in refused after repeated failures', { address, retryAfterSeconds: verdict.retryAfterSeconds });
      throw new AuthError('too_many_attempts', 'Too many failed sign-ins. Try again later.', verdict.retryAfterSeconds);
    }
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const found = await this.storage.accounts.findUserByEmail(email);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!found || !ok) {
      await this.throttle.fail(keys);
      this.log.info('failed sign-in', { address });
      throw new AuthError('invalid_credentials', 'The e-mail address or password is not right.');
    }
    // Said only to someone who knows the password, so it reveals nothing about the account to anyone else.
    if (found.disabled) throw new AuthError('account_disabled', 'This account has been turned off by an administrator of this site.');
    await this.throttle.succeed(keys[0]!);
    const { passwordHash: _hash, ...user } = found;
    return { user, token: await this.startSession(user, device) };
  }

  /** End the credential this principal used (its session everywhere it is used; a token is revoked separately). */
  async logout(principal: Principal): Promise<void> {
    if (principal.credential.startsWith('session:')) {
      await this.storage.accounts.deleteSession(principal.credential.slice('session:'.length));
    }
  }

  /** Who sent these headers: a valid session cookie or `Authorization: Bearer <access token>`, else null. */
  async authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (bearer) return this.fromAccessToken(bearer);
    const token = parseCookies(headers.cookie).get(SESSION_COOKIE);
    if (!token) return null;
    const tokenHash = hashSecret(token);
    const session = await this.storage.accounts.getSession(tokenHash);
    const now = Date.now();
    if (!session || Date.parse(session.expiresAt) <= now) return null;
    const user = await this.storage.accounts.getUser(session.userId);
    if (!user || user.disabled) return null;
    // Sliding expiry, written at most about once a day per session.
    const renewed = now + this.options.sessionTtlMs;
    if (renewed - Date.parse(session.expiresAt) > 24 * 3600_000) {
      await this.storage.accounts.extendSession(tokenHash, new Date(renewed).toISOString());
    }
    // Last use, for the list of sessions, written at most every few minutes.
    if (now - Date.parse(session.lastUsedAt) > TOUCH_EVERY_MS) await this.storage.accounts.touchSession(tokenHash, new Date(now).toISOString());
    return { user, credential: `session:${tokenHash}` };
  }

  private async fromAccessToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
    const record = await this.storage.accounts.findAccessToken(hashSecret(token));
    if (!record || Date.parse(record.expiresAt) <= Date.now()) return null;
    const user = await this.storage.accounts.getUser(record.userId);
    if (!user || user.disabled) return null;
    const now = new Date().toISOString();
    if (!record.lastUsedAt || Date.parse(now) - Date.parse(record.lastUsedAt) > TOUCH_EVERY_MS) {
      await this.storage.accounts.touchAccessToken(record.id, now);
    }
    return { user, credential: `token:${record.id}` };
  }

  async createAccessToken(user: UserRecord, name: string, expiresInDays = 90): Promise<{ record: AccessTokenRecord; token: string }> {
    const token = ACCESS_TOKEN_PREFIX + newSecret();
    const now = Date.now();
    const record: AccessTokenRecord = {
      id: newUuid(),
      userId: user.id,
      name,
      createdAt: new Date(now).toISOString(),
      lastUsedAt: null,
      expiresAt: new Date(now + expiresInDays * 86_400_000).toISOString(),
    };
    await this.storage.accounts.createAccessToken(record, hashSecret(token));
    return { record, token };
  }

  listAccessTokens(userId: string): Promise<AccessTokenRecord[]> {
    return this.storage.accounts.listAccessTokens(userId);
  }

  revokeAccessToken(userId: string, id: string): Promise<boolean> {
    return this.storage.accounts.deleteAccessToken(userId, id);
  }

  /**
   * Confirm a signed-in person's password before a change that needs it (new password, deleting the account),
   * counted against the same limits as signing in, so a stolen session cannot guess it faster.
   */
  async confirmPassword(user: UserRecord, password: string, address: string): Promise<void> {
    const keys = [`account:${user.email}`, `address:${address}`];
    const verdict = await this.throttle.check(keys);
    if (verdict.refuse) throw new AuthError('too_many_attempts', 'Too many wrong passwords. Try again later.', verdict.retryAfterSeconds);
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const stored = await this.storage.accounts.getPasswordHash(user.id);
    if (!stored || !(await verifyPassword(password, stored))) {
      await this.throttle.fail(keys);
      this.log.info('wrong password confirming an account change', { userId: user.id, address });
      throw new AuthError('wrong_password', 'That is not your current password.');
    }
    await this.throttle.succeed(keys[0]!);
  }

  /** Set a new password (after confirmPassword). */
  async setPassword(user: UserRecord, password: string): Promise<void> {
    await this.storage.accounts.setPasswordHash(user.id, await hashPassword(password));
    this.log.info('password changed', { userId: user.id });
  }
}
