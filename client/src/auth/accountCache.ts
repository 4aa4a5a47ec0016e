/** The signed-in account, cached on the device so the app opens offline. Never a secret: the session is an HttpOnly cookie. */
import type { Account } from '../api/authApi.ts';

export const ACCOUNT_STORAGE_KEY = 'rightsdraft.account';

/** Parse the stored JSON; null when missing or malformed. */
export function parseAccount(raw: string | null): Account | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') return null;
    const { id, email, name, isAdmin } = value;
    if (typeof id !== 'string' || !id || typeof email !== 'string' || typeof name !== 'string' || !name.trim()) return null;
    return { id, email, name: name.trim(), isAdmin: isAdmin === true };
  } catch {
    return null;
  }
}

export function loadAccount(): Account | null {
  try {
    return parseAccount(localStorage.getItem(ACCOUNT_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveAccount(account: Account | null): void {
  try {
    if (account) localStorage.setItem(ACCOUNT_STORAGE_KEY, JSON.stringify(account));
    else localStorage.removeItem(ACCOUNT_STORAGE_KEY);
  } catch {
    // Storage disabled: the app then needs the network to open.
  }
}
