/**
 * Accounts and sessions: sign-up, sign-in (throttled), sign-out, and resolving who is calling from the session
 * cookie or a personal access token. Sessions live on the server; the cookie holds only a random token whose
 * hash is the session's key. A browser that signed in gets a device cookie too (only its hash is stored), so
 * it keeps its own sign-in allowance when someone elsewhere guesses the account's password.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { newUuid } from '../../../shared/api/uuid.ts';
import type { SignupInput } from '../../../shared/api/validate.ts';
import type { AccessTokenRecord, SignupClaim, Storage, UserRecord } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleOptions } from './LoginThrottle.ts';
import { ACCESS_TOKEN_PREFIX, hashSecret, newSecret } from './tokens.ts';
import { metrics } from '../metrics/metrics.ts';

export const SESSION_COOKIE = 'rd_session';
/** Marks a browser that signed in before (see `recognisedDevice`). */
export const DEVICE_COOKIE = 'rd_device';

/** A device cookie unused this long is forgotten. */
const DEVICE_FORGET_MS = 400 * 24 * 3600_000;

/** What sign-up was allowed on (see Registration.admit). */
export interface SignupPermit {
  first: boolean;
  claim: SignupClaim | null;
}

/** A successful sign-in or sign-up: the session, the device cookie to (re)set, and whether the device was known. */
export interface SignedIn {
  user: UserRecord;
  token: string;
  deviceToken: string;
  /** The browser had signed in to this account before (for "new sign-in from a new device" notices). */
  recognisedDevice: boolean;
}

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
    readonly code:
      | 'invalid_credentials'
      | 'too_many_attempts'
      | 'email_taken'
      | 'account_disabled'
      | 'wrong_password'
      | 'invitation_used'
      | 'first_account_exists'
      | 'setup_link_required',
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
    this.throttle = new LoginThrottle(storage.accounts.attempts, { ...DEFAULT_THROTTLE, ...options.throttle });
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

  /** Create an account on what Registration.admit allowed, claiming its invitation in the same transaction. */
  async signup(input: SignupInput, permit: SignupPermit, deviceToken: string | null = null, device = ''): Promise<SignedIn> {
    return this.createAccount(input, await hashPassword(input.password), permit, deviceToken, device);
  }

  /** Create the account with its password hashed already (a sign-up confirmed by mail hashed it when asked). */
  async createAccount(
    fields: { email: string; name: string },
    passwordHash: string,
    permit: SignupPermit,
    deviceToken: string | null = null,
    device = '',
  ): Promise<SignedIn> {
    const now = new Date().toISOString();
    const result = await this.storage.accounts.createUserWith(
      { id: newUuid(), email: fields.email, name: fields.name, createdAt: now },
      passwordHash,
      { first: permit.first, claim: permit.claim, now },
    );
    if (!result.created) {
      switch (result.reason) {
        case 'email_taken':
          throw new AuthError('email_taken', 'An account with this e-mail address exists already. Sign in instead.');
        case 'invitation_used':
          throw new AuthError('invitation_used', 'This invitation link has been used already, or has expired. Ask for a new one.');
        case 'first_account_exists':
          throw new AuthError('first_account_exists', 'The administrator account was created meanwhile. Sign in, or ask the administrator for an invitation.');
        case 'not_first_account':
          throw new AuthError('setup_link_required', 'This Rightsdraft has no account yet: create the first one on the server itself or with its setup link.');
      }
    }
    const { user } = result;
    this.log.info('account created', { userId: user.id, admin: user.isAdmin, invitation: permit.claim?.kind ?? null });
    return { user, token: await this.startSession(user, device), deviceToken: await this.rememberDevice(user.id, deviceToken), recognisedDevice: false };
  }

  /**
   * Check a password. The attempt is counted before the check (LoginThrottle): per account and per address, or,
   * from a device that signed in to this account before, per that device only, so a guesser elsewhere cannot
   * lock the owner out. Answers are slowed and then refused past the limits.
   */
  async login(email: string, password: string, from: { address: string; deviceToken: string | null; device?: string }): Promise<SignedIn> {
    const found = await this.storage.accounts.findUserByEmail(email);
    const deviceHash = from.deviceToken ? hashSecret(from.deviceToken) : null;
    const known = !!found && !!deviceHash && (await this.storage.accounts.devices.isKnown(deviceHash, found.id));
    const keys = known ? [`device:${found.id}:${deviceHash}`] : [`account:${email}`, `address:${from.address}`];
    const verdict = await this.throttle.reserve(keys);
    if (verdict.refuse) {
      this.log.warn('sign-in refused after repeated failures', { address: from.address, knownDevice: known, retryAfterSeconds: verdict.retryAfterSeconds });
      metrics.failedSignIn('too_many_attempts');
      throw new AuthError('too_many_attempts', 'Too many failed sign-ins. Try again later.', verdict.retryAfterSeconds);
    }
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!found || !ok) {
      // The reservation stays: it is this failure's count.
      this.log.info('failed sign-in', { address: from.address, knownDevice: known });
      metrics.failedSignIn('invalid_credentials');
      throw new AuthError('invalid_credentials', 'The e-mail address or password is not right.');
    }
    await this.throttle.release(verdict.attempt);
    // Said only to someone who knows the password, so it reveals nothing about the account to anyone else.
    if (found.disabled) throw new AuthError('account_disabled', 'This account has been turned off by an administrator of this site.');
    const { passwordHash: _hash, ...user } = found;
    return {
      user,
      token: await this.startSession(user, from.device ?? ''),
      deviceToken: await this.rememberDevice(user.id, from.deviceToken),
      recognisedDevice: known,
    };
  }

  /**
   * Whether the browser that sent this request has signed in to this account before (it carries a device
   * cookie the server issued to it at a sign-in or sign-up of that account). For notices such as "new sign-in
   * from a new device": call it before the sign-in records the device, or use `SignedIn.recognisedDevice`.
   */
  async recognisedDevice(req: IncomingMessage, userId: string): Promise<boolean> {
    const token = parseCookies(req.headers.cookie).get(DEVICE_COOKIE);
    return !!token && this.storage.accounts.devices.isKnown(hashSecret(token), userId);
  }

  /** Record the device for this account; keeps the browser's device cookie if the server issued it, else a new one. */
  private async rememberDevice(userId: string, presented: string | null): Promise<string> {
    const issued = presented && (await this.storage.accounts.devices.isIssued(hashSecret(presented)));
    const token = issued ? presented : newSecret();
    await this.storage.accounts.devices.remember(hashSecret(token), userId, new Date().toISOString());
    return token;
  }

  /** Forget devices unused for a long time (run now and then). */
  sweepDevices(now = Date.now()): Promise<number> {
    return this.storage.accounts.devices.sweep(new Date(now - DEVICE_FORGET_MS).toISOString());
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
    const verdict = await this.throttle.reserve(keys);
    if (verdict.refuse) throw new AuthError('too_many_attempts', 'Too many wrong passwords. Try again later.', verdict.retryAfterSeconds);
    if (verdict.delayMs > 0) await new Promise((r) => setTimeout(r, verdict.delayMs));
    const stored = await this.storage.accounts.getPasswordHash(user.id);
    if (!stored || !(await verifyPassword(password, stored))) {
      // The reservation stays: it is this failure's count.
      this.log.info('wrong password confirming an account change', { userId: user.id, address });
      throw new AuthError('wrong_password', 'That is not your current password.');
    }
    await this.throttle.release(verdict.attempt);
  }

  /** Set a new password (after confirmPassword). */
  async setPassword(user: UserRecord, password: string): Promise<void> {
    await this.storage.accounts.setPasswordHash(user.id, await hashPassword(password));
    this.log.info('password changed', { userId: user.id });
  }
}
