/**
 * Account settings: a copy of everything the server holds about the account (a JSON file), and deleting the
 * account. Deleting asks for the password; a person who is the only owner of a report or the only manager of a
 * coalition is told so (409) and must hand it over first. After deletion, this device's copies are removed too.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();

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
      showToast({ message: t('settings.data.savedToast', { fileName }) });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-data">
      <h2 id="settings-data" className="panel__title">
        {t('settings.data.title')}
      </h2>
      <p className="muted">{t('settings.data.help')}</p>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button" onClick={download} disabled={busy}>
          {t(busy ? 'settings.data.preparing' : 'settings.data.download')}
        </button>
      </div>
    </section>
  );
}

export function DeleteAccountSection() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  return (
    <section className="panel settings__section settings__section--danger" aria-labelledby="settings-delete">
      <h2 id="settings-delete" className="panel__title">
        {t('settings.delete.title')}
      </h2>
      <p className="muted">{t('settings.delete.help')}</p>
      <div className="settings__actions">
        <button type="button" className="button button--danger-ghost" onClick={() => setOpen(true)}>
          {t('settings.delete.open')}
        </button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('settings.delete.dialogTitle')}>
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
  const { t } = useTranslation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setPasswordError(t('settings.delete.passwordMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    setBlocked(null);
    try {
      await deleteMyAccount(password);
      await accountDeleted();
      navigate('/signin', { replace: true });
      showToast({ message: t('settings.delete.deletedToast') });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'wrong_password') setPasswordError(t('settings.delete.wrongPassword'));
      else if (err instanceof ApiError && (err.code === 'sole_owner' || err.code === 'sole_manager')) setBlocked(err.message);
      else setError(describeError(err));
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('settings.delete.cannotUndo')}</p>
      {blocked && (
        <div className="settings__blocked" role="alert" data-testid="delete-blocked">
          <strong>{t('settings.delete.blocked')}</strong>
          <p>{blocked}</p>
        </div>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <TextField
        label={t('settings.delete.password')}
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
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--danger" disabled={busy}>
          {t(busy ? 'settings.delete.deleting' : 'settings.delete.confirm')}
        </button>
      </div>
    </form>
  );
}
