/**
 * /admin: for administrators of this Rightsdraft. Users (turning an account off and on again) and Sign-up (who
 * may create an account, and one-person invitation links). The server checks every request; this page only
 * hides itself from others.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createSignupInvitation,
  fetchRegistration,
  fetchUsers,
  setRegistration,
  setUserDisabled,
  type AdminUserView,
  type RegistrationMode,
} from '../../api/accountApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { handleLinkClick } from '../../app/router.ts';
import { useAccount } from '../../auth/useAccount.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { currentLanguage, i18n } from '../../i18n/i18n.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { CopyField } from './CopyField.tsx';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';
import './settings.css';

export function AdminPage() {
  const account = useAccount();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('settings.admin.pageTitle');
  }, [t]);
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page settings">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">{t('account.administration')}</h1>
            <p className="muted">{t('settings.admin.intro')}</p>
          </div>
        </div>
        {account?.isAdmin ? (
          <>
            <UsersSection selfId={account.id} />
            <SignupSection />
          </>
        ) : (
          <div className="empty">
            <h2>{t('settings.admin.adminsOnly')}</h2>
            <p className="muted">{t('settings.admin.notAdmin')}</p>
            <a href="/" className="button" onClick={handleLinkClick}>
              {t('settings.admin.goToReports')}
            </a>
          </div>
        )}
      </main>
    </div>
  );
}

function UsersSection({ selfId }: { selfId: string }) {
  const { remote, reload, set } = useRemote(loadUsers);
  const showToast = useToastStore((s) => s.show);
  const [changing, setChanging] = useState<AdminUserView | null>(null);
  const { t } = useTranslation();

  const confirm = async () => {
    if (!changing || remote.state !== 'ok') return;
    const updated = await setUserDisabled(changing.id, !changing.disabled);
    set(remote.data.map((u) => (u.id === updated.id ? updated : u)));
    showToast({
      message: t(updated.disabled ? 'settings.admin.users.turnedOffToast' : 'settings.admin.users.turnedOnToast', { name: updated.name }),
    });
    setChanging(null);
  };

  return (
    <section className="panel settings__section" aria-labelledby="admin-users">
      <h2 id="admin-users" className="panel__title">
        {t('settings.admin.users.title')}
        {remote.state === 'ok' && <span className="panel__count muted">{remote.data.length}</span>}
      </h2>
      <p className="muted">{t('settings.admin.users.help')}</p>
      {remote.state === 'loading' ? (
        <Loading message={t('settings.admin.users.loading')} />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : remote.data.length === 0 ? (
        <p className="settings__empty">{t('settings.admin.users.none')}</p>
      ) : (
        <ul className="settings__list" aria-label={t('settings.admin.users.title')}>
          {remote.data.map((u) => (
            <li key={u.id} className={`settings__row${u.disabled ? ' settings__row--off' : ''}`} data-testid="user-row">
              <div className="settings__row-main">
                <strong>{u.name}</strong>
                {u.isAdmin && <span className="badge">{t('settings.admin.users.adminBadge')}</span>}
                {u.disabled && <span className="badge badge--unsynced">{t('settings.admin.users.offBadge')}</span>}
                {u.id === selfId && <span className="badge badge--here">{t('settings.admin.users.youBadge')}</span>}
                <span className="settings__row-meta">{u.email}</span>
                <span className="muted settings__row-meta">
                  {u.lastSeenAt
                    ? t('settings.admin.users.joinedSeen', { joined: formatDate(u.createdAt), seen: formatDateTime(u.lastSeenAt) })
                    : t('settings.admin.users.joinedNever', { joined: formatDate(u.createdAt) })}
                </span>
              </div>
              {u.id !== selfId && (
                <button
                  type="button"
                  className={`button button--small${u.disabled ? '' : ' button--danger-ghost'}`}
                  onClick={() => setChanging(u)}
                  aria-label={t(u.disabled ? 'settings.admin.users.turnOnLabel' : 'settings.admin.users.turnOffLabel', { name: u.name })}
                >
                  {t(u.disabled ? 'settings.admin.users.turnOn' : 'settings.admin.users.turnOff')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={changing !== null}
        title={t(changing?.disabled ? 'settings.admin.users.confirmOnTitle' : 'settings.admin.users.confirmOffTitle')}
        confirmLabel={t(changing?.disabled ? 'settings.admin.users.turnOn' : 'settings.admin.users.turnOff')}
        danger={!changing?.disabled}
        onConfirm={confirm}
        onClose={() => setChanging(null)}
      >
        {changing?.disabled ? (
          <p>{t('settings.admin.users.confirmOnBody', { name: changing.name, email: changing.email })}</p>
        ) : changing ? (
          <p>{t('settings.admin.users.confirmOffBody', { name: changing.name, email: changing.email })}</p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

/** The sign-up modes, with the message keys of their label and help (translated where shown). */
const MODES: { mode: RegistrationMode; label: string; help: string }[] = [
  { mode: 'open', label: 'settings.admin.signup.open.label', help: 'settings.admin.signup.open.help' },
  { mode: 'invite', label: 'settings.admin.signup.invite.label', help: 'settings.admin.signup.invite.help' },
  { mode: 'closed', label: 'settings.admin.signup.closed.label', help: 'settings.admin.signup.closed.help' },
];

/** An older server lacks some of these requests: said plainly rather than as "not found". */
function orOlderServer<T>(load: () => Promise<T>, messageKey: string): () => Promise<T> {
  return async () => {
    try {
      return await load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) throw new ApiError(404, err.code, i18n.t(messageKey));
      throw err;
    }
  };
}

const loadUsers = orOlderServer(fetchUsers, 'settings.admin.olderServer.users');
const loadRegistration = orOlderServer(fetchRegistration, 'settings.admin.olderServer.signup');

function SignupSection() {
  const { remote, reload, set } = useRemote(loadRegistration);
  const showToast = useToastStore((s) => s.show);
  const [saving, setSaving] = useState(false);
  /** The mode just chosen, shown at once while the server stores it (and taken back if it refuses). */
  const [pending, setPending] = useState<RegistrationMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string } | null>(null);
  const { t } = useTranslation();

  const choose = async (mode: RegistrationMode) => {
    setPending(mode);
    setSaving(true);
    setError(null);
    try {
      const saved = await setRegistration(mode);
      set(saved);
      const label = MODES.find((m) => m.mode === saved)?.label;
      showToast({ message: t('settings.admin.signup.savedToast', { mode: label ? t(label) : saved }) });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setPending(null);
      setSaving(false);
    }
  };

  const invite = async () => {
    setInviting(true);
    setError(null);
    try {
      const made = await createSignupInvitation();
      setInvitation(made);
      showToast({ message: t('settings.admin.invite.created') });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setInviting(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="admin-signup">
      <h2 id="admin-signup" className="panel__title">
        {t('settings.admin.signup.title')}
      </h2>
      {remote.state === 'loading' ? (
        <Loading message={t('settings.admin.signup.loading')} />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : (
        <fieldset className="choice-group" disabled={saving}>
          <legend className="settings__subtitle">{t('settings.admin.signup.who')}</legend>
          {saving && (
            <p className="settings__status" role="status">
              {t('sync.saving')}
            </p>
          )}
          {MODES.map((m) => (
            <label key={m.mode} className="choice">
              <input type="radio" name="registration" value={m.mode} checked={(pending ?? remote.data) === m.mode} onChange={() => void choose(m.mode)} />
              <span>
                <span className="choice__label">{t(m.label)}</span>
                <span className="choice__help">{t(m.help)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__invite">
        <h3 className="settings__subtitle">{t('settings.admin.invite.title')}</h3>
        <p className="muted">{t('settings.admin.invite.help')}</p>
        {invitation && (
          <div className="settings__created" role="status" data-testid="signup-invitation">
            <CopyField label={t('settings.admin.invite.linkLabel')} value={invitation.url} />
            <p className="muted">{t('settings.admin.invite.validUntil', validUntil(invitation.expiresAt))}</p>
          </div>
        )}
        <div className="settings__actions">
          <button type="button" className="button" onClick={invite} disabled={inviting}>
            {t(inviting ? 'settings.admin.invite.creating' : invitation ? 'settings.admin.invite.createAnother' : 'settings.admin.invite.create')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The date and the time an invitation expires, in the interface language. */
function validUntil(iso: string): { date: string; time: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { date: '—', time: '—' };
  return { date: formatDate(iso), time: date.toLocaleTimeString(currentLanguage(), { hour: '2-digit', minute: '2-digit' }) };
}
