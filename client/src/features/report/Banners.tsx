import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CloseCodes } from '../../../../shared/protocol/closeCodes.ts';
import { isReader } from '../../auth/permissions.ts';
import type { ReportSession, SessionSnapshot } from '../../sync/ReportSession.ts';

/** Explanations that need more room than the status: the role, newer schema, report missing on the server. */
export function Banners({ session, snapshot }: { session: ReportSession; snapshot: SessionSnapshot }) {
  const { t } = useTranslation();
  const { facts } = snapshot;
  const [uploading, setUploading] = useState(false);
  const [uploadFailed, setUploadFailed] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const banners: {
    key: string;
    tone: 'info' | 'warning' | 'error';
    title?: string;
    text: string;
    action?: { label: string; run: () => void };
    secondary?: { label: string; run: () => void };
  }[] = [];

  if (facts.schemaTooNew) {
    banners.push({ key: 'schema', tone: 'warning', text: t('coalitionsUi.banners.schemaTooNew') });
  }
  const role = facts.role;
  const gone = facts.closeCode === CloseCodes.ReportDeleted.code;
  if (gone) {
    // Said below; the role no longer matters.
  } else if (role && isReader(role) && facts.view === 'server') {
    const n = facts.unsyncedChanges;
    banners.push({
      key: 'unsendable',
      tone: 'warning',
      text:
        n > 0 ? t('coalitionsUi.banners.unsendable', { role, count: n }) : t('coalitionsUi.banners.unsendableNone', { role }),
    });
  } else if (role && isReader(role)) {
    banners.push({
      key: 'read-only',
      tone: 'info',
      text:
role === 'reviewer' ? t('coalitionsUi.banners.reviewer') : t('coalitionsUi.banners.viewer'),
    });
  } else if (facts.closeCode === CloseCodes.ReadOnly.code) {
    banners.push({ key: 'read-only', tone: 'info', text: t('coalitionsUi.banners.readOnly') });
  }
  if (facts.closeCode === CloseCodes.ReportDeleted.code) {
    banners.push({ key: 'deleted', tone: 'error', text: t('coalitionsUi.banners.deleted') });
  }
  if (facts.closeCode === CloseCodes.UnknownReport.code && !facts.pendingCreate && snapshot.initialised) {
    banners.push({
      key: 'unknown',
      tone: 'error',
      text: uploadFailed ? t('coalitionsUi.banners.uploadFailed') : t('coalitionsUi.banners.notOnServer'),
      action: {
        label: uploading ? t('coalitionsUi.banners.uploading') : t('coalitionsUi.banners.upload'),
        run: () => {
          setUploading(true);
          void session.uploadFromDevice().then((ok) => {
            setUploading(false);
            setUploadFailed(!ok);
          });
        },
      },
    });
  }
  if (facts.closeCode === CloseCodes.ReportFull.code && facts.connection === 'idle') {
    banners.push({
      key: 'report-full',
      tone: 'error',
      title: t('coalitionsUi.banners.fullTitle'),
      text: t('coalitionsUi.banners.fullText'),
      action: { label: t('coalitionsUi.banners.tryAgain'), run: () => session.retry() },
      secondary: { label: t('coalitionsUi.banners.discard'), run: () => setDiscarding(true) },
    });
  }
  if (facts.closeCode === CloseCodes.MalformedMessage.code && facts.connection === 'idle') {
    banners.push({ key: 'malformed', tone: 'error', text: t('coalitionsUi.banners.malformed'), action: { label: t('coalitionsUi.banners.tryAgain'), run: () => session.retry() } });
  }
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      <ConfirmDialog
        open={discarding}
        title={t('coalitionsUi.banners.discardTitle')}
        confirmLabel={t('coalitionsUi.banners.discardConfirm')}
        danger
        onClose={() => setDiscarding(false)}
        onConfirm={async () => {
          await session.discardUnsavedChanges();
          location.reload();
        }}
      >
        <p>{t('coalitionsUi.banners.discardText')}</p>
        <p className="muted">{t('coalitionsUi.banners.discardHint')}</p>
      </ConfirmDialog>
      {banners.map((b) => (
        <div key={b.key} className={`banner banner--${b.tone}`} role={b.tone === 'error' ? 'alert' : 'status'} data-testid={`banner-${b.key}`}>
          <span className={b.title ? 'banner__text' : undefined}>
            {b.title && <strong className="banner__title">{b.title} </strong>}
            {b.text}
          </span>
          {(b.action || b.secondary) && (
            <span className="banner__actions">
              {b.action && (
                <button type="button" className="button button--small" onClick={b.action.run} disabled={uploading}>
                  {b.action.label}
                </button>
              )}
              {b.secondary && (
                <button type="button" className="button button--small button--ghost" onClick={b.secondary.run}>
                  {b.secondary.label}
                </button>
              )}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
