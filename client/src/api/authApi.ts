/** /api/auth: sign up, sign in, sign out, who am I. The session itself is an HttpOnly cookie the page never sees. */
import type { SignupInput } from '../../../shared/api/validate.ts';
import type { WrappedSecret } from '../../../shared/e2ee/accountKeys.ts';
import { ApiError, request } from './http.ts';

export interface Account {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export async function fetchMe(): Promise<Account> {
  return (await request<{ user: Account }>('/api/auth/me')).user;
}

/**
 * Create an account: the account, or null when this server confirms sign-ups by mail (it answers the same for
 * every address and mails a link; the account exists once that link is opened). `next` is where the link leads.
 */
export async function signUp(input: SignupInput, next?: string): Promise<Account | null> {
  const answer = await request<{ user?: Account; status?: string }>('/api/auth/signup', { body: { ...input, ...(next ? { next } : {}) } });
  return answer.user ?? null;
}

/** Open the link of a sign-up confirmed by mail: the account is created and signed in. */
export async function confirmSignUp(token: string): Promise<Account> {
  return (await request<{ user: Account }>('/api/auth/signup/confirm', { body: { token } })).user;
}

/** Ask for a reset link; the answer is the same whether or not an account uses the address. */
export async function requestPasswordReset(email: string): Promise<void> {
  await request('/api/auth/password-reset', { body: { email } });
}

/** Set a new password with the link's token; every session of the account ends. */
/** `passwordWrap`: the account's end-to-end keys wrapped with the new password (opened with the recovery code). */
export async function confirmPasswordReset(token: string, newPassword: string, passwordWrap?: WrappedSecret): Promise<void> {
  await request('/api/auth/password-reset/confirm', { body: passwordWrap ? { token, newPassword, passwordWrap } : { token, newPassword } });
}

export async function signIn(email: string, password: string): Promise<Account> {
  const user = (await request<{ user: Account }>('/api/auth/login', { body: { email, password } })).user;
  // A new device reads encrypted reports at once: the account's keys are opened with the password just typed.
  void import('../e2ee/keyring.ts').then((m) => m.unlockAfterSignIn(user.id, password));
  return user;
}

export async function signOut(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST' });
}

/** Who may sign up here: open (anyone), invite (with an invitation link), closed (an administrator's link only). */
export type RegistrationMode = 'open' | 'invite' | 'closed';

export interface SignupStatus {
  /** No account exists yet: the next one administers the instance. */
  firstRun: boolean;
  registration: RegistrationMode;
  /** The first account can be made from here only with the setup link the server printed in its log. */
  setupLinkNeeded: boolean;
  /** This server sends mail (reset links, sign-up confirmations, invitations). */
  mail: boolean;
}

/**
 * What the sign-up page needs to know. An error answer (an older server) is taken as "not the first run, open
 * sign-up": the server still decides when the form is sent.
 */
export async function fetchSignupStatus(): Promise<SignupStatus> {
  try {
    const body = await request<Partial<SignupStatus>>('/api/auth/first-run');
    const registration = body.registration === 'invite' || body.registration === 'closed' ? body.registration : 'open';
    return { firstRun: body.firstRun === true, registration, setupLinkNeeded: body.setupLinkNeeded === true, mail: body.mail === true };
  } catch (err) {
    if (err instanceof ApiError) return { firstRun: false, registration: 'open', setupLinkNeeded: false, mail: false };
    throw err;
  }
}

/** Whether this instance has no account yet, so the sign-in page can send its first visitor to sign up. */
export async function fetchFirstRun(): Promise<boolean> {
  return (await fetchSignupStatus()).firstRun;
}
