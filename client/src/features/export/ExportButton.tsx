import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { Icon } from '../../ui/Icon.tsx';
import { requestExportCaching } from './fontCache.ts';
import './reportActions.css';

const ExportDialog = lazy(() => import('./ExportDialog.tsx'));

/** How long after a report opens export's files are fetched for offline use, so they never slow the opening. */
const EXPORT_CACHING_DELAY_MS = 3000;

/** "Export" in the report header: opens the export dialog (loaded on first use). */
export function ExportButton({ session, snapshot }: { session: ReportSession; snapshot: SessionSnapshot }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Kept mounted once opened, so closing goes through <dialog>.close() and focus returns to this button.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => void requestExportCaching(), EXPORT_CACHING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      <button type="button" className="button button--small report-action" onClick={() => {
          setLoaded(true);
          setOpen(true);
        }} aria-haspopup="dialog" data-testid="export-button">
        <Icon name="download" size={16} />
        <span className="report-action__label">{t('export.button')}</span>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <ExportDialog open={open} onClose={() => setOpen(false)} session={session} snapshot={snapshot} />
        </Suspense>
      )}
    </>
  );
}
