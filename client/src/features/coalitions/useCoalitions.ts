/**
 * The signed-in account's coalitions, fetched from the server and kept on the device, so the report list can
 * name a report's coalition and the New report dialog can offer them offline too.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchCoalitions, type Coalition } from '../../api/coalitionsApi.ts';
import { useAccount } from '../../auth/useAccount.ts';

export interface CoalitionList {
  /** Null until known (from the device or the server). */
  coalitions: Coalition[] | null;
  /** Whether the last fetch reached the server. */
  state: 'loading' | 'ok' | 'unreachable';
  refresh: () => void;
}

const cacheKey = (accountId: string) => `rightsdraft.coalitions.${accountId}`;

function readCache(accountId: string): Coalition[] | null {
  try {
    const value = JSON.parse(localStorage.getItem(cacheKey(accountId)) ?? 'null') as unknown;
    return Array.isArray(value) ? (value as Coalition[]).filter((c) => typeof c?.id === 'string' && typeof c?.name === 'string') : null;
  } catch {
    return null;
  }
}

/** Forget the coalitions kept on this device for an account (its copies were removed). */
export function forgetCoalitionCache(accountId: string): void {
  try {
    localStorage.removeItem(cacheKey(accountId));
  } catch {
    // Storage disabled: nothing was kept.
  }
}

function writeCache(accountId: string, coalitions: Coalition[]): void {
  try {
    localStorage.setItem(cacheKey(accountId), JSON.stringify(coalitions));
  } catch {
    // Storage full or disabled: the names need the network next time.
  }
}

export function useCoalitions(): CoalitionList {
  const accountId = useAccount()?.id;
  const [coalitions, setCoalitions] = useState<Coalition[] | null>(() => (accountId ? readCache(accountId) : null));
  const [state, setState] = useState<CoalitionList['state']>('loading');
  const refresh = useCallback(() => {
    if (!accountId) return;
    fetchCoalitions().then(
      (list) => {
        writeCache(accountId, list);
        setCoalitions(list);
        setState('ok');
      },
      () => setState('unreachable'),
    );
  }, [accountId]);
  useEffect(() => {
    refresh();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refresh]);
  return { coalitions, state, refresh };
}
