/**
 * The trash: the reports the person owns that were deleted (from the server, purged after their date), and copies
 * on this device of reports the server deleted. Restore brings a report back for everyone; Delete forever
 * purges it from the server and this device; a device copy alone can be removed from this device.
 */
import { useCallback, useEffect, useState } from 'react';
import { fetchTrash, type TrashedReport } from '../../api/reportsApi.ts';
import { describeError } from '../../api/http.ts';
import { formatDate } from '../../ui/dates.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useToastStore } from '../../stores/toastStore.ts';
import type { ReportListItem } from './mergeReports.ts';
import { deleteForever, removeDeviceCopy, restoreFromTrash } from './trashActions.ts';

type Entry = { id: string; title: string; mechanism: string; stateUnderReview: string; server: TrashedReport | null; onDevice: boolean };

export function TrashView({ deviceCopies, online, onChanged }: { deviceCopies: ReportListItem[]; online: boolean; onChanged: () => void }) {
  const [trash, setTrash] = useState<TrashedReport[] | 'loading' | 'unreachable'>('loading');
  const [confirm, setConfirm] = useState<{ entry: Entry; kind: 'purge' | 'device' } | null>(null);
  const showToast = useToastStore((s) => s.show);
  const load = useCallback(() => {
    fetchTrash().then(setTrash, () => setTrash('unreachable'));
  }, []);
  useEffect(load, [load, online]);

  const entries = new Map<string, Entry>();
  for (const r of Array.isArray(trash) ? trash : []) {
    entries.set(r.id, { id: r.id, title: r.title, mechanism: r.mechanism, stateUnderReview: r.stateUnderReview, server: r, onDevice: false });
  }
  for (const c of deviceCopies) {
    const known = entries.get(c.id);
    if (known) known.onDevice = true;
    else entries.set(c.id, { id: c.id, title: c.title, mechanism: c.mechanism, stateUnderReview: c.stateUnderReview, server: null, onDevice: true });
  }
  const list = [...entries.values()];

  const restore = async (entry: Entry) => {
    try {
      await restoreFromTrash(entry.id, entry.title || 'Untitled report');
    } catch (err) {
      showToast({ message: `Could not restore “${entry.title}”: ${describeError(err)}` });
    }
    load();
    onChanged();
  };

  return (
    <section aria-label="Trash" className="trash">
      <p className="muted">
        Deleted reports you own wait here before they are deleted for good; restoring one brings back its text, comments and versions for everyone.
        This device keeps its copies of deleted reports until you remove them.
      </p>
      {trash === 'unreachable' && (
        <p className="notice" role="status">
          The server can’t be reached, so the reports in your trash there can’t be shown. Copies kept on this device are listed below.
        </p>
      )}
      {trash === 'loading' && list.length === 0 ? (
        <p className="muted" role="status">
          Loading the trash…
        </p>
      ) : list.length === 0 ? (
        <div className="empty">
          <h2>The trash is empty</h2>
        </div>
      ) : (
        <ul className="report-list" aria-label="Deleted reports">
          {list.map((entry) => (
            <li key={entry.id} className="report-card report-card--trashed" data-testid="trash-card" data-report-id={entry.id}>
              <span className="report-card__title">{entry.title || 'Untitled report'}</span>
              <p className="report-card__meta">
                <abbr className="mechanism-code">{entry.mechanism}</abbr>
                {entry.stateUnderReview && <span>{entry.stateUnderReview}</span>}
                {entry.server ? (
                  <span className="muted">
                    Deleted {formatDate(entry.server.deletedAt)} · deleted for good on {new Date(entry.server.purgeAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}
                  </span>
                ) : (
                  <span className="muted">Deleted on the server; a copy is kept on this device</span>
                )}
              </p>
              <div className="report-card__actions">
                {entry.server && (
                  <>
                    <button type="button" className="button button--small" disabled={!online} onClick={() => void restore(entry)}>
                      Restore
                    </button>
                    <button type="button" className="button button--danger-ghost button--small" disabled={!online} onClick={() => setConfirm({ entry, kind: 'purge' })}>
                      Delete forever…
                    </button>
                  </>
                )}
                {!entry.server && entry.onDevice && (
                  <button type="button" className="button button--danger-ghost button--small" onClick={() => setConfirm({ entry, kind: 'device' })}>
                    Remove from this device…
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'purge' ? `Delete “${confirm.entry.title}” forever?` : `Remove “${confirm?.entry.title ?? ''}” from this device?`}
        confirmLabel={confirm?.kind === 'purge' ? 'Delete forever' : 'Remove from this device'}
        danger
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          if (!confirm) return;
          if (confirm.kind === 'purge') await deleteForever(confirm.entry.id, confirm.entry.title || 'Untitled report');
          else await removeDeviceCopy(confirm.entry.id);
          setConfirm(null);
          load();
        }}
      >
        {confirm?.kind === 'purge' ? (
          <p>Its text, comments and versions are erased from the server and from this device. This cannot be undone.</p>
        ) : (
          <p>The copy on this device is erased. The server no longer has this report, so this cannot be undone.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
