/** The sign-in and sign-up pages, and the first-run page that creates the instance's administrator. */
import { useEffect, useState, type ReactNode } from 'react';
import { fetchFirstRun, fetchSignupStatus, type SignupStatus } from '../../api/authApi.ts';
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

/** Who may sign up here, and whether the first account is still to be made (null while asking). */
function useSignupStatus(): SignupStatus | null {
  const [status, setStatus] = useState<SignupStatus | null>(null);
  useEffect(() => {
    let live = true;
    fetchSignupStatus().then(
      (value) => live && setStatus(value),
      // Offline or unreachable: show the form; the server decides when it is sent.
      () => live && setStatus({ firstRun: false, registration: 'open', setupLinkNeeded: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return status;
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

function SignInLink() {
  return (
    <p className="auth-card__switch">
      Already have an account?{' '}
      <a href={'/signin' + location.search} onClick={handleLinkClick}>
        Sign in
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
  const status = useSignupStatus();
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
