/**
 * The sign-in and sign-up forms (pages, the invitation page and the "session ended" dialog use them). Fields
 * are checked with the shared validators before sending; the server's errors appear beside their field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS, validateLogin, validateSignup } from '../../../../shared/api/validate.ts';
import type { Account } from '../../api/authApi.ts';
import { useSharedDevice } from '../../auth/sharedDevice.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import { apiErrorToErrors, problemsToErrors, type AccountField, type FormErrors } from './formErrors.ts';

export type AuthMode = 'signin' | 'signup';

export function AuthForm({
  mode,
  onDone,
  submitLabel,
  initialEmail = '',
  emailReadOnly = false,
  next,
  invitation,
}: {
  mode: AuthMode;
  /** Sign up with this invitation (or setup) link's token. */
  invitation?: string;
  onDone: (account: Account) => void | Promise<void>;
  submitLabel?: string;
  initialEmail?: string;
  emailReadOnly?: boolean;
  /** Where the confirmation link of a sign-up by mail leads (an invitation page). */
  next?: string;
}) {
  const { t } = useTranslation();
  const signIn = useSessionStore((s) => s.signIn);
  const signUp = useSessionStore((s) => s.signUp);
  const [name, setName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const sharedBefore = useSharedDevice((s) => s.shared);
  const setShared = useSharedDevice((s) => s.setShared);
  const [shared, setSharedChoice] = useState(sharedBefore);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  /** The address a confirmation link was mailed to (servers that send mail confirm sign-ups first). */
  const [checkEmail, setCheckEmail] = useState<string | null>(null);
  const refs = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const formErrorRef = useRef<HTMLParagraphElement>(null);

  // Where focus goes once the errors are on screen; a new object each time, so a repeated error refocuses.
  const [focusRequest, setFocusRequest] = useState<{ target: AccountField | 'form' } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const { target } = focusRequest;
    (target === 'form' ? formErrorRef.current : refs[target].current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  /**
   * Show errors and move focus to the first one, so keyboard and screen-reader users land on it (the submit
   * button, disabled while sending, has dropped focus meanwhile).
   */
  const fail = (next: FormErrors) => {
    setErrors(next);
    const first = (['name', 'email', 'password'] as AccountField[]).find((f) => next[f] && (f !== 'name' || mode === 'signup'));
    setFocusRequest({ target: first ?? 'form' });
  };

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const checked = mode === 'signup' ? validateSignup({ name, email, password }) : validateLogin({ email, password });
    if (!checked.ok) return fail(problemsToErrors(checked.problems));
    setBusy(true);
    try {
      const account =
        mode === 'signup'
          ? await signUp({ name: name.trim(), email: email.trim(), password, ...(invitation ? { invitation } : {}) }, next)
          : await signIn(email.trim(), password);
      setShared(shared);
      if (!account) {
        setCheckEmail(email.trim());
        return;
      }
      await onDone(account);
    } catch (err) {
      setBusy(false);
      fail(apiErrorToErrors(err));
    }
  };

  const clear = (field: AccountField) => setErrors((x) => ({ ...x, [field]: undefined, form: undefined }));

  if (checkEmail) {
    return (
      <div className="auth-form auth-form__sent" role="status">
        <h2 className="auth-form__sent-title">{t('auth.checkEmail.title')}</h2>
        <p>{t('auth.checkEmail.sent', { email: checkEmail })}</p>
        <p className="muted">{t('auth.checkEmail.already')}</p>
      </div>
    );
  }

  return (
    <form className="form auth-form" onSubmit={handleSubmit} noValidate>
      {errors.form && (
        <p className="form__error" role="alert" tabIndex={-1} ref={formErrorRef}>
          {errors.form}
        </p>
      )}
      {mode === 'signup' && (
        <TextField
          label={t('auth.field.name')}
          inputRef={refs.name}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            clear('name');
          }}
          autoComplete="name"
          maxLength={ACCOUNT_LIMITS.nameChars}
          error={errors.name}
          help={t('auth.field.nameHelp')}
        />
      )}
      <TextField
        label={t('auth.field.email')}
        inputRef={refs.email}
        type="email"
        value={email}
        readOnly={emailReadOnly}
        onChange={(e) => {
          setEmail(e.target.value);
          clear('email');
        }}
        autoComplete={mode === 'signup' ? 'email' : 'username'}
        maxLength={ACCOUNT_LIMITS.emailChars}
        spellCheck={false}
        error={errors.email}
      />
      <TextField
        label={t('auth.field.password')}
        inputRef={refs.password}
        type="password"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value);
          clear('password');
        }}
        autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
        // With the address filled in already (signing in again), the password is what is left to type.
        data-autofocus={initialEmail ? true : undefined}
        maxLength={ACCOUNT_LIMITS.passwordMaxChars}
        error={errors.password}
        help={
          mode === 'signup'
            ? t('auth.field.passwordHelp', { min: ACCOUNT_LIMITS.passwordMinChars })
            : undefined
        }
      />
      <label className="tick">
        <input type="checkbox" checked={shared} onChange={(e) => setSharedChoice(e.target.checked)} />
        <span>
          <span className="tick__label">{t('auth.sharedDevice')}</span>
          <span className="field__help">{t('auth.sharedDeviceHelp')}</span>
        </span>
      </label>
      <div className="form__actions form__actions--stretch">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? mode === 'signup'
              ? t('auth.creatingAccount')
              : t('auth.signingIn')
            : (submitLabel ?? (mode === 'signup' ? t('auth.createAccount') : t('auth.signIn')))}
        </button>
      </div>
    </form>
  );
}
