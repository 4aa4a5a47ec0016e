/**
 * "Print" in the report header. The editor shows one section at a time, so printing the page would print one
 * section and the app around it: Print (and the browser's own Ctrl/Cmd+P, through `beforeprint`) first draws the
 * whole report into a container that only the printer sees (print.css), then asks the browser to print.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { ExportDocument } from '../../../../shared/export/model.ts';
import { coverOrganisations } from '../../../../shared/report/signOn.ts';
import type { ReportSession } from '../../sync/ReportSession.ts';
import { useReview } from '../review/ReviewContext.tsx';
import { currentSignOn } from '../submission/signOnStore.ts';
import { PrintedReport } from './PrintedReport.tsx';
import { printModel } from './printModel.ts';
import './print.css';

export function PrintButton({ session }: { session: ReportSession }) {
  const { t } = useTranslation();
  const [model, setModel] = useState<ExportDocument | null>(null);
  const discussion = useReview()?.discussion.doc ?? null;

  /** Draw the report as it is now, synchronously, so what is printed is never a step behind. */
  const prepare = useCallback(() => {
    const known = currentSignOn(session.reportId, session.doc, session.encrypted);
    const next = printModel(session.doc, { discussion, organisations: known ? coverOrganisations(known) : undefined });
    flushSync(() => setModel(next));
  }, [session, discussion]);

  useEffect(() => {
    window.addEventListener('beforeprint', prepare);
    return () => window.removeEventListener('beforeprint', prepare);
  }, [prepare]);

  return (
    <>
      <button
        type="button"
        className="button button--small report-action"
        onClick={() => {
          prepare();
          window.print();
        }}
        title={t('print.title')}
        data-testid="print-button"
      >
        <svg className="icon" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M7 14h10v6H7z" />
        </svg>
        <span className="report-action__label">{t('print.button')}</span>
      </button>
      {model &&
        createPortal(
          <div className="print-report" data-testid="print-report">
            <PrintedReport model={model} />
          </div>,
          document.body,
        )}
    </>
  );
}
