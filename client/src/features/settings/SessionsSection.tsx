/** Account settings: where the account is signed in, ending one of those sessions, or all but this one. */
import { useState } from 'react';
import { endOtherSessions, endSession, fetchSessions, type SessionView } from '../../api/accountApi.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';

function deviceName(session: SessionView): string {
  return session.device.trim() || 'An unknown browser';
}

export function SessionsSection({ refreshKey }: { refreshKey: number }) {
  return <SessionsList key={refreshKey} />;
}

function SessionsList() {
  const { remote, reload, set } = useRemote(fetchSessions);
  const showToast = useToastStore((s) => s.show);
  const [ending, setEnding] = useState<SessionView | 'others' | null>(null);

  const confirm = async () => {
    if (!ending || remote.state !== 'ok') return;
    if (ending === 'others') {
      await endOtherSessions();
      set(remote.data.filter((s) => s.current));
      showToast({ message: 'You are signed out everywhere else.' });
    } else {
      await endSession(ending.id);
      set(remote.data.filter((s) => s.id !== ending.id));
      showToast({ message: `Signed out: ${deviceName(ending)}.` });
    }
    setEnding(null);
  };

  const others = remote.state === 'ok' ? remote.data.filter((s) => !s.current) : [];
  return (
    <section className="panel settings__section" aria-labelledby="settings-sessions">
      <div className="settings__head">
        <h2 id="settings-sessions" className="panel__title">
          Sessions and devices
        </h2>
        {others.length > 0 && (
          <button type="button" className="button button--danger-ghost" onClick={() => setEnding('others')}>
            Sign out everywhere else
          </button>
        )}
      </div>
      <p className="muted">Browsers where your account is signed in. If you don’t recognise one, sign it out and change your password.</p>
      {remote.state === 'loading' ? (
        <Loading what="your sessions" />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : (
        <ul className="settings__list" aria-label="Sessions">
          {remote.data.map((s) => (
            <li key={s.id} className="settings__row" data-testid="session-row">
              <div className="settings__row-main">
                <strong>{deviceName(s)}</strong>
                {s.current && <span className="badge badge--here">This browser</span>}
                <span className="muted settings__row-meta">
                  Signed in {formatDateTime(s.createdAt)} · last used {formatDateTime(s.lastUsedAt)}
                </span>
              </div>
              {!s.current && (
                <button type="button" className="button button--small" onClick={() => setEnding(s)} aria-label={`Sign out ${deviceName(s)}`}>
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={ending !== null}
        title={ending === 'others' ? 'Sign out everywhere else?' : 'Sign out this session?'}
        confirmLabel={ending === 'others' ? 'Sign out everywhere else' : 'Sign out'}
        danger
        onConfirm={confirm}
        onClose={() => setEnding(null)}
      >
        {ending === 'others' ? (
          <p>Every other browser signed in to your account is signed out at once. Changes made there that have not synced stay on those devices.</p>
        ) : ending ? (
          <p>
            {deviceName(ending)} is signed out at once. Changes made there that have not synced stay on that device until someone signs in
            again.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
