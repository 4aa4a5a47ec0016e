/**
 * Duplicate and Delete on a report card. Both need the server: duplicating copies the server's current text
 * (a device copy may be behind or ahead of it), so offline the button is unavailable and says why; so it is for
 * an end-to-end encrypted report, whose text the server cannot read.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { duplicateReport } from '../../api/reportsApi.ts';
import { describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import type { ReportListItem } from './mergeReports.ts';
import { moveToTrash, TRASH_DAYS } from './trashActions.ts';

export function ReportCardActions({ item, serverReachable, onChanged }: { item: ReportListItem; serverReachable: boolean; onChanged: () => void }) {
  const showToast = useToastStore((s) => s.show);
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const title = item.title || t('report.untitled');
  if (item.place === 'device-only' || item.role === null) return null;
  // The server copies a report from its text, which it does not have for an encrypted one (409 encrypted_report).
  const whyNot = item.encrypted ? t('e2eeLeaks.duplicateEncrypted') : serverReachable ? null : t('accountUi.cardActions.offlineDuplicate');

  const duplicate = async () => {
    // A tap has no hover to show the tooltip (phones): say it plainly instead of doing nothing.
    if (whyNot) {
      showToast({ message: whyNot }, 6000);
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      const copy = await duplicateReport(item.id);
      onChanged();
      showToast({ message: t('accountUi.cardActions.made', { title: copy.title }), action: { label: t('accountUi.cardActions.open'), run: () => navigate(reportPath(copy.id)) } });
    } catch (err) {
      showToast({ message: t('accountUi.cardActions.duplicateFailed', { title, error: describeError(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const duplicateButton = (
    <button
      type="button"
      className="button button--ghost button--small"
      aria-disabled={whyNot ? true : undefined}
      disabled={busy}
      onClick={() => void duplicate()}
    >
      {busy ? t('accountUi.cardActions.duplicating') : t('accountUi.cardActions.duplicate')}
    </button>
  );
  return (
    <div className="report-card__actions">
      {whyNot ? <Tooltip content={whyNot}>{duplicateButton}</Tooltip> : duplicateButton}
      {item.role === 'owner' && serverReachable && (
        <button type="button" className="button button--danger-ghost button--small" onClick={() => setDeleting(true)}>
          {t('accountUi.cardActions.delete')}
        </button>
      )}
      <ConfirmDialog
        open={deleting}
        title={t('report.delete.title', { title })}
        confirmLabel={t('report.delete.confirm')}
        danger
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await moveToTrash(item.id, title, onChanged);
          setDeleting(false);
          onChanged();
        }}
      >
        <p>{t('report.delete.text', { title, days: TRASH_DAYS })}</p>
      </ConfirmDialog>
    </div>
  );
}
