/** Account settings: a new password. The server signs out every other session of the account when it changes. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems: typeof errors = {};
    if (!current) problems.current = t('settings.password.currentMissing');
    if ([...next].length < ACCOUNT_LIMITS.passwordMinChars) problems.next = t('errors.weak_password', { min: ACCOUNT_LIMITS.passwordMinChars });
    else if (next === current) problems.next = t('settings.password.sameAsCurrent');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      showToast({ message: t('settings.password.changedToast') });
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') setErrors({ current: t('errors.wrong_password') });
      else if (err instanceof ApiError && err.field === 'newPassword') setErrors({ next: err.message });
      else setErrors({ form: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel settings__section" aria-labelledby="settings-password">
      <h2 id="settings-password" className="panel__title">
        {t('settings.password.title')}
      </h2>
      <p className="muted">{t('settings.password.help')}</p>
      <form className="form settings__form" onSubmit={submit} noValidate>
        {errors.form && (
          <p className="form__error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label={t('settings.password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current}
        />
        <TextField
          label={t('settings.password.new')}
          type="password"
          autoComplete="new-password"
          value={next}
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
          onChange={(e) => setNext(e.target.value)}
          error={errors.next}
          help={t('settings.password.minHelp', { min: ACCOUNT_LIMITS.passwordMinChars })}
        />
        <div className="form__actions settings__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(busy ? 'settings.password.changing' : 'settings.password.change')}
          </button>
        </div>
      </form>
    </section>
  );
}
