/**
 * /report-invitation#token=…: an invitation to one report, mailed to an address ("Omar invites you to work on
 * X as editor"). Someone with an account signs in and accepts; someone new signs up with the link, which gives
 * them the role with the account (once confirmed by mail, when the server sends mail).
 */
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/api/roles.ts';
import { describeError } from '../../api/http.ts';
import { acceptReportInvitation, lookupReportInvitation, type ReportInvitationPreview } from '../../api/reportsApi.ts';
import { navigate } from '../../app/router.ts';
import { fragmentParam, reportPath } from '../../app/routes.ts';
import { whatYouCanDo } from '../../auth/permissions.ts';
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
  | { state: 'gone'; title: string; message: string }
  | { state: 'failed'; message: string };

export function ReportInvitationPage() {
  const [token] = useState(takeToken);
  const [load, setLoad] = useState<Load>(token ? { state: 'loading' } : { state: 'gone', ...deadLinkMessage404() });
  const state = useSessionStore((s) => s.state);
  const [mode, setMode] = useState<AuthMode>('signin');
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    document.title = 'Invitation — Rightsdraft';
    if (!token) return;
    lookupReportInvitation(token).then(
      (invitation) => setLoad({ state: 'ok', invitation }),
      (err: unknown) => {
        const dead = deadLinkMessage(err);
        if (dead) localStorage.removeItem(PENDING_KEY);
        setLoad(dead ? { state: 'gone', ...dead } : { state: 'failed', message: describeError(err) });
      },
    );
  }, [token]);

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
    const title = load.state === 'loading' ? 'Invitation' : load.state === 'gone' ? load.title : 'The invitation can’t be read';
    return (
      <AuthLayout title={title}>
        <p className="muted" role={load.state === 'loading' ? 'status' : 'alert'}>
          {load.state === 'loading' ? 'Reading the invitation…' : load.message}
        </p>
      </AuthLayout>
    );
  }

  const { invitation } = load;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const title = invitation.invitedBy
    ? `${invitation.invitedBy} invites you to work on “${invitation.report.title}” as ${role}`
    : `You are invited to work on “${invitation.report.title}” as ${role}`;
  return (
    <AuthLayout
      title={title}
      intro={
        <>
          <p>{whatYouCanDo(invitation.role)} on this report.</p>
          <p className="invite__expiry">This link expires {formatDateTime(invitation.expiresAt)} and works once.</p>
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
            You are signed in as <strong>{state.account.name}</strong> ({state.account.email}).
          </p>
          <button type="button" className="button button--primary" onClick={accept} disabled={joining} data-autofocus>
            {joining ? 'Opening…' : 'Accept and open the report'}
          </button>
        </div>
      ) : (
        <>
          <div className="segmented" role="group" aria-label="Do you have an account?">
            <button type="button" className="segmented__option" aria-pressed={mode === 'signin'} onClick={() => setMode('signin')}>
              I have an account
            </button>
            <button type="button" className="segmented__option" aria-pressed={mode === 'signup'} onClick={() => setMode('signup')}>
              I’m new here
            </button>
          </div>
          <AuthForm
            key={mode}
            mode={mode}
            // Signing up with the link gives the role in the same step (and is allowed when sign-up is by invitation).
            invitation={mode === 'signup' ? (token ?? undefined) : undefined}
            submitLabel={mode === 'signup' ? 'Create account' : 'Sign in and accept'}
            onDone={mode === 'signup' ? () => openReport(invitation.report.id) : accept}
            next={reportPath(invitation.report.id)}
          />
        </>
      )}
    </AuthLayout>
  );
}

function deadLinkMessage404(): { title: string; message: string } {
  return { title: 'This invitation link is not valid', message: 'Check that you opened the whole link from the mail, or ask for a new one.' };
}
