/**
 * The sign-in and sign-up pages, the first-run page that creates the instance's administrator, and the pages
 * links from mails open: forgot password, choose a new password, confirm a new account.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS } from '../../../../shared/api/validate.ts';
import { confirmPasswordReset, requestPasswordReset } from '../../api/authApi.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { useAuthInfo } from './useAuthInfo.ts';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { fragmentParam, nextPath } from '../../app/routes.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useOnline } from '../../app/useOnline.ts';
import { Icon } from '../../ui/Icon.tsx';
import { AuthForm } from './AuthForm.tsx';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx';
import './account.css';
import { fetchResetKeys, rewrapForReset, type ResetKeys } from '../../e2ee/resetKeys.ts';
import { ResetKeysChoice } from '../e2ee/ResetKeysChoice.tsx';

function useFirstRun(): boolean | null {
  const info = useAuthInfo();
  return info ? info.firstRun : null;
}

/** The centred card the account pages share. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const online = useOnline();
  const { t } = useTranslation();
  return (
    <div className="page auth-page">
      <main id="main" className="auth-page__main">
        <div className="auth-page__top">
          <a href="/" className="brand auth-page__brand" onClick={handleLinkClick}>
            <img src="/icon.svg" alt="" width="32" height="32" />
            <span>Rightsdraft</span>
          </a>
          <LanguageSwitcher id="auth-language" />
        </div>
        <div className="auth-card">
          <h1 className="auth-card__title">{title}</h1>
          {intro && <div className="auth-card__intro muted">{intro}</div>}
          {!online && (
            <p className="notice" role="status">
              <Icon name="device" />
              <span>{t('auth.offline')}</span>
            </p>
          )}
          {children}
        </div>
      </main>
    </div>
  );
}

const goNext = () => navigate(nextPath(location.search), { replace: true });

export function SignInPage() {
  const firstRun = useFirstRun();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('auth.signIn.pageTitle');
  }, [t]);
  // A new instance has nobody to sign in as: its first visitor creates the administrator's account.
  useEffect(() => {
    if (firstRun) navigate('/signup' + location.search, { replace: true });
  }, [firstRun]);
  return (
    <AuthLayout title={t('auth.signIn.title')}>
      <AuthForm mode="signin" onDone={goNext} />
      <p className="auth-card__forgot">
        <a href="/forgot-password" onClick={handleLinkClick}>
          {t('auth.forgotLink')}
        </a>
      </p>
      <p className="auth-card__switch">
        {t('auth.newHere')}{' '}
        <a href={'/signup' + location.search} onClick={handleLinkClick}>
          {t('auth.createAccountLink')}
        </a>
      </p>
    </AuthLayout>
  );
}

function SignInLink() {
  const { t } = useTranslation();
  return (
    <p className="auth-card__switch">
      {t('auth.haveAccount')}{' '}
      <a href={'/signin' + location.search} onClick={handleLinkClick}>
        {t('auth.signInLink')}
      </a>
    </p>
  );
}

/**
 * Sign-up, as the server allows it: the first account (the administrator) from the server itself or with the
 * setup link; after it, anyone (open), only with an invitation link (invite, the default), or only with an
 * administrator's link (closed). A link's token arrives as `?invitation=` and goes with the form.
 */
export function SignUpPage() {
  const status = useAuthInfo();
  const invitation = new URLSearchParams(location.search).get('invitation') || undefined;
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('accountUi.signUp.pageTitle');
  }, [t]);

  if (!status) {
    return (
      <AuthLayout title={t('accountUi.signUp.checkingTitle')}>
        <p className="muted" role="status">
          {t('accountUi.signUp.checking')}
        </p>
      </AuthLayout>
    );
  }

  if (status.firstRun && status.setupLinkNeeded && !invitation) {
    return (
      <AuthLayout
        title={t('accountUi.signUp.notSetUp.title')}
        intro={<p>{t('accountUi.signUp.notSetUp.intro')}</p>}
      >
        <div className="auth-card__steps">
          <p>{t('accountUi.signUp.notSetUp.stepsIntro')}</p>
          <ul>
            <li>{t('accountUi.signUp.notSetUp.setupLink')}</li>
            <li>{t('accountUi.signUp.notSetUp.localhost', { port: location.port || '8787' })}</li>
          </ul>
          <p>{t('accountUi.signUp.notSetUp.someoneElse')}</p>
        </div>
      </AuthLayout>
    );
  }

  if (status.firstRun) {
    return (
      <AuthLayout
        title={t('accountUi.signUp.firstRun.title')}
        intro={<p>{t('accountUi.signUp.firstRun.intro')}</p>}
      >
        <AuthForm mode="signup" onDone={goNext} invitation={invitation} submitLabel={t('accountUi.signUp.firstRun.submit')} />
      </AuthLayout>
    );
  }

  if (!invitation && status.registration !== 'open') {
    const closed = status.registration === 'closed';
    return (
      <AuthLayout
        title={closed ? t('accountUi.signUp.closed.title') : t('accountUi.signUp.invite.title')}
        intro={<p>{closed ? t('accountUi.signUp.closed.intro') : t('accountUi.signUp.invite.intro')}</p>}
      >
        <SignInLink />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={t('accountUi.signUp.title')}
      intro={<p>{invitation ? t('accountUi.signUp.invitedIntro') : t('accountUi.signUp.openIntro')}</p>}
    >
      <AuthForm mode="signup" onDone={goNext} invitation={invitation} submitLabel={t('auth.createAccount')} />
      <SignInLink />
    </AuthLayout>
  );
}

/** A link styled as a link, within the app. */
function AppLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} onClick={handleLinkClick}>
      {children}
    </a>
  );
}

/** /forgot-password: ask for a reset link by mail (or learn whom to ask when this server sends no mail). */
export function ForgotPasswordPage() {
  const info = useAuthInfo();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('accountUi.forgot.pageTitle');
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setError(value ? t('accountUi.formErrors.invalidEmail') : t('accountUi.formErrors.missingEmail'));
      emailRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await requestPasswordReset(value);
      setSentTo(value);
    } catch (err) {
      setError(err instanceof ApiError && err.field === 'email' ? err.message : describeError(err));
      emailRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (info && !info.mail) {
    return (
      <AuthLayout title={t('accountUi.forgot.title')}>
        <p>{t('accountUi.forgot.noMail')}</p>
        <p>{t('accountUi.forgot.askAdmin')}</p>
        <p className="auth-card__switch">
          <AppLink href="/signin">{t('accountUi.backToSignIn')}</AppLink>
        </p>
      </AuthLayout>
    );
  }

  if (sentTo) {
    return (
      <AuthLayout title={t('accountUi.forgot.sentTitle')}>
        <p role="status">
          <Trans i18nKey="accountUi.forgot.sent" values={{ email: sentTo }} components={{ strong: <strong /> }} />
        </p>
        <p className="muted">{t('accountUi.forgot.nothingArrived')}</p>
        <p className="auth-card__switch">
          <AppLink href="/signin">{t('accountUi.backToSignIn')}</AppLink>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('accountUi.forgot.title')} intro={<p>{t('accountUi.forgot.intro')}</p>}>
      <form className="form auth-form" onSubmit={submit} noValidate>
        <TextField
          label={t('auth.field.email')}
          inputRef={emailRef}
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setError(undefined);
          }}
          autoComplete="username"
          maxLength={ACCOUNT_LIMITS.emailChars}
          spellCheck={false}
          error={error}
          data-autofocus
        />
        <div className="form__actions form__actions--stretch">
          <button type="submit" className="button button--primary" disabled={busy || !info}>
            {busy ? t('accountUi.forgot.sending') : t('accountUi.forgot.send')}
          </button>
        </div>
      </form>
      <p className="auth-card__switch">
        <Trans i18nKey="accountUi.forgot.remembered" components={{ signin: <AppLink href="/signin" /> }} />
      </p>
    </AuthLayout>
  );
}

/** /reset-password#token=…: choose a new password with the link from the mail. */
export function ResetPasswordPage() {
  const [token] = useState(() => fragmentParam(location.hash, 'token'));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState<'form' | 'done' | 'dead'>(token ? 'form' : 'dead');
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  // End-to-end keys of the account, if any: reset keeps them only with the recovery code (ResetKeysChoice).
  const [keys, setKeys] = useState<ResetKeys | null>(null);
  const [code, setCode] = useState('');
  const [giveUp, setGiveUp] = useState(false);
  const [keysError, setKeysError] = useState<{ code?: string; giveUp?: string }>({});
  // Whether the check for keys answered: without it the page cannot warn, so it does not reset.
  const [keysChecked, setKeysChecked] = useState<boolean | null>(null);
  useEffect(() => {
    if (!token) return;
    fetchResetKeys(token).then(
      (found) => (setKeys(found), setKeysChecked(true)),
      (err: unknown) => (err instanceof ApiError && err.status === 410 ? setState('dead') : setKeysChecked(false)),
    );
  }, [token]);
  useEffect(() => {
    document.title = t('accountUi.resetPassword.pageTitle');
  }, [t]);
  useEffect(() => {
    // The token leaves the address bar (and the history) once read.
    if (location.hash) history.replaceState(history.state, '', location.pathname);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !token) return;
    if ([...password].length < ACCOUNT_LIMITS.passwordMinChars) {
      setError(t('accountUi.resetPassword.tooShort', { min: ACCOUNT_LIMITS.passwordMinChars }));
      passwordRef.current?.focus();
      return;
    }
    if (!keysChecked) {
      setError(
        keysChecked === null
          ? t('accountUi.resetPassword.keysChecking')
          : t('accountUi.resetPassword.keysUnchecked'),
      );
      return;
    }
    if (keys && !code.trim() && !giveUp) {
      setKeysError({ giveUp: t('accountUi.resetPassword.codeOrGiveUp') });
      return;
    }
    setBusy(true);
    try {
      const passwordWrap = keys && code.trim() ? await rewrapForReset(keys, code, password) : undefined;
      if (passwordWrap === null) {
        setBusy(false);
        setKeysError({ code: t('accountUi.resetPassword.wrongCode') });
        return;
      }
      await confirmPasswordReset(token, password, passwordWrap);
      // Every session ended, this device's too.
      useSessionStore.getState().dispatch({ type: 'signed-out' });
      setState('done');
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 410) setState('dead');
      else {
        setError(err instanceof ApiError && err.field === 'newPassword' ? err.message : describeError(err));
        passwordRef.current?.focus();
      }
    }
  };

  if (state === 'dead') {
    return (
      <AuthLayout title={t('accountUi.resetPassword.deadTitle')}>
        <p role="alert">{t('accountUi.resetPassword.deadText')}</p>
        <a href="/forgot-password" className="button button--primary" onClick={handleLinkClick}>
          {t('accountUi.resetPassword.askNewLink')}
        </a>
      </AuthLayout>
    );
  }
  if (state === 'done') {
    return (
      <AuthLayout title={t('accountUi.resetPassword.doneTitle')}>
        <p role="status">{t('accountUi.resetPassword.doneText')}</p>
        <a href="/signin" className="button button--primary" onClick={handleLinkClick} data-autofocus>
          {t('auth.signInLink')}
        </a>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('accountUi.resetPassword.title')} intro={<p>{t('accountUi.resetPassword.intro')}</p>}>
      <form className="form auth-form" onSubmit={submit} noValidate>
        <TextField
          label={t('accountUi.resetPassword.newPassword')}
          inputRef={passwordRef}
          type="password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(undefined);
          }}
          autoComplete="new-password"
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
          error={error}
          help={t('auth.field.passwordHelp', { min: ACCOUNT_LIMITS.passwordMinChars })}
          data-autofocus
        />
        {keys && (
          <ResetKeysChoice
            code={code}
            onCode={(c) => (setCode(c), setKeysError({}))}
            codeError={keysError.code}
            giveUp={giveUp}
            onGiveUp={(g) => (setGiveUp(g), setKeysError({}))}
            giveUpError={keysError.giveUp}
          />
        )}
        <div className="form__actions form__actions--stretch">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('accountUi.resetPassword.saving') : t('accountUi.resetPassword.save')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}

/** /confirm-account#token=…&next=…: the link that finishes a sign-up confirmed by mail. */
export function ConfirmAccountPage() {
  const [link] = useState(() => ({ token: fragmentParam(location.hash, 'token'), next: fragmentParam(location.hash, 'next') }));
  const { t } = useTranslation();
  // Why the link did not work: one of this page's messages (by key, so it follows the language) or the server's.
  const [failed, setFailed] = useState<{ key: 'accountUi.confirm.incomplete' | 'accountUi.confirm.expired' } | { message: string } | null>(
    link.token ? null : { key: 'accountUi.confirm.incomplete' },
  );
  const confirm = useSessionStore((s) => s.confirmSignUp);
  // The link works once: confirm once even when an effect runs twice (React's development checks).
  const started = useRef(false);
  useEffect(() => {
    document.title = t('accountUi.confirm.pageTitle');
  }, [t]);
  useEffect(() => {
    if (location.hash) history.replaceState(history.state, '', location.pathname);
    if (!link.token || started.current) return;
    started.current = true;
    confirm(link.token).then(
      () => navigate(nextPath(link.next ? `?next=${encodeURIComponent(link.next)}` : ''), { replace: true }),
      (err: unknown) =>
        setFailed(err instanceof ApiError && err.status === 410 ? { key: 'accountUi.confirm.expired' } : { message: describeError(err) }),
    );
  }, [confirm, link]);
  if (failed) {
    return (
      <AuthLayout title={t('accountUi.confirm.failedTitle')}>
        <p role="alert">{'key' in failed ? t(failed.key) : failed.message}</p>
        <a href="/signup" className="button button--primary" onClick={handleLinkClick}>
          {t('auth.createAccountLink')}
        </a>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('accountUi.confirm.title')}>
      <p role="status">{t('auth.creatingAccount')}</p>
    </AuthLayout>
  );
}
