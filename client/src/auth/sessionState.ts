/**
 * Whether this device is signed in, as a pure state machine so every transition is unit-tested. The server
 * decides (`GET /api/auth/me`, a 401, a sync close with 4401); the account is cached on the device so the app
 * opens offline with the reports stored here.
 */
import type { Account } from '../api/authApi.ts';

export type SessionState =
  /** No account cached on this device; asking the server. */
  | { status: 'checking' }
  /** Nobody is signed in on this device. */
  | { status: 'signed-out' }
  /** `verified`: the server confirmed the session during this visit (false while offline, from the cache). */
  | { status: 'signed-in'; account: Account; verified: boolean }
  /**
   * The server no longer accepts this device's session (signed out elsewhere, expired). The app stays open on
   * the reports stored here, edits stay on the device, and the user is asked to sign in again.
   */
  | { status: 'expired'; account: Account };

export type SessionEvent =
  /** `GET /api/auth/me` answered with the account. */
  | { type: 'me'; account: Account }
  /** `GET /api/auth/me` answered 401. */
  | { type: 'me-unauthorized' }
  /** `GET /api/auth/me` could not reach the server. */
  | { type: 'me-unreachable' }
  /** Signed in or signed up on this device (in this tab or another: they share the cookie). */
  | { type: 'signed-in'; account: Account }
  /** This tab signed out on purpose. */
  | { type: 'signed-out' }
  /** An API call answered 401, a sync connection closed with 4401, or another tab signed out. */
  | { type: 'unauthorized' };

export function initialSessionState(cached: Account | null): SessionState {
  return cached ? { status: 'signed-in', account: cached, verified: false } : { status: 'checking' };
}

export function reduceSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'me':
    case 'signed-in':
      return { status: 'signed-in', account: event.account, verified: true };
    case 'me-unauthorized':
    case 'unauthorized':
      if (state.status === 'signed-in') return { status: 'expired', account: state.account };
      if (state.status === 'checking') return { status: 'signed-out' };
      return state;
    case 'me-unreachable':
      // Offline with an account cached: keep working on this device. Without one nobody can sign in yet.
      return state.status === 'checking' ? { status: 'signed-out' } : state;
    case 'signed-out':
      return { status: 'signed-out' };
  }
}

/** The account the app works for (also while its session has ended: its reports stay on the device). */
export function currentAccount(state: SessionState): Account | null {
  return state.status === 'signed-in' || state.status === 'expired' ? state.account : null;
}

/** Whether the server is expected to accept this device's requests now. */
export function canReachAsAccount(state: SessionState): boolean {
  return state.status === 'signed-in';
}
