/** /api/auth: sign up, sign in, sign out, who am I. The session itself is an HttpOnly cookie the page never sees. */
import type { SignupInput } from '../../../shared/api/validate.ts';
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

export async function signUp(input: SignupInput): Promise<Account> {
  return (await request<{ user: Account }>('/api/auth/signup', { body: input })).user;
}

export async function signIn(email: string, password: string): Promise<Account> {
  return (await request<{ user: Account }>('/api/auth/login', { body: { email, password } })).user;
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
}

/**
 * What the sign-up page needs to know. An error answer (an older server) is taken as "not the first run, open
 * sign-up": the server still decides when the form is sent.
 */
export async function fetchSignupStatus(): Promise<SignupStatus> {
  try {
    const body = await request<Partial<SignupStatus>>('/api/auth/first-run');
    const registration = body.registration === 'invite' || body.registration === 'closed' ? body.registration : 'open';
    return { firstRun: body.firstRun === true, registration, setupLinkNeeded: body.setupLinkNeeded === true };
  } catch (err) {
    if (err instanceof ApiError) return { firstRun: false, registration: 'open', setupLinkNeeded: false };
    throw err;
  }
}

/** Whether this instance has no account yet, so the sign-in page can send its first visitor to sign up. */
export async function fetchFirstRun(): Promise<boolean> {
  return (await fetchSignupStatus()).firstRun;
}
