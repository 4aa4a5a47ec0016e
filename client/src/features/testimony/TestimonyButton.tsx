/**
 * "Testimony" in the report header (a red count when passages rest on lapsed consent) and the Testimony dialog,
 * mounted apart from the button so it stays open when a phone's actions menu closes behind it.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';
import { useOnline } from '../../app/useOnline.ts';
import { usePresenceUser } from '../../auth/useAccount.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TestimonyPanel } from './TestimonyPanel.tsx';
import { useLapsedPassages } from './useTestimony.ts';
import { useTestimonyUi } from './testimonyUiStore.ts';
import './testimony.css';

export function TestimonyButton({ session }: { session: ReportSession }) {
  const { t } = useTranslation();
  const setOpen = useTestimonyUi((s) => s.setOpen);
  const flagged = useLapsedPassages(session.doc).length;
  return (
    <button
      type="button"
      className="button button--small report-action"
      // Capture, not click: on a phone the actions menu closes (and unmounts this button) in the capture phase of
      // the same click, after which React no longer delivers the bubbling onClick.
      onClickCapture={() => setOpen(true)}
      title={t('testimony.buttonHint')}
      data-testid="testimony-button"
    >
      <svg className="icon" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M4 5h16v11H9l-5 4z" />
        <path d="M8 9h8M8 12h5" />
      </svg>
      <span className="report-action__label">{t('testimony.title')}</span>
      {flagged > 0 && (
        <span className="testimony-button__count" data-testid="testimony-flag-count" aria-label={t('testimony.flagged', { count: flagged })}>
          {flagged}
        </span>
      )}
    </button>
  );
}

export function TestimonyDialog({ session, snapshot }: { session: ReportSession; snapshot: SessionSnapshot }) {
  const { t } = useTranslation();
  const open = useTestimonyUi((s) => s.open);
  const setOpen = useTestimonyUi((s) => s.setOpen);
  const online = useOnline();
  const userName = usePresenceUser()?.name ?? t('editor.someone');
  // Leaving the report closes it.
  useEffect(() => () => setOpen(false), [setOpen]);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title={t('testimony.dialogTitle')} className="dialog--wide testimony-dialog">
      {open && (
        <TestimonyPanel
          doc={session.doc}
          reportId={session.reportId}
          role={snapshot.facts.role}
          canEdit={snapshot.canEdit}
          userName={userName}
          online={online}
          encrypted={session.encrypted}
          onClose={() => setOpen(false)}
        />
      )}
    </Dialog>
  );
}
