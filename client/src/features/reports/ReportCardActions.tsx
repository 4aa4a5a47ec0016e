/**
 * Duplicate and Delete on a report card. Both need the server: duplicating copies the server's current text
 * (a device copy may be behind or ahead of it), so offline the button is unavailable and says why.
 */
import { useState } from 'react';
import { duplicateReport } from '../../api/reportsApi.ts';
import { describeError } from '../../api/http.ts';
import { navigate } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import type { ReportListItem } from './mergeReports.ts';
import { moveToTrash, TRASH_DAYS_HINT } from './trashActions.ts';

export function ReportCardActions({ item, serverReachable, onChanged }: { item: ReportListItem; serverReachable: boolean; onChanged: () => void }) {
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const title = item.title || 'Untitled report';
  if (item.place === 'device-only' || item.role === null) return null;
  const whyNot = serverReachable ? null : 'Duplicating needs a connection to the server: the copy is made from the server’s text.';

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
      showToast({ message: `Made “${copy.title}”.`, action: { label: 'Open', run: () => navigate(reportPath(copy.id)) } });
    } catch (err) {
      showToast({ message: `Could not duplicate “${title}”: ${describeError(err)}` });
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
      {busy ? 'Duplicating…' : 'Duplicate'}
    </button>
  );
  return (
    <div className="report-card__actions">
      {whyNot ? <Tooltip content={whyNot}>{duplicateButton}</Tooltip> : duplicateButton}
      {item.role === 'owner' && serverReachable && (
        <button type="button" className="button button--danger-ghost button--small" onClick={() => setDeleting(true)}>
          Delete…
        </button>
      )}
      <ConfirmDialog
        open={deleting}
        title={`Delete “${title}”?`}
        confirmLabel="Move to trash"
        danger
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await moveToTrash(item.id, title, onChanged);
          setDeleting(false);
          onChanged();
        }}
      >
        <p>
          “{title}” goes to your trash, with its text, comments and versions, and closes for everyone who has access. You can restore it from the trash
          for {TRASH_DAYS_HINT}; after that it is deleted for good.
        </p>
      </ConfirmDialog>
    </div>
  );
}
