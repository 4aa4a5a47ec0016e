import { lazy, Suspense, useEffect } from 'react';
import { startPublishing } from '../features/reports/publish.ts';
import { ReportListPage } from '../features/reports/ReportListPage.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { NameDialog } from './NameDialog.tsx';
import { handleLinkClick, useRoute } from './router.ts';
import { TopBar } from './TopBar.tsx';

const ReportView = lazy(() => import('../features/report/ReportView.tsx'));

export function App() {
  const route = useRoute();
  // Reports made offline are published from any page, as soon as the server is reachable.
  useEffect(() => startPublishing(), []);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {route.name === 'reports' && <ReportListPage />}
      {route.name === 'report' && (
        <Suspense fallback={<Loading />}>
          <ReportView key={route.reportId} reportId={route.reportId} />
        </Suspense>
      )}
      {route.name === 'not-found' && <NotFound />}
      <NameDialog />
      <Toasts />
    </>
  );
}

function Loading() {
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="report-placeholder">
        <p role="status">Opening report…</p>
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <div className="page">
      <TopBar />
      <main id="main" className="report-placeholder">
        <h1 className="page-title">Page not found</h1>
        <p className="muted">This address is not a page of Rightsdraft.</p>
        <a href="/" className="button" onClick={handleLinkClick}>
          Go to your reports
        </a>
      </main>
    </div>
  );
}
