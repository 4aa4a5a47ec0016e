import { describe, expect, it } from 'vitest';
import type { Account } from '../api/authApi.ts';
import { currentAccount, initialSessionState, reduceSession, type SessionEvent, type SessionState } from './sessionState.ts';
import { parseAccount } from './accountCache.ts';

const amina: Account = { id: 'u1', email: 'amina@example.org', name: 'Amina Diallo', isAdmin: true };
const run = (start: SessionState, events: SessionEvent[]) => events.reduce(reduceSession, start);

describe('session state', () => {
  it('opens at once with the account cached on this device, unverified until the server answers', () => {
    const start = initialSessionState(amina);
    expect(start).toEqual({ status: 'signed-in', account: amina, verified: false });
    expect(reduceSession(start, { type: 'me', account: amina })).toEqual({ status: 'signed-in', account: amina, verified: true });
  });

  it('keeps working offline with a cached account, and asks to sign in without one', () => {
    expect(reduceSession(initialSessionState(amina), { type: 'me-unreachable' }).status).toBe('signed-in');
    expect(reduceSession(initialSessionState(null), { type: 'me-unreachable' })).toEqual({ status: 'signed-out' });
    expect(reduceSession(initialSessionState(null), { type: 'me-unauthorized' })).toEqual({ status: 'signed-out' });
  });

  it('turns a refused session into "ended", keeping the account so the device copies stay open', () => {
    for (const event of [{ type: 'me-unauthorized' }, { type: 'unauthorized' }] as SessionEvent[]) {
      const ended = reduceSession(initialSessionState(amina), event);
      expect(ended).toEqual({ status: 'expired', account: amina });
      expect(currentAccount(ended)).toBe(amina);
    }
  });

  it('comes back when the user signs in again, here or in another tab', () => {
    const ended = run(initialSessionState(amina), [{ type: 'unauthorized' }, { type: 'unauthorized' }]);
    expect(ended.status).toBe('expired');
    expect(reduceSession(ended, { type: 'signed-in', account: amina })).toEqual({ status: 'signed-in', account: amina, verified: true });
  });

  it('forgets the account when this tab signs out on purpose', () => {
    const out = run(initialSessionState(amina), [{ type: 'me', account: amina }, { type: 'signed-out' }]);
    expect(out).toEqual({ status: 'signed-out' });
    expect(currentAccount(out)).toBeNull();
    // A late 401 from a request that was in flight changes nothing.
    expect(reduceSession(out, { type: 'unauthorized' })).toBe(out);
  });
});

describe('parseAccount', () => {
  it('reads a cached account and rejects anything else', () => {
    expect(parseAccount(JSON.stringify(amina))).toEqual(amina);
    expect(parseAccount(JSON.stringify({ ...amina, isAdmin: 'yes' }))?.isAdmin).toBe(false);
    expect(parseAccount(null)).toBeNull();
    expect(parseAccount('{"id":"u1"}')).toBeNull();
    expect(parseAccount('not json')).toBeNull();
  });
});
