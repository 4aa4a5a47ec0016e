/**
 * Who is signed in on this device (see auth/sessionState.ts for the rules) and the actions that change it.
 * Sync sessions subscribe to it: a session that ended (4401) reconnects once the user signs in again.
 */
import { create } from 'zustand';
import { confirmSignUp, fetchMe, signIn, signOut, signUp, type Account } from '../api/authApi.ts';
import { ApiError, onUnauthorized } from '../api/http.ts';
import { ACCOUNT_STORAGE_KEY, loadAccount, parseAccount, saveAccount } from '../auth/accountCache.ts';
import { prepareRemoval, removeDeviceCopies, watchCopiesRemoved, type RemovalResult } from '../auth/deviceCopies.ts';
import { currentAccount, initialSessionState, reduceSession, type SessionEvent, type SessionState } from '../auth/sessionState.ts';
import { setStashing } from '../sync/unsavedStash.ts';
import type { SignupInput } from '../../../shared/api/validate.ts';

interface SessionStore {
  state: SessionState;
  dispatch(event: SessionEvent): void;
  /** Ask the server who this device is signed in as (at start, when back online, after a 401 to confirm). */
  check(): Promise<void>;
  signIn(email: string, password: string): Promise<Account>;
  /** The new account, or null when the server mails a link to confirm it first. */
  signUp(input: SignupInput, next?: string): Promise<Account | null>;
  /** Open a sign-up confirmation link: the account is created and signed in. */
  confirmSignUp(token: string): Promise<Account>;
  /**
   * End the session on the server (everywhere it is used) and forget the account on this device; with
   * `removeCopies`, also remove this device's copies of the account's reports (see auth/deviceCopies.ts).
   */
  signOut(options?: { removeCopies?: boolean }): Promise<RemovalResult | null>;
  /** The account was deleted on the server: forget it here, with every copy of its reports. */
  accountDeleted(): Promise<void>;
}

export const useSessionStore = create<SessionStore>((set, get) => ({
  state: initialSessionState(loadAccount()),
  dispatch(event) {
    const next = reduceSession(get().state, event);
    if (next === get().state) return;
    set({ state: next });
    if (next.status === 'signed-in' && next.verified) {
      saveAccount(next.account);
      setStashing(true);
    }
    if (next.status === 'signed-out') saveAccount(null);
  },
  async check() {
    try {
      get().dispatch({ type: 'me', account: await fetchMe() });
    } catch (err) {
      get().dispatch(err instanceof ApiError && err.status === 401 ? { type: 'me-unauthorized' } : { type: 'me-unreachable' });
    }
  },
  async signIn(email, password) {
    const account = await signIn(email, password);
    get().dispatch({ type: 'signed-in', account });
    return account;
  },
  async signUp(input, next) {
    const account = await signUp(input, next);
    if (account) get().dispatch({ type: 'signed-in', account });
    return account;
  },
  async confirmSignUp(token) {
    const account = await confirmSignUp(token);
    get().dispatch({ type: 'signed-in', account });
    return account;
  },
  async signOut({ removeCopies = false } = {}) {
    const account = currentAccount(get().state);
    await signOut();
    if (!removeCopies || !account) {
      get().dispatch({ type: 'signed-out' });
      return null;
    }
    return forgetWithCopies(account.id, () => get().dispatch({ type: 'signed-out' }));
  },
  async accountDeleted() {
    const account = currentAccount(get().state);
    if (account) await forgetWithCopies(account.id, () => get().dispatch({ type: 'signed-out' }));
    else get().dispatch({ type: 'signed-out' });
  },
}));

async function forgetWithCopies(accountId: string, signedOut: () => void): Promise<RemovalResult> {
  // Reports on screen close when the account goes; with stashing off they leave nothing in localStorage.
  prepareRemoval();
  signedOut();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return removeDeviceCopies(accountId);
}

/** Wire the store to the page: the first check, 401s from the API, other tabs, the network returning. */
export function startSessionWatch(): () => void {
  const store = useSessionStore.getState();
  onUnauthorized(() => useSessionStore.getState().dispatch({ type: 'unauthorized' }));
  // Tabs share the cookie: signing in or out in one is true for all of them.
  const handleStorage = (e: StorageEvent) => {
    if (e.key !== ACCOUNT_STORAGE_KEY) return;
    const account = parseAccount(e.newValue);
    useSessionStore.getState().dispatch(account ? { type: 'signed-in', account } : { type: 'unauthorized' });
  };
  const handleOnline = () => void useSessionStore.getState().check();
  window.addEventListener('storage', handleStorage);
  window.addEventListener('online', handleOnline);
  // Another tab signed out and removed this device's copies: leave the reports so their databases can go.
  const stopWatchingRemoval = watchCopiesRemoved(() => location.replace('/signin'));
  void store.check();
  return () => {
    stopWatchingRemoval();
    onUnauthorized(null);
    window.removeEventListener('storage', handleStorage);
    window.removeEventListener('online', handleOnline);
  };
}
