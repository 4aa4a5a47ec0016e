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

/**
 * Whether this instance has no account yet, so the sign-up page can say the first account administers it.
 * An error answer (an older server without `GET /api/auth/first-run`) is taken as "not the first run".
 */
export async function fetchFirstRun(): Promise<boolean> {
  try {
    return (await request<{ firstRun?: unknown }>('/api/auth/first-run')).firstRun === true;
  } catch (err) {
    if (err instanceof ApiError) return false;
    throw err;
  }
}
