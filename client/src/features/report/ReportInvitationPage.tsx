/**
 * /report-invitation#token=…: an invitation to one report, mailed to an address ("Omar invites you to work on
 * X as editor"). Someone with an account signs in and accepts; someone new signs up with the link, which gives
 * them the role with the account (once confirmed by mail, when the server sends mail).
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { acceptReportInvitation, lookupReportInvitation, type ReportInvitationPreview } from '../../api/reportsApi.ts';
import { navigate } from '../../app/router.ts';
import { fragmentParam, reportPath } from '../../app/routes.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { AuthForm, type AuthMode } from '../account/AuthForm.tsx';
import { AuthLayout } from '../account/AuthPages.tsx';
import { deadLinkMessage } from '../coalitions/invitations.ts';

const PENDING_KEY = 'rd_report_invitation';

/** The token from the link (then out of the address bar, kept on this device while the page may reload). */
function takeToken(): string | null {
  const fromLink = fragmentParam(location.hash, 'token');
  if (fromLink) {
    localStorage.setItem(PENDING_KEY, fromLink);
    history.replaceState(history.state, '', location.pathname);
    return fromLink;
  }
  return localStorage.getItem(PENDING_KEY);
}

type Load =
  | { state: 'loading' }
  | { state: 'ok'; invitation: ReportInvitationPreview }
  | { state: 'gone'; titleKey: string; messageKey: string }
  | { state: 'failed'; message: string };

export function ReportInvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(takeToken);
  const [load, setLoad] = useState<Load>(token ? { state: 'loading' } : { state: 'gone', ...deadLinkMessage404() });
  const state = useSessionStore((s) => s.state);
  const [mode, setMode] = useState<AuthMode>('signin');
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    document.title = t('coalitionsUi.invitation.documentTitle');
    if (!token) return;
    lookupReportInvitation(token).then(
      (invitation) => setLoad({ state: 'ok', invitation }),
      (err: unknown) => {
        const dead = deadLinkMessage(err);
        if (dead) localStorage.removeItem(PENDING_KEY);
        setLoad(dead ? { state: 'gone', ...dead } : { state: 'failed', message: describeError(err) });
      },
    );
  }, [token, t]);

  const openReport = (reportId: string) => {
    localStorage.removeItem(PENDING_KEY);
    navigate(reportPath(reportId), { replace: true });
  };

  const accept = async () => {
    if (!token) return;
    setJoining(true);
    setError(null);
    try {
      const { reportId } = await acceptReportInvitation(token);
      openReport(reportId);
    } catch (err) {
      setJoining(false);
      const dead = deadLinkMessage(err);
      if (dead) {
        localStorage.removeItem(PENDING_KEY);
        setLoad({ state: 'gone', ...dead });
      } else setError(describeError(err));
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
      </AuthLayout>
    );
  }

  const { invitation } = load;
  const { role } = invitation;
  const title = invitation.invitedBy
    ? t('coalitionsUi.reportInvitation.titleFrom', { person: invitation.invitedBy, title: invitation.report.title, role })
    : t('coalitionsUi.reportInvitation.title', { title: invitation.report.title, role });
  return (
    <AuthLayout
      title={title}
      intro={
        <>
          <p>{t('coalitionsUi.reportInvitation.youCan', { role })}</p>
          <p className="invite__expiry">{t('coalitionsUi.invitation.expires', { when: formatDateTime(invitation.expiresAt) })}</p>
        </>
      }
    >
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'signed-in' ? (
        <div className="form">
          <p>
            <Trans
              i18nKey="coalitionsUi.invitation.signedInAs"
              values={{ name: state.account.name, email: state.account.email }}
              components={{ strong: <strong /> }}
            />
          </p>
          <button type="button" className="button button--primary" onClick={accept} disabled={joining} data-autofocus>
            {joining ? t('coalitionsUi.reportInvitation.opening') : t('coalitionsUi.reportInvitation.accept')}
          </button>
        </div>
      ) : (
        <>
          <div className="segmented" role="group" aria-label={t('coalitionsUi.invitation.haveAccountQuestion')}>
            <button type="button" className="segmented__option" aria-pressed={mode === 'signin'} onClick={() => setMode('signin')}>
              {t('coalitionsUi.invitation.haveAccount')}
            </button>
            <button type="button" className="segmented__option" aria-pressed={mode === 'signup'} onClick={() => setMode('signup')}>
              {t('coalitionsUi.invitation.newHere')}
            </button>
          </div>
          <AuthForm
            key={mode}
            mode={mode}
            // Signing up with the link gives the role in the same step (and is allowed when sign-up is by invitation).
            invitation={mode === 'signup' ? (token ?? undefined) : undefined}
            submitLabel={mode === 'signup' ? t('coalitionsUi.reportInvitation.signUp') : t('coalitionsUi.reportInvitation.signInAndAccept')}
            onDone={mode === 'signup' ? () => openReport(invitation.report.id) : accept}
            next={reportPath(invitation.report.id)}
          />
        </>
      )}
    </AuthLayout>
  );
}

function deadLinkMessage404(): { titleKey: string; messageKey: string } {
  return { titleKey: 'coalitionsUi.invitation.invalidTitle', messageKey: 'coalitionsUi.reportInvitation.invalidText' };
}
