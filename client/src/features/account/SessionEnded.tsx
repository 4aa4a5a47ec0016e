/**
 * "Your session ended — sign in again": shown on every page while the server refuses this device's session.
 * The page stays as it is (edits stay on the device) and signing in happens in a dialog, so nothing is left.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/authApi.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { AuthForm } from './AuthForm.tsx';

export function SessionEndedBanner({ account }: { account: Account }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <>
    <div className="session-banner" role="alert" data-testid="session-ended">
      <span>
        <strong>{t('accountUi.sessionEnded.title')}</strong>{' '}
        <span className="session-banner__detail">{t('accountUi.sessionEnded.detail')}</span>
      </span>
      <button type="button" className="button button--small button--primary" onClick={() => setOpen(true)}>
        {t('auth.signIn')}
      </button>
    </div>
    <SignInDialog account={account} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function SignInDialog({ account, open, onClose }: { account: Account; open: boolean; onClose: () => void }) {
  const status = useSessionStore((s) => s.state.status);
  const { t } = useTranslation();
  return (
    <Dialog open={open && status === 'expired'} onClose={onClose} title={t('accountUi.sessionEnded.dialogTitle')}>
      <AuthForm mode="signin" initialEmail={account.email} onDone={onClose} />
    </Dialog>
  );
}
