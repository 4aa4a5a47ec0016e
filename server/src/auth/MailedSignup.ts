/**
 * Sign-up when mail is configured: the answer is the same whether or not the address has an account, so
 * sign-up no longer tells anyone which addresses are registered. A new address gets a confirmation link (the
 * account is created when it is opened, claiming the invitation it was admitted on); an address with an
 * account gets a notice instead.
 */
import type { SignupInput } from '../../../shared/api/validate.ts';
import type { Logger } from '../log.ts';
import type { Mail } from '../mail/Mail.ts';
import type { Notify } from '../mail/notify.ts';
import { languageFor, signupConfirmMail } from '../mail/texts.ts';
import type { Storage } from '../storage/Storage.ts';
import type { SignupPermit } from './AuthService.ts';
import { hashPassword } from './passwords.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const SIGNUP_CONFIRM_TTL_MS = 24 * 3600_000;

/** An in-app path to return to after confirming (an invitation page), never another site. */
export function safeNext(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 300 && /^\/[A-Za-z0-9/_-]*$/.test(value) && !value.startsWith('//') ? value : null;
}

export class MailedSignup {
  constructor(
    private readonly storage: Storage,
    private readonly mail: Mail,
    private readonly notify: Notify,
    private readonly log: Logger,
  ) {}

  /** Called after the request is answered. */
  async request(input: SignupInput, permit: SignupPermit, next: string | null): Promise<void> {
    const existing = await this.storage.accounts.findUserByEmail(input.email);
    if (existing) {
      this.notify.signupTaken(existing);
      return;
    }
    const token = newSecret();
    const now = Date.now();
    await this.storage.mail.createSignupRequest({
      tokenHash: hashSecret(token),
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      claim: permit.claim,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SIGNUP_CONFIRM_TTL_MS).toISOString(),
    });
    const link = this.mail.links.confirmAccount(token) + (next ? `&next=${encodeURIComponent(next)}` : '');
    this.mail.sendLater(input.email, signupConfirmMail(languageFor(null), { name: input.name, link }), { mail: 'sign-up confirmation' });
    this.log.info('sign-up confirmation sent');
  }

  /** The sign-up a confirmation link stands for, once; null when unknown, used or expired. */
  take(token: string) {
    return this.storage.mail.takeSignupRequest(hashSecret(token), new Date().toISOString());
  }
}
