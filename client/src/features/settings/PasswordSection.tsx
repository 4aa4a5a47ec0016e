/** Account settings: a new password. The server signs out every other session of the account when it changes. */
import { useState, type FormEvent } from 'react';
import { ACCOUNT_LIMITS } from '../../../../shared/api/validate.ts';
import { changePassword } from '../../api/accountApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { TextField } from '../../ui/TextField.tsx';

export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const showToast = useToastStore((s) => s.show);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems: typeof errors = {};
    if (!current) problems.current = 'Enter the password you use now.';
    if ([...next].length < ACCOUNT_LIMITS.passwordMinChars)
      problems.next = `Choose a password of at least ${ACCOUNT_LIMITS.passwordMinChars} characters; a few unrelated words work well.`;
    else if (next === current) problems.next = 'The new password is the same as the one you use now.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      showToast({ message: 'Password changed. You were signed out everywhere else.' });
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') setErrors({ current: 'That is not your current password.' });
      else if (err instanceof ApiError && err.field === 'newPassword') setErrors({ next: err.message });
      else setErrors({ form: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-password">
      <h2 id="settings-password" className="panel__title">
        Password
      </h2>
      <p className="muted">Changing it signs you out on every other device and browser; this one stays signed in.</p>
      <form className="form settings__form" onSubmit={submit} noValidate>
        {errors.form && (
          <p className="form__error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
          help={`At least ${ACCOUNT_LIMITS.passwordMinChars} characters.`}
        />
        <div className="form__actions settings__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
