import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { startAccountLanguage } from '../i18n/accountLanguage.ts';
import { currentAccount } from '../auth/sessionState.ts';
import { ConfirmAccountPage, ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage } from '../features/account/AuthPages.tsx';
import { ReportInvitationPage } from '../features/report/ReportInvitationPage.tsx';
import { CoalitionPage } from '../features/coalitions/CoalitionPage.tsx';
import { CoalitionsPage } from '../features/coalitions/CoalitionsPage.tsx';
import { InvitePage } from '../features/coalitions/InvitePage.tsx';
import { startPublishing } from '../features/reports/publish.ts';
import { AccountPage } from '../features/settings/AccountPage.tsx';
import { AdminPage } from '../features/settings/AdminPage.tsx';
import { FollowUpPage } from '../features/followup/FollowUpPage.tsx';
import { ReportListPage } from '../features/reports/ReportListPage.tsx';
import { startSessionWatch, useSessionStore } from '../stores/sessionStore.ts';
import { Toasts } from '../ui/Toasts.tsx';
import { handleLinkClick, navigate, useRoute } from './router.ts';
import { nextPath, PUBLIC_ROUTES, SIGNED_OUT_ONLY, signInPath } from './routes.ts';
import { TopBar } from './TopBar.tsx';
import { LibraryPage } from '../features/library/LibraryPage.tsx';
import { EntryPage } from '../features/library/EntryPage.tsx';

const ReportView = lazy(() => import('../features/report/ReportView.tsx'));

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const state = useSessionStore((s) => s.state);
  const account = currentAccount(state);
  const accountId = account?.id;
  const signedIn = state.status === 'signed-in';
  useEffect(() => startSessionWatch(), []);
  useEffect(() => startAccountLanguage(), []);
  // Reports made offline are published from any page, as soon as the server is reachable and accepts us.
  useEffect(() => (signedIn && accountId ? startPublishing(accountId) : undefined), [signedIn, accountId]);

  // Nobody signed in on this device: every page but the account and invitation pages asks to sign in first.
  const needsSignIn = state.status === 'signed-out' && !PUBLIC_ROUTES.has(route.name);
  const alreadyIn = state.status === 'signed-in' && SIGNED_OUT_ONLY.has(route.name);
  useEffect(() => {
    if (needsSignIn) navigate(signInPath(location.pathname + location.search), { replace: true });
    else if (alreadyIn) navigate(nextPath(location.search), { replace: true });
  }, [needsSignIn, alreadyIn]);

  let page;
  if (PUBLIC_ROUTES.has(route.name) && !alreadyIn) {
    page =
      route.name === 'invite' ? (
        <InvitePage key={route.token} token={route.token} />
      ) : route.name === 'signup' ? (
        <SignUpPage />
      ) : route.name === 'forgot-password' ? (
        <ForgotPasswordPage />
      ) : route.name === 'reset-password' ? (
        <ResetPasswordPage />
      ) : route.name === 'confirm-account' ? (
        <ConfirmAccountPage />
      ) : route.name === 'report-invitation' ? (
        <ReportInvitationPage />
      ) : route.name === 'library' ? (
        <LibraryPage />
      ) : route.name === 'library-entry' ? (
        <EntryPage key={route.entryId} entryId={route.entryId} />
      ) : (
        <SignInPage />
      );
  } else if (!account) {
    page = <Opening />;
  } else if (route.name === 'reports') {
    page = <ReportListPage />;
  } else if (route.name === 'report') {
    page = (
      <Suspense fallback={<Loading />}>
        <ReportView key={`${account.id}:${route.reportId}`} reportId={route.reportId} />
      </Suspense>
    );
  } else if (route.name === 'coalitions') {
    page = <CoalitionsPage />;
  } else if (route.name === 'account') {
    page = <AccountPage />;
  } else if (route.name === 'follow-up') {
    page = <FollowUpPage />;
  } else if (route.name === 'admin') {
    page = <AdminPage />;
  } else if (route.name === 'coalition') {
    page = <CoalitionPage key={route.coalitionId} coalitionId={route.coalitionId} />;
  } else {
    page = <NotFound />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {page}
      <Toasts />
    </>
  );
}

/** While the server is asked who is signed in (only when this device has no account cached). */
function Opening() {
  const { t } = useTranslation();
  return (
    <main id="main" className="report-placeholder">
      <p role="status">{t('app.opening')}</p>
    </main>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="report-placeholder">
        <p role="status">{t('app.openingReport')}</p>
      </main>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="report-placeholder">
        <h1 className="page-title">{t('app.notFound.title')}</h1>
        <p className="muted">{t('app.notFound.text')}</p>
        <a href="/" className="button" onClick={handleLinkClick}>
          {t('app.notFound.back')}
        </a>
      </main>
    </div>
  );
}
