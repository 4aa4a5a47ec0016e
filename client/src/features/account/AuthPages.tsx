/**
 * The sign-in and sign-up pages, the first-run page that creates the instance's administrator, and the pages
 * links from mails open: forgot password, choose a new password, confirm a new account.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  useEffect(() => {
    document.title = 'Create an account — Rightsdraft';
  }, []);

  if (!status) {
    return (
      <AuthLayout title="Create an account">
        <p className="muted" role="status">
          Checking who may sign up here…
        </p>
      </AuthLayout>
    );
  }

  if (status.firstRun && status.setupLinkNeeded && !invitation) {
    return (
      <AuthLayout
        title="This Rightsdraft is not set up yet"
        intro={
          <p>
            Nobody has an account here yet. The first account administers this Rightsdraft, so only the person who runs the server can create
            it.
          </p>
        }
      >
        <div className="auth-card__steps">
          <p>If you run this server, do one of these:</p>
          <ul>
            <li>Open the one-time setup link the server printed in its log when it started (the line that mentions a “setup link”).</li>
            <li>Or open this page on the server itself, at http://localhost:{location.port || '8787'}/signup.</li>
          </ul>
          <p>If someone else runs it, ask them to create the first account and send you an invitation.</p>
        </div>
      </AuthLayout>
    );
  }

  if (status.firstRun) {
    return (
      <AuthLayout
        title="Create the first account (administrator) of this Rightsdraft"
        intro={
          <p>
            Nobody has an account here yet. The first account administers this Rightsdraft: it keeps any report written before accounts
            existed, decides who may sign up, and can create coalitions and invite the people who write with you.
          </p>
        }
      >
        <AuthForm mode="signup" onDone={goNext} invitation={invitation} submitLabel="Create the administrator account" />
      </AuthLayout>
    );
  }

  if (!invitation && status.registration !== 'open') {
    const closed = status.registration === 'closed';
    return (
      <AuthLayout
        title={closed ? 'This Rightsdraft is not taking new accounts' : 'Sign-up here is by invitation'}
        intro={
          closed ? (
            <p>New accounts need an invitation link from the administrator of this Rightsdraft. Ask them for one, then open it.</p>
          ) : (
            <p>
              To create an account, open the invitation link a coalition coordinator or the administrator of this Rightsdraft sent you. If you
              have none, ask them for one.
            </p>
          )
        }
      >
        <SignInLink />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      intro={
        invitation ? (
          <p>You are invited to create an account on this Rightsdraft. The link works for one person, once.</p>
        ) : (
          <p>Anyone may create an account here. To join a coalition, open the invitation link its coordinator sent you. You can also start reports of your own.</p>
        )
      }
    >
      <AuthForm mode="signup" onDone={goNext} invitation={invitation} submitLabel="Create account" />
      <SignInLink />
    </AuthLayout>
  );
}

/** A link styled as a link, within the app. */
function AppLink({ href, children }: { href: string; children: ReactNode }) {
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
  useEffect(() => {
    document.title = 'Forgot password — Rightsdraft';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setError(value ? 'Enter a valid e-mail address.' : 'Enter your e-mail address.');
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
      <AuthLayout title="Forgot your password?">
        <p>This Rightsdraft does not send e-mail, so it cannot send you a link to choose a new password.</p>
        <p>Ask the person who runs this Rightsdraft for your coalition to set a new password for you.</p>
        <p className="auth-card__switch">
          <AppLink href="/signin">Back to sign in</AppLink>
        </p>
      </AuthLayout>
    );
  }

  if (sentTo) {
    return (
      <AuthLayout title="Check your e-mail">
        <p role="status">
          If an account uses <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link works once, for one hour.
        </p>
        <p className="muted">Nothing arrived after a few minutes? Look in your spam folder, or check the address and ask again.</p>
        <p className="auth-card__switch">
          <AppLink href="/signin">Back to sign in</AppLink>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Forgot your password?" intro={<p>Enter the e-mail address of your account. We will send you a link to choose a new password.</p>}>
      <form className="form auth-form" onSubmit={submit} noValidate>
        <TextField
          label="E-mail address"
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
            {busy ? 'Sending…' : 'Send me a link'}
          </button>
        </div>
      </form>
      <p className="auth-card__switch">
        Remembered it? <AppLink href="/signin">Sign in</AppLink>
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
    document.title = 'Choose a new password — Rightsdraft';
    // The token leaves the address bar (and the history) once read.
    if (location.hash) history.replaceState(history.state, '', location.pathname);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !token) return;
    if ([...password].length < ACCOUNT_LIMITS.passwordMinChars) {
      setError(`Choose a password of at least ${ACCOUNT_LIMITS.passwordMinChars} characters; a few unrelated words work well.`);
      passwordRef.current?.focus();
      return;
    }
    if (!keysChecked) {
      setError(
        keysChecked === null
          ? 'Still checking whether your account has encrypted reports; try again in a moment.'
          : 'Could not check whether your account has encrypted reports. Check your connection and reload this page.',
      );
      return;
    }
    if (keys && !code.trim() && !giveUp) {
      setKeysError({ giveUp: 'Enter your recovery code, or tick this box to reset without it.' });
      return;
    }
    setBusy(true);
    try {
      const passwordWrap = keys && code.trim() ? await rewrapForReset(keys, code, password) : undefined;
      if (passwordWrap === null) {
        setBusy(false);
        setKeysError({ code: 'This recovery code does not open your keys. Check it, or leave it empty to reset without it.' });
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
      <AuthLayout title="This link no longer works">
        <p role="alert">Links to choose a new password work once, for one hour. Ask for a new one.</p>
        <a href="/forgot-password" className="button button--primary" onClick={handleLinkClick}>
          Ask for a new link
        </a>
      </AuthLayout>
    );
  }
  if (state === 'done') {
    return (
      <AuthLayout title="Your password is changed">
        <p role="status">You are signed out everywhere. Sign in with your new password.</p>
        <a href="/signin" className="button button--primary" onClick={handleLinkClick} data-autofocus>
          Sign in
        </a>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" intro={<p>Choosing a new password signs you out on every device.</p>}>
      <form className="form auth-form" onSubmit={submit} noValidate>
        <TextField
          label="New password"
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
          help={`At least ${ACCOUNT_LIMITS.passwordMinChars} characters. A few unrelated words are easy to remember and hard to guess.`}
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
            {busy ? 'Saving…' : 'Save new password'}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}

/** /confirm-account#token=…&next=…: the link that finishes a sign-up confirmed by mail. */
export function ConfirmAccountPage() {
  const [link] = useState(() => ({ token: fragmentParam(location.hash, 'token'), next: fragmentParam(location.hash, 'next') }));
  const [failed, setFailed] = useState<string | null>(link.token ? null : 'This link is not complete. Open the whole link from the mail.');
  const confirm = useSessionStore((s) => s.confirmSignUp);
  // The link works once: confirm once even when an effect runs twice (React's development checks).
  const started = useRef(false);
  useEffect(() => {
    document.title = 'Confirm your account — Rightsdraft';
    if (location.hash) history.replaceState(history.state, '', location.pathname);
    if (!link.token || started.current) return;
    started.current = true;
    confirm(link.token).then(
      () => navigate(nextPath(link.next ? `?next=${encodeURIComponent(link.next)}` : ''), { replace: true }),
      (err: unknown) => setFailed(err instanceof ApiError && err.status === 410 ? 'This link has expired or has been used already. Create your account again.' : describeError(err)),
    );
  }, [confirm, link]);
  if (failed) {
    return (
      <AuthLayout title="Your account could not be confirmed">
        <p role="alert">{failed}</p>
        <a href="/signup" className="button button--primary" onClick={handleLinkClick}>
          Create an account
        </a>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Confirming your account">
      <p role="status">Creating your account…</p>
    </AuthLayout>
  );
}
