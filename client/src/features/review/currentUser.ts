/**
 * Who is signed in, for authorship of comments and suggestions: the account of the session store
 * (stores/sessionStore.ts), which asks `GET /api/auth/me` and keeps the account on the device, so the
 * discussion can be written offline too. Also while the session has ended: comments written then stay on the
 * device and are sent after signing in again.
 */
import { useMemo } from 'react';
import { currentAccount } from '../../auth/sessionState.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The account now (the session store has already asked the server, or read the device's copy). */
export function loadCurrentUser(): Promise<CurrentUser | null> {
  const account = currentAccount(useSessionStore.getState().state);
  return Promise.resolve(account ? { id: account.id, name: account.name, email: account.email } : null);
}

export function useCurrentUser(): CurrentUser | null {
  const account = useAccount();
  return useMemo(() => (account ? { id: account.id, name: account.name, email: account.email } : null), [account]);
}
