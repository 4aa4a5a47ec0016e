/** /account: the signed-in person's account settings. Every section needs the server; offline, the page says so. */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TopBar } from '../../app/TopBar.tsx';
import { useOnline } from '../../app/useOnline.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { Icon } from '../../ui/Icon.tsx';
import { DataSection, DeleteAccountSection } from './DataSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { CalendarSection } from '../deadlines/CalendarSection.tsx';
import './settings.css';

export function AccountPage() {
  const account = useAccount();
  const online = useOnline();
  // A new password ends the other sessions: the list is read again.
  const [sessionsKey, setSessionsKey] = useState(0);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('settings.account.pageTitle');
  }, [t]);
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page settings">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">{t('account.settings')}</h1>
            {account && (
              <p className="muted">
                <Trans i18nKey="settings.account.signedInAs" values={{ name: account.name, email: account.email }} components={{ strong: <strong /> }} />
              </p>
            )}
          </div>
        </div>
        {!online && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>{t('settings.account.offline')}</span>
          </div>
        )}
        <PasswordSection onChanged={() => setSessionsKey((n) => n + 1)} />
        <SessionsSection refreshKey={sessionsKey} />
        <TokensSection />
        <CalendarSection />
        <DataSection />
        <DeleteAccountSection />
      </main>
    </div>
  );
}
