/** Account settings: where the account is signed in, ending one of those sessions, or all but this one. */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endOtherSessions, endSession, fetchSessions, type SessionView } from '../../api/accountApi.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';

function deviceName(session: SessionView, t: TFunction): string {
  return session.device.trim() || t('settings.sessions.unknownBrowser');
}

export function SessionsSection({ refreshKey }: { refreshKey: number }) {
  return <SessionsList key={refreshKey} />;
}

function SessionsList() {
  const { remote, reload, set } = useRemote(fetchSessions);
  const showToast = useToastStore((s) => s.show);
  const [ending, setEnding] = useState<SessionView | 'others' | null>(null);
  const { t } = useTranslation();

  const confirm = async () => {
    if (!ending || remote.state !== 'ok') return;
    if (ending === 'others') {
      await endOtherSessions();
      set(remote.data.filter((s) => s.current));
      showToast({ message: t('settings.sessions.othersEndedToast') });
    } else {
      await endSession(ending.id);
      set(remote.data.filter((s) => s.id !== ending.id));
      showToast({ message: t('settings.sessions.endedToast', { device: deviceName(ending, t) }) });
    }
    setEnding(null);
  };

  const others = remote.state === 'ok' ? remote.data.filter((s) => !s.current) : [];
  return (
    <section className="panel settings__section" aria-labelledby="settings-sessions">
      <div className="settings__head">
        <h2 id="settings-sessions" className="panel__title">
          {t('settings.sessions.title')}
        </h2>
        {others.length > 0 && (
          <button type="button" className="button button--danger-ghost" onClick={() => setEnding('others')}>
            {t('settings.sessions.endOthers')}
          </button>
        )}
      </div>
      <p className="muted">{t('settings.sessions.help')}</p>
      {remote.state === 'loading' ? (
        <Loading message={t('settings.sessions.loading')} />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : (
        <ul className="settings__list" aria-label={t('settings.sessions.listLabel')}>
          {remote.data.map((s) => (
            <li key={s.id} className="settings__row" data-testid="session-row">
              <div className="settings__row-main">
                <strong>{deviceName(s, t)}</strong>
                {s.current && <span className="badge badge--here">{t('settings.sessions.thisBrowser')}</span>}
                <span className="muted settings__row-meta">
                  {t('settings.sessions.meta', { signedIn: formatDateTime(s.createdAt), lastUsed: formatDateTime(s.lastUsedAt) })}
                </span>
              </div>
              {!s.current && (
                <button type="button" className="button button--small" onClick={() => setEnding(s)} aria-label={t('settings.sessions.endLabel', { device: deviceName(s, t) })}>
                  {t('settings.sessions.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={ending !== null}
        title={t(ending === 'others' ? 'settings.sessions.confirmOthersTitle' : 'settings.sessions.confirmOneTitle')}
        confirmLabel={t(ending === 'others' ? 'settings.sessions.endOthers' : 'settings.sessions.end')}
        danger
        onConfirm={confirm}
        onClose={() => setEnding(null)}
      >
        {ending === 'others' ? (
          <p>{t('settings.sessions.confirmOthersBody')}</p>
        ) : ending ? (
          <p>{t('settings.sessions.confirmOneBody', { device: deviceName(ending, t) })}</p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
