import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/sessionStore.ts';
import { AccountMenu } from '../features/account/AccountMenu.tsx';
import { SessionEndedBanner } from '../features/account/SessionEnded.tsx';
import { handleLinkClick, useRoute } from './router.ts';

/**
 * The bar across the top of every signed-in page: the brand (home link), the main sections or page-specific
 * items, and the account menu; under it, the notice that the session ended, when it has.
 */
export function TopBar({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const state = useSessionStore((s) => s.state);
  const route = useRoute();
  const account = state.status === 'signed-in' || state.status === 'expired' ? state.account : null;
  const here = route.name === 'coalitions' || route.name === 'coalition' ? 'coalitions' : route.name === 'reports' ? 'reports' : route.name === 'follow-up' ? 'follow-up' : route.name === 'library' || route.name === 'library-entry' ? 'library' : null;
  return (
    <>
      <header className="topbar">
        <a href="/" className="brand" aria-label="Rightsdraft" onClick={handleLinkClick}>
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span className="brand__name">Rightsdraft</span>
        </a>
        <div className="topbar__middle">
          {children ?? (
            <nav className="main-nav" aria-label={t('nav.main')}>
              <a href="/" className="main-nav__link" aria-current={here === 'reports' ? 'page' : undefined} onClick={handleLinkClick}>
                {t('nav.reports')}
              </a>
              <a href="/coalitions" className="main-nav__link" aria-current={here === 'coalitions' ? 'page' : undefined} onClick={handleLinkClick}>
                {t('nav.coalitions')}
              </a>
              <a href="/follow-up" className="main-nav__link" aria-current={here === 'follow-up' ? 'page' : undefined} onClick={handleLinkClick}>
                {t('settings.nav.followUp')}
              </a>
              <a href="/library" className="main-nav__link" aria-current={here === 'library' ? 'page' : undefined} onClick={handleLinkClick}>
                {t('library.title')}
              </a>
            </nav>
          )}
        </div>
        {account && <AccountMenu account={account} />}
      </header>
      {state.status === 'expired' && <SessionEndedBanner account={state.account} />}
    </>
  );
}
