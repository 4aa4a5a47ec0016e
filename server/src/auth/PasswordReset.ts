/**
 * Password reset by mail: a one-use link valid for an hour; only the token's hash is stored. Using it sets the
 * new password and ends every session of the account (the caller closes their sync connections).
 */
import type { Logger } from '../log.ts';
import type { Mail } from '../mail/Mail.ts';
import type { Notify } from '../mail/notify.ts';
import { languageFor, passwordResetMail } from '../mail/texts.ts';
import type { Storage } from '../storage/Storage.ts';
import { hashPassword } from './passwords.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const RESET_TTL_MS = 3600_000;

/** Reset mails one account can be sent per hour: asking more often sends nothing (the answer stays the same). */
export const RESETS_PER_HOUR = 3;

/**
 * A new reset token for the account (valid an hour, once); only its hash is stored. Null when `maxPerHour`
 * tokens were made for it in the last hour (so nobody can fill someone's mailbox with reset mails).
 */
export async function issueResetToken(storage: Storage, userId: string, maxPerHour = Infinity): Promise<string | null> {
  const token = newSecret();
  const now = Date.now();
  const stored = await storage.mail.createPasswordReset(
    { tokenHash: hashSecret(token), userId, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + RESET_TTL_MS).toISOString() },
    maxPerHour,
  );
  return stored ? token : null;
}

export class PasswordReset {
  constructor(
    private readonly storage: Storage,
    private readonly mail: Mail,
    private readonly notify: Notify,
    private readonly log: Logger,
  ) {}

  /**
   * Mail a reset link if an account uses this address. Called after the request is answered, so the answer is
   * the same, and as fast, whether or not the address has an account.
   */
  async request(email: string): Promise<void> {
    if (!this.mail.configured) return;
    const user = await this.storage.accounts.findUserByEmail(email);
    // A turned-off account is not turned back on by a reset link.
    if (!user || user.disabled) return;
    const token = await issueResetToken(this.storage, user.id, RESETS_PER_HOUR);
    if (!token) {
      this.log.info('password reset asked for too often: no mail sent', { userId: user.id });
      return;
    }
    this.log.info('password reset asked for', { userId: user.id });
    this.mail.sendLater(user.email, passwordResetMail(languageFor(user), { name: user.name, link: this.mail.links.resetPassword(token) }), {
      mail: 'password reset',
      userId: user.id,
    });
  }

  /**
   * For the reset page, before the new password is set: whether the account has end-to-end keys, and their copy
   * wrapped by the recovery code (130 random bits; only that code opens it), so the browser can wrap the same keys
   * with the new password. 'dead' when the link is unknown, used or expired.
   */
  async keysFor(token: string): Promise<{ signPublic: string; recoveryWrap: unknown } | null | 'dead'> {
    const userId = await this.storage.mail.passwordResetUser(hashSecret(token), new Date().toISOString());
    if (!userId) return 'dead';
    const keys = await this.storage.e2ee.accountKeys(userId);
    return keys ? { signPublic: keys.signPublic, recoveryWrap: JSON.parse(keys.recoveryWrap) as unknown } : null;
  }

  /**
   * Set the new password; null when the link is unknown, used or expired, else the sessions ended. With
   * `passwordWrap` (the account's keys wrapped again by the browser, opened there with the recovery code) the
   * keys stay readable with the new password; without it the stored wraps stay as they were, so only the old
   * password or the recovery code opens them.
   */
  async confirm(token: string, newPassword: string, passwordWrap?: string): Promise<{ userId: string; endedSessions: string[] } | null> {
    const result = await this.storage.mail.resetPassword(hashSecret(token), await hashPassword(newPassword), new Date().toISOString());
    if (!result) return null;
    const rewrapped = passwordWrap ? await this.storage.e2ee.rewrapAccountKeys(result.userId, { passwordWrap }, new Date().toISOString()) : false;
    this.log.info('password reset', { userId: result.userId, sessionsEnded: result.endedSessions.length, keysRewrapped: rewrapped });
    const user = await this.storage.accounts.getUser(result.userId);
    if (user) this.notify.passwordChanged(user);
    return result;
  }
}
