/**
 * /invite/<token>: what the link is for ("Amina invites you to join X as reviewer"); the person signs up or
 * signs in right here, then joins. Used or expired links say so plainly.
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { fetchSignupStatus } from '../../api/authApi.ts';
import { acceptInvitation, fetchInvitation, type InvitationPreview } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { coalitionPath } from '../../app/routes.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { AuthForm, type AuthMode } from '../account/AuthForm.tsx';
import { AuthLayout } from '../account/AuthPages.tsx';
import { deadLinkMessage } from './invitations.ts';

type Load =
  | { state: 'loading' }
  | { state: 'ok'; invitation: InvitationPreview }
  | { state: 'gone'; titleKey: string; messageKey: string }
  | { state: 'failed'; message: string };

export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
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
    document.title = t('coalitionsUi.invitation.documentTitle');
    fetchInvitation(token).then(
      (invitation) => setLoad({ state: 'ok', invitation }),
      (err: unknown) => {
        const dead = deadLinkMessage(err);
        setLoad(dead ? { state: 'gone', ...dead } : { state: 'failed', message: describeError(err) });
      },
    );
  }, [token, t]);

  const join = async () => {
    setJoining(true);
    setJoinError(null);
    try {
      const coalition = await acceptInvitation(token);
      showToast({ message: t('coalitionsUi.invitePage.joined', { name: coalition.name }) });
      navigate(coalitionPath(coalition.id), { replace: true });
    } catch (err) {
      setJoining(false);
      const dead = deadLinkMessage(err);
      if (dead) setLoad({ state: 'gone', ...dead });
      else setJoinError(describeError(err));
    }
  };

  if (load.state !== 'ok') {
    const title =
      load.state === 'loading' ? t('coalitionsUi.invitation.title') : load.state === 'gone' ? t(load.titleKey) : t('coalitionsUi.invitation.unreadable');
    return (
      <AuthLayout title={title}>
        <p className="muted" role={load.state === 'loading' ? 'status' : 'alert'}>
          {load.state === 'loading' ? t('coalitionsUi.invitation.reading') : load.state === 'gone' ? t(load.messageKey) : load.message}
        </p>
        {load.state !== 'loading' && (
          <a href="/" className="button" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            {t('coalitionsUi.invitePage.goHome')}
          </a>
        )}
      </AuthLayout>
    );
  }

  const { invitation } = load;
  const { role } = invitation;
  const title = invitation.invitedBy
    ? t('coalitionsUi.invitePage.titleFrom', { person: invitation.invitedBy, coalition: invitation.coalition.name, role })
    : t('coalitionsUi.invitePage.title', { coalition: invitation.coalition.name, role });
  const signedIn = state.status === 'signed-in';

  return (
    <AuthLayout
      title={title}
      intro={
        <>
          <p>{t('coalitionsUi.invitePage.youCan', { role })}</p>
          {invitation.coalition.organisations.length > 0 && (
            <p className="invite__orgs">
              {t('coalitionsUi.invitePage.with', { organisations: invitation.coalition.organisations.join(t('coalitionsUi.list.separator')) })}
            </p>
          )}
          <p className="invite__expiry">{t('coalitionsUi.invitation.expires', { when: formatDateTime(invitation.expiresAt) })}</p>
        </>
      }
    >
      {signedIn ? (
        <div className="form">
          <p>
            <Trans
              i18nKey="coalitionsUi.invitation.signedInAs"
              values={{ name: state.account.name, email: state.account.email }}
              components={{ strong: <strong /> }}
            />
          </p>
          {joinError && (
            <p className="form__error" role="alert">
              {joinError}
            </p>
          )}
          <button type="button" className="button button--primary" onClick={join} disabled={joining} data-autofocus>
            {joining ? t('coalitionsUi.invitePage.joining') : t('coalitionsUi.invitePage.join', { name: invitation.coalition.name })}
          </button>
        </div>
      ) : (
        <>
          {signupClosed ? (
            <p className="muted">{t('coalitionsUi.invitePage.signupClosed')}</p>
          ) : (
            <div className="segmented" role="group" aria-label={t('coalitionsUi.invitation.haveAccountQuestion')}>
              <button type="button" className="segmented__option" aria-pressed={mode === 'signup'} onClick={() => setMode('signup')}>
                {t('coalitionsUi.invitation.newHere')}
              </button>
              <button type="button" className="segmented__option" aria-pressed={mode === 'signin'} onClick={() => setMode('signin')}>
                {t('coalitionsUi.invitation.haveAccount')}
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
            submitLabel={mode === 'signup' ? t('coalitionsUi.invitePage.signUpAndJoin') : t('coalitionsUi.invitePage.signInAndJoin')}
            onDone={join}
          />
        </>
      )}
    </AuthLayout>
  );
}
