/**
 * Who is signed in, for authorship of comments and suggestions: `GET /api/auth/me`, remembered on this device
 * so the discussion can be written offline too. The accounts work brings its own session store; at the merge
 * this module is the one place to point at it.
 */
import { useEffect, useState } from 'react';
import { getJson } from './reviewApi.ts';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

const STORAGE_KEY = 'rightsdraft.account';

function remembered(): CurrentUser | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const value = raw ? (JSON.parse(raw) as Partial<CurrentUser>) : null;
    return value && typeof value.id === 'string' && typeof value.name === 'string' ? { id: value.id, name: value.name, email: value.email ?? '' } : null;
  } catch {
    return null;
  }
}

let current: CurrentUser | null = remembered();
let pending: Promise<CurrentUser | null> | null = null;

/** Ask the server once per page; offline, the account remembered from the last visit. */
export function loadCurrentUser(): Promise<CurrentUser | null> {
  pending ??= getJson<{ user: CurrentUser }>('/api/auth/me').then(
    ({ user }) => {
      current = { id: user.id, name: user.name, email: user.email };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
      } catch {
        // Storage disabled: known for this visit only.
      }
      return current;
    },
    () => {
      pending = null;
      return current;
    },
  );
  return pending;
}

export function useCurrentUser(): CurrentUser | null {
  const [user, setUser] = useState<CurrentUser | null>(current);
  useEffect(() => {
    let live = true;
    void loadCurrentUser().then((u) => live && setUser(u));
    return () => {
      live = false;
    };
  }, []);
  return user;
}
