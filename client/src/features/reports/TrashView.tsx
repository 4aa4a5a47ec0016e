/**
 * The trash: the reports the person owns that were deleted (from the server, purged after their date), and copies
 * on this device of reports the server deleted. Restore brings a report back for everyone; Delete forever
 * purges it from the server and this device; a device copy alone can be removed from this device.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
      await restoreFromTrash(entry.id, entry.title || t('report.untitled'));
    } catch (err) {
      showToast({ message: t('accountUi.trash.restoreFailed', { title: entry.title, error: describeError(err) }) });
    }
    load();
    onChanged();
  };

  return (
    <section aria-label={t('list.trash')} className="trash">
      <p className="muted">{t('accountUi.trash.intro')}</p>
      {trash === 'unreachable' && (
        <p className="notice" role="status">
          {t('accountUi.trash.unreachable')}
        </p>
      )}
      {trash === 'loading' && list.length === 0 ? (
        <p className="muted" role="status">
          {t('accountUi.trash.loading')}
        </p>
      ) : list.length === 0 ? (
        <div className="empty">
          <h2>{t('accountUi.trash.empty')}</h2>
        </div>
      ) : (
        <ul className="report-list" aria-label={t('accountUi.trash.listLabel')}>
          {list.map((entry) => (
            <li key={entry.id} className="report-card report-card--trashed" data-testid="trash-card" data-report-id={entry.id}>
              <span className="report-card__title">{entry.title || t('report.untitled')}</span>
              <p className="report-card__meta">
                <abbr className="mechanism-code">{entry.mechanism}</abbr>
                {entry.stateUnderReview && <span>{entry.stateUnderReview}</span>}
                {entry.server ? (
                  <span className="muted">
                    {t('accountUi.trash.dates', { deleted: formatDate(entry.server.deletedAt), purge: formatDate(entry.server.purgeAt) })}
                  </span>
                ) : (
                  <span className="muted">{t('accountUi.trash.deviceCopy')}</span>
                )}
              </p>
              <div className="report-card__actions">
                {entry.server && (
                  <>
                    <button type="button" className="button button--small" disabled={!online} onClick={() => void restore(entry)}>
                      {t('accountUi.trash.restore')}
                    </button>
                    <button type="button" className="button button--danger-ghost button--small" disabled={!online} onClick={() => setConfirm({ entry, kind: 'purge' })}>
                      {t('accountUi.trash.deleteForeverMenu')}
                    </button>
                  </>
                )}
                {!entry.server && entry.onDevice && (
                  <button type="button" className="button button--danger-ghost button--small" onClick={() => setConfirm({ entry, kind: 'device' })}>
                    {t('accountUi.trash.removeFromDeviceMenu')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === 'purge'
            ? t('accountUi.trash.purgeTitle', { title: confirm.entry.title })
            : t('accountUi.trash.removeTitle', { title: confirm?.entry.title ?? '' })
        }
        confirmLabel={confirm?.kind === 'purge' ? t('accountUi.trash.deleteForever') : t('accountUi.trash.removeFromDevice')}
        danger
        onClose={() => setConfirm(null)}
        onConfirm={async () => {
          if (!confirm) return;
          if (confirm.kind === 'purge') await deleteForever(confirm.entry.id, confirm.entry.title || t('report.untitled'));
          else await removeDeviceCopy(confirm.entry.id);
          setConfirm(null);
          load();
        }}
      >
        {confirm?.kind === 'purge' ? (
          <p>{t('accountUi.trash.purgeText')}</p>
        ) : (
          <p>{t('accountUi.trash.removeText')}</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
