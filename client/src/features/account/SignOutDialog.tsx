/**
 * Signing out: whether to remove this device's copies of the reports (ticked by default on a device marked
 * shared), and a warning naming the reports whose changes have not reached the server, with the choice to stay
 * signed in and sync first. Signing out needs the server: it ends the session everywhere it is used.
 */
import { useEffect, useState } from 'react';
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
  return (
    <Dialog open={open} onClose={onClose} title="Sign out">
      {open && <SignOutForm account={account} onClose={onClose} />}
    </Dialog>
  );
}

function SignOutForm({ account, onClose }: { account: Account; onClose: () => void }) {
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
      showToast({ message: 'You are still signed in. Your changes are being sent to the server.' });
    } else {
      showToast({ message: 'You are still signed in. Your changes are sent when you are back online.' });
    }
  };

  const handleSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      const removed = await signOut({ removeCopies: remove });
      navigate('/signin', { replace: true });
      if (!removed) showToast({ message: 'You are signed out. Your reports stay on this device for your next visit.' });
      else if (removed.stillOpen > 0)
        showToast({ message: 'You are signed out. Some copies are still open in another window; they are removed when it closes.' }, 12_000);
      else showToast({ message: 'You are signed out, and this device’s copies of your reports were removed.' });
    } catch (err) {
      setBusy(false);
      setError(`${describeError(err)} Signing out needs the server, to end your session everywhere.`);
    }
  };

  return (
    <div className="form sign-out">
      {hasUnsent && (
        <div className="sign-out__warning" role="alert" data-testid="unsent-warning">
          <p>
            <strong>
              {unsent.length === 1 ? 'Changes to this report have' : `Changes to these ${unsent.length} reports have`} not reached the server
              yet:
            </strong>
          </p>
          <ul>
            {unsent.map((r) => (
              <li key={r.id}>{r.title}</li>
            ))}
          </ul>
          <p>
            {remove
              ? 'If you sign out and remove this device’s copies now, these changes are lost.'
              : 'They stay on this device and are sent the next time you sign in here.'}{' '}
            {online ? 'Stay signed in until they are sent.' : 'You are offline: connect, and stay signed in until they are sent.'}
          </p>
          <button type="button" className="button" onClick={syncFirst} data-autofocus>
            Stay signed in and sync first
          </button>
        </div>
      )}
      <label className="tick sign-out__remove">
        <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} />
        <span>
          <span className="tick__label">Remove this device’s copies of your reports</span>
          <span className="field__help">
            {shared
              ? 'Recommended: you marked this device as shared. The next person to use it cannot read your reports. They stay on the server.'
              : 'Choose this on a device other people use. Your reports stay on the server; opening them here again downloads them.'}
          </span>
        </span>
      </label>
      {!online && !hasUnsent && (
        <p className="notice" role="status">
          You are offline. Signing out needs the server, to end your session everywhere: connect first.
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus={hasUnsent ? undefined : true}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${remove && hasUnsent ? 'button--danger' : 'button--primary'}`}
          onClick={handleSignOut}
          disabled={busy || unsent === null}
        >
          {busy ? 'Signing out…' : remove && hasUnsent ? 'Sign out and lose these changes' : 'Sign out'}
        </button>
      </div>
    </div>
  );
}
