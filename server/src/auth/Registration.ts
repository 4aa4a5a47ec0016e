/**
 * Who may create an account.
 *
 * - The first account (the administrator) only from the server itself (a loopback connection, see
 *   http/clientAddress.ts) or with a one-time setup link, which each node prints in its log at start while no
 *   account exists.
 * - After it, the registration mode: `open` (anyone), `invite` (the default: a coalition invitation or an
 *   administrator's invitation link), `closed` (an administrator's invitation link only; a coalition invitation
 *   still lets an EXISTING account join). The administrator's choice is stored in the database (every node
 *   reads it); REGISTRATION gives the mode until one is stored.
 * - At most SIGNUP_LIMIT_PER_ADDRESS sign-up attempts per address and window, counted before anything is
 *   checked (refused ones count too, so invitation links cannot be probed quickly).
 */
import type { SignupInput } from '../../../shared/api/validate.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { isRegistrationMode, type RegistrationMode } from '../config.ts';
import { Forbidden, HttpError, NotFound, TooManyRequests } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { SignupClaim, Storage } from '../storage/Storage.ts';
import type { SignupPermit } from './AuthService.ts';
import { LoginThrottle } from './LoginThrottle.ts';
import { hashSecret, newSecret } from './tokens.ts';

const SETTING = 'registration';
/** How long a setup link printed at start stays valid (a restart prints a new one). */
const SETUP_LINK_TTL_MS = 24 * 3600_000;

export interface RegistrationOptions {
  /** The mode while the administrator has stored none (REGISTRATION). */
  defaultMode: RegistrationMode;
  signupLimitPerAddress: number;
  signupWindowMs: number;
  /** How long an administrator's invitation link stays valid. */
  invitationTtlMs: number;
}

/** Where the caller is: its address (for the sign-up limit) and whether it is the server's own machine. */
export interface Caller {
  address: string;
  loopback: boolean;
}

const linkUsed = () => new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.');
const linkExpired = () => new HttpError(410, 'invitation_expired', 'This invitation link has expired. Ask for a new one.');

export class Registration {
  readonly signupThrottle: LoginThrottle;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: RegistrationOptions,
  ) {
    this.signupThrottle = new LoginThrottle(
      storage.accounts.attempts,
      { windowMs: options.signupWindowMs, refuseAfter: options.signupLimitPerAddress, slowAfter: Number.MAX_SAFE_INTEGER, delayStepMs: 0, maxDelayMs: 0 },
      'signup',
    );
  }

  /** The mode in force: the administrator's stored choice, else REGISTRATION. */
  async mode(): Promise<RegistrationMode> {
    const stored = await this.storage.settings.get(SETTING);
    return isRegistrationMode(stored) ? stored : this.options.defaultMode;
  }

  async setMode(mode: RegistrationMode, byUserId: string): Promise<void> {
    await this.storage.settings.set(SETTING, mode, new Date().toISOString());
    this.log.info('registration mode changed', { mode, userId: byUserId });
  }

  /** What the sign-up page shows (GET /api/auth/first-run). */
  async status(caller: Caller): Promise<{ firstRun: boolean; registration: RegistrationMode; setupLinkNeeded: boolean }> {
    const firstRun = !(await this.storage.accounts.hasUsers());
    return { firstRun, registration: await this.mode(), setupLinkNeeded: firstRun && !caller.loopback };
  }

  /** Whether this sign-up may go ahead, and on which invitation; refused with a 403/404/410/429 otherwise. */
  async admit(input: SignupInput, caller: Caller): Promise<SignupPermit> {
    const verdict = await this.signupThrottle.reserve([`address:${caller.address}`]);
    if (verdict.refuse) {
      this.log.warn('sign-up refused: too many from this address', { address: caller.address });
      throw new TooManyRequests('Too many accounts were requested from your network recently. Try again later.', verdict.retryAfterSeconds);
    }
    const token = input.invitation;
    if (!(await this.storage.accounts.hasUsers())) return { first: true, claim: await this.firstAccountClaim(token, caller) };
    const mode = await this.mode();
    if (!token) {
      if (mode === 'open') return { first: false, claim: null };
      if (mode === 'invite') {
        throw new Forbidden(
          'Sign-up here is by invitation. Open the invitation link a coalition coordinator or the administrator of this Rightsdraft sent you.',
          'registration_invite_only',
        );
      }
      throw new Forbidden('This Rightsdraft is not taking new accounts. Ask its administrator for an invitation link.', 'registration_closed');
    }
    return { first: false, claim: await this.invitationClaim(token, mode) };
  }

  private async firstAccountClaim(token: string | undefined, caller: Caller): Promise<SignupClaim | null> {
    if (caller.loopback) return null;
    const link = token ? await this.storage.accounts.signupInvitations.find(hashSecret(token)) : null;
    if (link && link.kind === 'setup' && !link.usedAt && Date.parse(link.expiresAt) > Date.now()) return { kind: 'signup-invitation', id: link.id };
    throw new Forbidden(
      'This Rightsdraft has no account yet. Its first account administers it, so it can be created only on the server itself ' +
        '(open this page at http://localhost on that machine) or with the one-time setup link the server printed in its log when it started.',
      'setup_link_required',
    );
  }

  private async invitationClaim(token: string, mode: RegistrationMode): Promise<SignupClaim> {
    const hash = hashSecret(token);
    const link = await this.storage.accounts.signupInvitations.find(hash);
    if (link && link.kind === 'admin') {
      if (link.usedAt) throw linkUsed();
      if (Date.parse(link.expiresAt) <= Date.now()) throw linkExpired();
      return { kind: 'signup-invitation', id: link.id };
    }
    const invitation = await this.storage.coalitions.findInvitation(hash);
    if (!invitation) return this.reportInvitationClaim(hash, mode);
    if (invitation.usedAt) throw linkUsed();
    if (Date.parse(invitation.expiresAt) <= Date.now()) throw linkExpired();
    if (mode === 'closed') {
      throw new Forbidden(
        'This Rightsdraft is not taking new accounts, so a coalition invitation cannot create one. Sign in with an existing account to ' +
          'join, or ask the administrator of this Rightsdraft for an invitation link.',
        'registration_closed',
      );
    }
    return { kind: 'coalition-invitation', id: invitation.id, coalitionId: invitation.coalitionId, reportRole: invitation.reportRole };
  }

  /** An invitation to one report mailed to an address (mail/): it lets its holder sign up as a coalition's does. */
  private async reportInvitationClaim(hash: string, mode: RegistrationMode): Promise<SignupClaim> {
    const invitation = await this.storage.mail.findReportInvitation(hash);
    if (!invitation) throw new NotFound('This invitation link is not valid. Check that you opened the whole link, or ask for a new one.');
    if (invitation.usedAt) throw linkUsed();
    if (Date.parse(invitation.expiresAt) <= Date.now()) throw linkExpired();
    if (mode === 'closed') {
      throw new Forbidden(
        'This Rightsdraft is not taking new accounts, so an invitation to a report cannot create one. Sign in with an existing account to ' +
          'accept it, or ask the administrator of this Rightsdraft for an invitation link.',
        'registration_closed',
      );
    }
    return { kind: 'report-invitation', id: invitation.id, reportId: invitation.reportId, role: invitation.role };
  }

  /** An administrator's link that lets one person sign up, whatever the mode. */
  async createInvitation(adminId: string): Promise<{ id: string; token: string; expiresAt: string }> {
    const token = newSecret();
    const now = Date.now();
    const record = {
      id: newUuid(),
      kind: 'admin' as const,
      createdBy: adminId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.options.invitationTtlMs).toISOString(),
      usedAt: null,
      usedBy: null,
    };
    await this.storage.accounts.signupInvitations.create(record, hashSecret(token));
    this.log.info('sign-up invitation created', { id: record.id, userId: adminId });
    return { id: record.id, token, expiresAt: record.expiresAt };
  }

  /**
   * While no account exists: make a setup link and print it in the log, the one secret the server deliberately
   * logs — whoever reads this node's log may create the administrator account, as whoever reaches the server
   * itself may. Returns null once an account exists.
   */
  async announceSetupLink(baseUrl: string): Promise<string | null> {
    if (await this.storage.accounts.hasUsers()) return null;
    const token = newSecret();
    const now = Date.now();
    await this.storage.accounts.signupInvitations.create(
      { id: newUuid(), kind: 'setup', createdBy: null, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + SETUP_LINK_TTL_MS).toISOString(), usedAt: null, usedBy: null },
      hashSecret(token),
    );
    const setupUrl = `${baseUrl}/signup?invitation=${token}`;
    this.log.info(
      'No account exists yet. Open this one-time setup link to create the administrator account (on another computer, put the ' +
        "server's public address in place of its host). Keep it private; it works for 24 hours, a restart prints a new one.",
      { setupUrl },
    );
    return setupUrl;
  }
}
