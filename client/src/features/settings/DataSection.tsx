/**
 * Account settings: a copy of everything the server holds about the account (a JSON file), and deleting the
 * account. Deleting asks for the password; a person who is the only owner of a report or the only manager of a
 * coalition is told so (409) and must hand it over first. After deletion, this device's copies are removed too.
 */
import { useState, type FormEvent } from 'react';
import { ACCOUNT_LIMITS } from '../../../../shared/api/validate.ts';
import { deleteMyAccount, downloadMyData } from '../../api/accountApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';

export function DataSection() {
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { blob, fileName } = await downloadMyData();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      showToast({ message: `Your data was saved as ${fileName}.` });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-data">
      <h2 id="settings-data" className="panel__title">
        Your data
      </h2>
      <p className="muted">
        Download a copy of what this Rightsdraft holds about you, as one JSON file: your account, sessions and access tokens, the
        invitations you made, and the comments, suggestions and versions you wrote.
      </p>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button" onClick={download} disabled={busy}>
          {busy ? 'Preparing your data…' : 'Download your data'}
        </button>
      </div>
    </section>
  );
}

export function DeleteAccountSection() {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel settings__section settings__section--danger" aria-labelledby="settings-delete">
      <h2 id="settings-delete" className="panel__title">
        Delete account
      </h2>
      <p className="muted">
        Your account, sessions and tokens are deleted and you are signed out everywhere. A report you are the only owner of, or a coalition
        you are the only manager of, must be handed to someone else first. Your comments and suggestions stay in the reports, under your
        name.
      </p>
      <div className="settings__actions">
        <button type="button" className="button button--danger-ghost" onClick={() => setOpen(true)}>
          Delete your account…
        </button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete your account?">
        <DeleteForm onCancel={() => setOpen(false)} />
      </Dialog>
    </section>
  );
}

function DeleteForm({ onCancel }: { onCancel: () => void }) {
  const accountDeleted = useSessionStore((s) => s.accountDeleted);
  const showToast = useToastStore((s) => s.show);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [blocked, setBlocked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setPasswordError('Enter your password to confirm.');
      return;
    }
    setBusy(true);
    setError(null);
    setBlocked(null);
    try {
      await deleteMyAccount(password);
      await accountDeleted();
      navigate('/signin', { replace: true });
      showToast({ message: 'Your account was deleted, and its reports were removed from this device.' });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'wrong_password') setPasswordError('That is not your password.');
      else if (err instanceof ApiError && (err.code === 'sole_owner' || err.code === 'sole_manager')) setBlocked(err.message);
      else setError(describeError(err));
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>This cannot be undone. Download your data first if you want to keep a copy.</p>
      {blocked && (
        <div className="settings__blocked" role="alert" data-testid="delete-blocked">
          <strong>Your account can’t be deleted yet.</strong>
          <p>{blocked}</p>
        </div>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        value={password}
        maxLength={ACCOUNT_LIMITS.passwordMaxChars}
        onChange={(e) => {
          setPassword(e.target.value);
          setPasswordError(undefined);
        }}
        error={passwordError}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete my account'}
        </button>
      </div>
    </form>
  );
}
