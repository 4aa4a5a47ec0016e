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

/** Who is calling, and through which credential (so signing out can close exactly that credential's sockets). */
export interface Principal {
  user: UserRecord;
  /** `session:<hash>` or `token:<id>`: what to revoke. */
  credential: string;
}

export class AuthError extends Error {
  constructor(
    readonly code: 'invalid_credentials' | 'too_many_attempts' | 'email_taken',
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

  private async startSession(user: UserRecord): Promise<string> {
    const token = newSecret();
    const now = Date.now();
    await this.storage.accounts.createSession({
      tokenHash: hashSecret(token),
      userId: user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.options.sessionTtlMs).toISOString(),
    });
    return token;
  }

  /** True until the instance's first account (its administrator) is made. */
  async isFirstRun(): Promise<boolean> {
    return !(await this.storage.accounts.hasUsers());
  }

  async signup(input: SignupInput): Promise<{ user: UserRecord; token: string }> {
    return this.createAccount(input, await hashPassword(input.password));
  }

  /** Create the account with a password hashed already (a sign-up confirmed by mail) and start its session. */
  async createAccount(fields: { email: string; name: string }, passwordHash: string): Promise<{ user: UserRecord; token: string }> {
    const user = await this.storage.accounts.createUser({ id: newUuid(), email: fields.email, name: fields.name, createdAt: new Date().toISOString() }, passwordHash);
    if (!user) throw new AuthError('email_taken', 'An account with this e-mail address exists already. Sign in instead.');
    this.log.info('account created', { userId: user.id, admin: user.isAdmin });
    return { user, token: await this.startSession(user) };
  }

  /** Check a password, slowed and then refused after repeated failures for the account or the address. */
  async login(email: string, password: string, address: string): Promise<{ user: UserRecord; token: string }> {
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
    await this.throttle.succeed(keys[0]!);
    const { passwordHash: _hash, ...user } = found;
    return { user, token: await this.startSession(user) };
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
    if (!user) return null;
    // Sliding expiry, written at most about once a day per session.
    const renewed = now + this.options.sessionTtlMs;
    if (renewed - Date.parse(session.expiresAt) > 24 * 3600_000) {
      await this.storage.accounts.extendSession(tokenHash, new Date(renewed).toISOString());
    }
    return { user, credential: `session:${tokenHash}` };
  }

  private async fromAccessToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
    const record = await this.storage.accounts.findAccessToken(hashSecret(token));
    if (!record) return null;
    const user = await this.storage.accounts.getUser(record.userId);
    if (!user) return null;
    const now = new Date().toISOString();
    if (!record.lastUsedAt || Date.parse(now) - Date.parse(record.lastUsedAt) > 3600_000) {
      await this.storage.accounts.touchAccessToken(record.id, now);
    }
    return { user, credential: `token:${record.id}` };
  }

  async createAccessToken(user: UserRecord, name: string): Promise<{ record: AccessTokenRecord; token: string }> {
    const token = ACCESS_TOKEN_PREFIX + newSecret();
    const record: AccessTokenRecord = { id: newUuid(), userId: user.id, name, createdAt: new Date().toISOString(), lastUsedAt: null };
    await this.storage.accounts.createAccessToken(record, hashSecret(token));
    return { record, token };
  }

  listAccessTokens(userId: string): Promise<AccessTokenRecord[]> {
    return this.storage.accounts.listAccessTokens(userId);
  }

  revokeAccessToken(userId: string, id: string): Promise<boolean> {
    return this.storage.accounts.deleteAccessToken(userId, id);
  }
}
