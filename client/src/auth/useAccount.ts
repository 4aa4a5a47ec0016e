import { useMemo } from 'react';
import type { Account } from '../api/authApi.ts';
import { useDeviceStore } from '../stores/deviceStore.ts';
import { useSessionStore } from '../stores/sessionStore.ts';
import type { PresenceUser } from '../sync/ReportSession.ts';
import { currentAccount } from './sessionState.ts';

/** The account the app works for, also while its session has ended (its reports stay usable on this device). */
export function useAccount(): Account | null {
  return useSessionStore((s) => currentAccount(s.state));
}

/** How co-authors see this user: the account's name and this device's colour. */
export function usePresenceUser(): PresenceUser | null {
  const account = useAccount();
  const color = useDeviceStore((s) => s.color);
  return useMemo(() => (account ? { name: account.name, color, userId: account.id } : null), [account, color]);
}
