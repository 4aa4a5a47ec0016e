/**
 * /admin: for administrators of this Rightsdraft. Users (turning an account off and on again) and Sign-up (who
 * may create an account, and one-person invitation links). The server checks every request; this page only
 * hides itself from others.
 */
import { useEffect, useState } from 'react';
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
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { CopyField } from './CopyField.tsx';
import { LoadError, Loading } from './SectionStatus.tsx';
import { useRemote } from './useRemote.ts';
import './settings.css';

export function AdminPage() {
  const account = useAccount();
  useEffect(() => {
    document.title = 'Administration — Rightsdraft';
  }, []);
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page settings">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">Administration</h1>
            <p className="muted">The accounts of this Rightsdraft and who may create one.</p>
          </div>
        </div>
        {account?.isAdmin ? (
          <>
            <UsersSection selfId={account.id} />
            <SignupSection />
          </>
        ) : (
          <div className="empty">
            <h2>For administrators only</h2>
            <p className="muted">Your account does not administer this Rightsdraft. Ask its administrator if you need something changed.</p>
            <a href="/" className="button" onClick={handleLinkClick}>
              Go to your reports
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

  const confirm = async () => {
    if (!changing || remote.state !== 'ok') return;
    const updated = await setUserDisabled(changing.id, !changing.disabled);
    set(remote.data.map((u) => (u.id === updated.id ? updated : u)));
    showToast({
      message: updated.disabled ? `${updated.name}’s account is turned off and signed out everywhere.` : `${updated.name} can sign in again.`,
    });
    setChanging(null);
  };

  return (
    <section className="panel settings__section" aria-labelledby="admin-users">
      <h2 id="admin-users" className="panel__title">
        Users
        {remote.state === 'ok' && <span className="panel__count muted">{remote.data.length}</span>}
      </h2>
      <p className="muted">
        Turning an account off signs its person out everywhere and stops them signing in; their reports and comments stay. You can turn it on
        again at any time.
      </p>
      {remote.state === 'loading' ? (
        <Loading what="the accounts" />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : remote.data.length === 0 ? (
        <p className="settings__empty">No accounts yet.</p>
      ) : (
        <ul className="settings__list" aria-label="Users">
          {remote.data.map((u) => (
            <li key={u.id} className={`settings__row${u.disabled ? ' settings__row--off' : ''}`} data-testid="user-row">
              <div className="settings__row-main">
                <strong>{u.name}</strong>
                {u.isAdmin && <span className="badge">Administrator</span>}
                {u.disabled && <span className="badge badge--unsynced">Turned off</span>}
                {u.id === selfId && <span className="badge badge--here">You</span>}
                <span className="settings__row-meta">{u.email}</span>
                <span className="muted settings__row-meta">
                  Joined {formatDate(u.createdAt)} · {u.lastSeenAt ? `last seen ${formatDateTime(u.lastSeenAt)}` : 'never signed in since'}
                </span>
              </div>
              {u.id !== selfId && (
                <button
                  type="button"
                  className={`button button--small${u.disabled ? '' : ' button--danger-ghost'}`}
                  onClick={() => setChanging(u)}
                  aria-label={`${u.disabled ? 'Turn on' : 'Turn off'} ${u.name}’s account`}
                >
                  {u.disabled ? 'Turn on' : 'Turn off'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={changing !== null}
        title={changing?.disabled ? 'Turn this account on again?' : 'Turn this account off?'}
        confirmLabel={changing?.disabled ? 'Turn on' : 'Turn off'}
        danger={!changing?.disabled}
        onConfirm={confirm}
        onClose={() => setChanging(null)}
      >
        {changing?.disabled ? (
          <p>
            {changing.name} ({changing.email}) can sign in again, with the same reports and roles as before.
          </p>
        ) : changing ? (
          <p>
            {changing.name} ({changing.email}) is signed out everywhere at once and cannot sign in until you turn the account on again. Their
            reports, comments and roles are kept.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

const MODES: { mode: RegistrationMode; label: string; help: string }[] = [
  { mode: 'open', label: 'Anyone can sign up', help: 'Anyone who can reach this Rightsdraft can create an account.' },
  {
    mode: 'invite',
    label: 'By invitation',
    help: 'People create an account only with an invitation link: one you make below, or a coalition’s invitation.',
  },
  {
    mode: 'closed',
    label: 'Closed',
    help: 'Only an invitation link made below creates an account. People who have one already can still join a coalition that invites them.',
  },
];

/** An older server lacks some of these requests: said plainly rather than as "not found". */
function orOlderServer<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  return async () => {
    try {
      return await load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) throw new ApiError(404, err.code, `This server has no ${what} yet: it runs an older version of Rightsdraft.`);
      throw err;
    }
  };
}

const loadUsers = orOlderServer(fetchUsers, 'list of accounts');
const loadRegistration = orOlderServer(fetchRegistration, 'sign-up settings');

function SignupSection() {
  const { remote, reload, set } = useRemote(loadRegistration);
  const showToast = useToastStore((s) => s.show);
  const [saving, setSaving] = useState(false);
  /** The mode just chosen, shown at once while the server stores it (and taken back if it refuses). */
  const [pending, setPending] = useState<RegistrationMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string } | null>(null);

  const choose = async (mode: RegistrationMode) => {
    setPending(mode);
    setSaving(true);
    setError(null);
    try {
      const saved = await setRegistration(mode);
      set(saved);
      showToast({ message: `Sign-up: ${MODES.find((m) => m.mode === saved)?.label ?? saved}.` });
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
      showToast({ message: 'Invitation link created. Copy it and send it to the person.' });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setInviting(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="admin-signup">
      <h2 id="admin-signup" className="panel__title">
        Sign-up
      </h2>
      {remote.state === 'loading' ? (
        <Loading what="the sign-up setting" />
      ) : remote.state === 'error' ? (
        <LoadError message={remote.message} onRetry={reload} />
      ) : (
        <fieldset className="choice-group" disabled={saving}>
          <legend className="settings__subtitle">Who can create an account</legend>
          {saving && (
            <p className="settings__status" role="status">
              Saving…
            </p>
          )}
          {MODES.map((m) => (
            <label key={m.mode} className="choice">
              <input type="radio" name="registration" value={m.mode} checked={(pending ?? remote.data) === m.mode} onChange={() => void choose(m.mode)} />
              <span>
                <span className="choice__label">{m.label}</span>
                <span className="choice__help">{m.help}</span>
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
        <h3 className="settings__subtitle">Invite one person</h3>
        <p className="muted">A link that lets one person create an account, whatever the setting above. It works once.</p>
        {invitation && (
          <div className="settings__created" role="status" data-testid="signup-invitation">
            <CopyField label="Invitation link" value={invitation.url} />
            <p className="muted">Valid until {formatDateTime(invitation.expiresAt).replace(/^on /, '')}.</p>
          </div>
        )}
        <div className="settings__actions">
          <button type="button" className="button" onClick={invite} disabled={inviting}>
            {inviting ? 'Creating…' : invitation ? 'Create another link' : 'Create an invitation link'}
          </button>
        </div>
      </div>
    </section>
  );
}
