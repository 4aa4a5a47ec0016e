/**
 * /invite/<token>: what the link is for ("Amina invites you to join X as reviewer"); the person signs up or
 * signs in right here, then joins. Used or expired links say so plainly.
 */
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/api/roles.ts';
import { fetchSignupStatus } from '../../api/authApi.ts';
import { acceptInvitation, fetchInvitation, type InvitationPreview } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { coalitionPath } from '../../app/routes.ts';
import { whatYouCanDo } from '../../auth/permissions.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { AuthForm, type AuthMode } from '../account/AuthForm.tsx';
import { AuthLayout } from '../account/AuthPages.tsx';
import { deadLinkMessage } from './invitations.ts';

type Load =
  | { state: 'loading' }
  | { state: 'ok'; invitation: InvitationPreview }
  | { state: 'gone'; title: string; message: string }
  | { state: 'failed'; message: string };

export function InvitePage({ token }: { token: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const state = useSessionStore((s) => s.state);
  const [mode, setMode] = useState<AuthMode>('signup');
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  // While sign-up is closed a coalition invitation creates no account: only "I have an account" is offered.
  const [signupClosed, setSignupClosed] = useState(false);
  const showToast = useToastStore((s) => s.show);

  useEffect(() => {
    let live = true;
    fetchSignupStatus().then(
      (status) => {
        if (live && status.registration === 'closed') {
          setSignupClosed(true);
          setMode('signin');
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.title = 'Invitation — Rightsdraft';
    fetchInvitation(token).then(
      (invitation) => setLoad({ state: 'ok', invitation }),
      (err: unknown) => {
        const dead = deadLinkMessage(err);
        setLoad(dead ? { state: 'gone', ...dead } : { state: 'failed', message: describeError(err) });
      },
    );
  }, [token]);

  const join = async () => {
    setJoining(true);
    setJoinError(null);
    try {
      const coalition = await acceptInvitation(token);
      showToast({ message: `You joined ${coalition.name}` });
      navigate(coalitionPath(coalition.id), { replace: true });
    } catch (err) {
      setJoining(false);
      const dead = deadLinkMessage(err);
      if (dead) setLoad({ state: 'gone', ...dead });
      else setJoinError(describeError(err));
    }
  };

  if (load.state !== 'ok') {
    const title = load.state === 'loading' ? 'Invitation' : load.state === 'gone' ? load.title : 'The invitation can’t be read';
    return (
      <AuthLayout title={title}>
        <p className="muted" role={load.state === 'loading' ? 'status' : 'alert'}>
          {load.state === 'loading' ? 'Reading the invitation…' : load.message}
        </p>
        {load.state !== 'loading' && (
          <a href="/" className="button" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            Go to Rightsdraft
          </a>
        )}
      </AuthLayout>
    );
  }

  const { invitation } = load;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const title = invitation.invitedBy
    ? `${invitation.invitedBy} invites you to join ${invitation.coalition.name} as ${role}`
    : `You are invited to join ${invitation.coalition.name} as ${role}`;
  const signedIn = state.status === 'signed-in';

  return (
    <AuthLayout
      title={title}
      intro={
        <>
          <p>{whatYouCanDo(invitation.role)} on the coalition’s reports.</p>
          {invitation.coalition.organisations.length > 0 && (
            <p className="invite__orgs">With {invitation.coalition.organisations.join(', ')}.</p>
          )}
          <p className="invite__expiry">This link expires {formatDateTime(invitation.expiresAt)} and works once.</p>
        </>
      }
    >
      {signedIn ? (
        <div className="form">
          <p>
            You are signed in as <strong>{state.account.name}</strong> ({state.account.email}).
          </p>
          {joinError && (
            <p className="form__error" role="alert">
              {joinError}
            </p>
          )}
          <button type="button" className="button button--primary" onClick={join} disabled={joining} data-autofocus>
            {joining ? 'Joining…' : `Join ${invitation.coalition.name}`}
          </button>
        </div>
      ) : (
        <>
          {signupClosed ? (
            <p className="muted">This Rightsdraft is not taking new accounts: sign in with your account to join.</p>
          ) : (
            <div className="segmented" role="group" aria-label="Do you have an account?">
              <button type="button" className="segmented__option" aria-pressed={mode === 'signup'} onClick={() => setMode('signup')}>
                I’m new here
              </button>
              <button type="button" className="segmented__option" aria-pressed={mode === 'signin'} onClick={() => setMode('signin')}>
                I have an account
              </button>
            </div>
          )}
          {joinError && (
            <p className="form__error" role="alert">
              {joinError}
            </p>
          )}
          <AuthForm
            key={mode}
            mode={mode}
            initialEmail={state.status === 'expired' ? state.account.email : ''}
            // Signing up with the link joins in the same step (and is allowed when sign-up is by invitation).
            invitation={mode === 'signup' ? token : undefined}
            submitLabel={mode === 'signup' ? 'Create account and join' : 'Sign in and join'}
            onDone={join}
          />
        </>
      )}
    </AuthLayout>
  );
}
