/**
 * Signing out: whether to remove this device's copies of the reports (ticked by default on a device marked
 * shared), and a warning naming the reports whose changes have not reached the server, with the choice to stay
 * signed in and sync first. Signing out needs the server: it ends the session everywhere it is used.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/authApi.ts';
import { describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { findUnsentReports, type UnsentReport } from '../../auth/deviceCopies.ts';
import { useSharedDevice } from '../../auth/sharedDevice.ts';
import { publishPendingReports } from '../reports/publish.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useOnline } from '../../app/useOnline.ts';

export function SignOutDialog({ account, open, onClose }: { account: Account; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('account.signOut')}>
      {open && <SignOutForm account={account} onClose={onClose} />}
    </Dialog>
  );
}

function SignOutForm({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const shared = useSharedDevice((s) => s.shared);
  const signOut = useSessionStore((s) => s.signOut);
  const showToast = useToastStore((s) => s.show);
  const online = useOnline();
  const [remove, setRemove] = useState(shared);
  const [unsent, setUnsent] = useState<UnsentReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    findUnsentReports(account.id).then(
      (reports) => live && setUnsent(reports),
      () => live && setUnsent([]),
    );
    return () => {
      live = false;
    };
  }, [account.id]);

  const hasUnsent = unsent !== null && unsent.length > 0;

  const syncFirst = () => {
    onClose();
    if (online) {
      void publishPendingReports(account.id);
      showToast({ message: t('accountUi.signOut.syncingOnline') });
    } else {
      showToast({ message: t('accountUi.signOut.syncingOffline') });
    }
  };

  const handleSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      const removed = await signOut({ removeCopies: remove });
      navigate('/signin', { replace: true });
      if (!removed) showToast({ message: t('accountUi.signOut.doneKept') });
      else if (removed.stillOpen > 0)
        showToast({ message: t('accountUi.signOut.doneStillOpen') }, 12_000);
      else showToast({ message: t('accountUi.signOut.doneRemoved') });
    } catch (err) {
      setBusy(false);
      setError(t('accountUi.signOut.failed', { error: describeError(err) }));
    }
  };

  return (
    <div className="form sign-out">
      {hasUnsent && (
        <div className="sign-out__warning" role="alert" data-testid="unsent-warning">
          <p>
            <strong>{t('accountUi.signOut.unsentTitle', { count: unsent.length })}</strong>
          </p>
          <ul>
            {unsent.map((r) => (
              <li key={r.id}>{r.title}</li>
            ))}
          </ul>
          <p>
            {remove ? t('accountUi.signOut.lostIfRemoved') : t('accountUi.signOut.keptIfNotRemoved')}{' '}
            {online ? t('accountUi.signOut.stayOnline') : t('accountUi.signOut.stayOffline')}
          </p>
          <button type="button" className="button" onClick={syncFirst} data-autofocus>
            {t('accountUi.signOut.syncFirst')}
          </button>
        </div>
      )}
      <label className="tick sign-out__remove">
        <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} />
        <span>
          <span className="tick__label">{t('accountUi.signOut.removeCopies')}</span>
          <span className="field__help">
            {shared ? t('accountUi.signOut.removeHelpShared') : t('accountUi.signOut.removeHelp')}
          </span>
        </span>
      </label>
      {!online && !hasUnsent && (
        <p className="notice" role="status">
          {t('accountUi.signOut.offline')}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus={hasUnsent ? undefined : true}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`button ${remove && hasUnsent ? 'button--danger' : 'button--primary'}`}
          onClick={handleSignOut}
          disabled={busy || unsent === null}
        >
          {busy ? t('accountUi.signOut.signingOut') : remove && hasUnsent ? t('accountUi.signOut.signOutAndLose') : t('account.signOut')}
        </button>
      </div>
    </div>
  );
}
