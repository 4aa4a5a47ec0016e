/** The sign-in and sign-up pages, and the first-run page that creates the instance's administrator. */
import { useEffect, useState, type ReactNode } from 'react';
import { fetchFirstRun } from '../../api/authApi.ts';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { nextPath } from '../../app/routes.ts';
import { useOnline } from '../../app/useOnline.ts';
import { Icon } from '../../ui/Icon.tsx';
import { AuthForm } from './AuthForm.tsx';
import './account.css';

/** Whether no account exists yet (null while asking). */
function useFirstRun(): boolean | null {
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetchFirstRun().then(
      (value) => live && setFirstRun(value),
      () => live && setFirstRun(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return firstRun;
}

/** The centred card the account pages share. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const online = useOnline();
  return (
    <div className="page auth-page">
      <main id="main" className="auth-page__main">
        <a href="/" className="brand auth-page__brand" onClick={handleLinkClick}>
          <img src="/icon.svg" alt="" width="32" height="32" />
          <span>Rightsdraft</span>
        </a>
        <div className="auth-card">
          <h1 className="auth-card__title">{title}</h1>
          {intro && <div className="auth-card__intro muted">{intro}</div>}
          {!online && (
            <p className="notice" role="status">
              <Icon name="device" />
              <span>You are offline. Signing in needs a connection to your Rightsdraft server.</span>
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
  useEffect(() => {
    document.title = 'Sign in — Rightsdraft';
  }, []);
  // A new instance has nobody to sign in as: its first visitor creates the administrator's account.
  useEffect(() => {
    if (firstRun) navigate('/signup' + location.search, { replace: true });
  }, [firstRun]);
  return (
    <AuthLayout title="Sign in to Rightsdraft">
      <AuthForm mode="signin" onDone={goNext} />
      <p className="auth-card__switch">
        New to Rightsdraft?{' '}
        <a href={'/signup' + location.search} onClick={handleLinkClick}>
          Create an account
        </a>
      </p>
    </AuthLayout>
  );
}

export function SignUpPage() {
  const firstRun = useFirstRun();
  useEffect(() => {
    document.title = 'Create an account — Rightsdraft';
  }, []);
  return (
    <AuthLayout
      title={firstRun ? 'Create the first account (administrator) of this Rightsdraft' : 'Create your account'}
      intro={
        firstRun ? (
          <p>
            Nobody has an account here yet. The first account administers this Rightsdraft: it keeps any report written before accounts
            existed, and can create coalitions and invite the people who write with you.
          </p>
        ) : (
          <p>To join a coalition, open the invitation link its coordinator sent you. You can also start reports of your own.</p>
        )
      }
    >
      <AuthForm mode="signup" onDone={goNext} submitLabel={firstRun ? 'Create the administrator account' : 'Create account'} />
      {!firstRun && (
        <p className="auth-card__switch">
          Already have an account?{' '}
          <a href={'/signin' + location.search} onClick={handleLinkClick}>
            Sign in
          </a>
        </p>
      )}
    </AuthLayout>
  );
}
