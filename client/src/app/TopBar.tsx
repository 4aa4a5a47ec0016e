import type { ReactNode } from 'react';
import { handleLinkClick } from './router.ts';
import { useUserStore } from '../stores/userStore.ts';
import { Avatar } from '../ui/Avatar.tsx';

/** The bar across the top of every page: the brand (home link), page-specific items, and the user. */
export function TopBar({ children }: { children?: ReactNode }) {
  const user = useUserStore((s) => s.user);
  const openNameDialog = useUserStore((s) => s.openNameDialog);
  return (
    <header className="topbar">
      <a href="/" className="brand" onClick={handleLinkClick}>
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span className="brand__name">Rightsdraft</span>
      </a>
      <div className="topbar__middle">{children}</div>
      {user && (
        <button type="button" className="user-chip" onClick={openNameDialog} aria-label={`Signed in on this device as ${user.name}. Change name`}>
          <Avatar name={user.name} color={user.color} size="sm" label="" />
          <span className="user-chip__name">{user.name}</span>
        </button>
      )}
    </header>
  );
}
