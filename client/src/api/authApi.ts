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
export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  await request('/api/auth/password-reset/confirm', { body: { token, newPassword } });
}

export async function signIn(email: string, password: string): Promise<Account> {
  return (await request<{ user: Account }>('/api/auth/login', { body: { email, password } })).user;
}

export async function signOut(): Promise<void> {
  await request('/api/auth/logout', { method: 'POST' });
}

export interface AuthInfo {
  /** No account exists yet: the sign-up page says the first account administers this instance. */
  firstRun: boolean;
  /** This server sends mail (reset links, sign-up confirmations, invitations). */
  mail: boolean;
}

/** What the account pages need to know. An error answer (an older server) is taken as "not the first run, no mail". */
export async function fetchAuthInfo(): Promise<AuthInfo> {
  try {
    const answer = await request<{ firstRun?: unknown; mail?: unknown }>('/api/auth/first-run');
    return { firstRun: answer.firstRun === true, mail: answer.mail === true };
  } catch (err) {
    if (err instanceof ApiError) return { firstRun: false, mail: false };
    throw err;
  }
}
