/**
 * Versions of the report: named ones ("Sent to OHCHR, 15 March") and automatic ones (when an editing session ends,
 * every half hour of editing, before a large deletion, before a restore). Open any read-only, compare two (or one
 * with now), save a new one, restore one; the owner may delete one.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useToastStore } from '../../stores/toastStore.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';
import { useReview } from './ReviewContext.tsx';
import { deleteVersion, fetchVersions, restoreVersion, saveVersion, type Version } from './reviewApi.ts';
import { versionBadge } from './versionLabels.ts';
import { fullTime, relativeTime } from './timeText.ts';
import { fillSlots, slot } from './slots.tsx';
import { RestoreVersionDialog } from './RestoreVersionDialog.tsx';

const VersionViewer = lazy(() => import('./VersionViewer.tsx'));
const CompareView = lazy(() => import('./CompareView.tsx'));

type Overlay = { kind: 'view'; version: Version } | { kind: 'compare'; from: string; to: string } | null;

const errorText = (err: unknown) =>
  err instanceof NetworkError ? i18n.t('reviewUi.versions.unreachable') : err instanceof ApiError ? err.message : i18n.t('reviewUi.versions.somethingWrong');

export default function VersionsPanel() {
  const { t } = useTranslation();
  const review = useReview()!;
  const reportId = review.reportId;
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [deleting, setDeleting] = useState<Version | null>(null);
  const isOwner = review.role === 'owner';
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const ids = { from: useId(), to: useId() };

  const load = useCallback(() => {
    fetchVersions(reportId).then(
      (v) => {
        setVersions(v);
        setError(null);
      },
      (err) => setError(errorText(err)),
    );
  }, [reportId]);

  useEffect(load, [load]);

  useEffect(() => {
    if (versions && versions.length > 0 && !versions.some((v) => v.id === from)) setFrom(versions[0]!.id);
  }, [versions, from]);

  const labelOf = (v: Version) => `${v.name} — ${relativeTime(v.createdAt)}`;

  return (
    <div className="versions" data-testid="versions-panel">
      {review.canDecide && (
        <button type="button" className="button button--primary versions__save" onClick={() => setSaving(true)}>
          {t('reviewUi.versions.saveVersionOpen')}
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {versions && versions.length > 0 && (
        <form
          className="compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (from) setOverlay({ kind: 'compare', from, to });
          }}
        >
          <div className="filters__field">
            <label htmlFor={ids.from}>{t('reviewUi.versions.compareFrom')}</label>
            <select id={ids.from} className="input select filters__select" value={from} onChange={(e) => setFrom(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {labelOf(v)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__field">
            <label htmlFor={ids.to}>{t('reviewUi.versions.compareWith')}</label>
            <select id={ids.to} className="input select filters__select" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="current">{t('reviewUi.versions.now')}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {labelOf(v)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--small">
            {t('reviewUi.versions.compare')}
          </button>
        </form>
      )}
      {versions === null && !error && <p className="muted">{t('reviewUi.versions.loading')}</p>}
      {versions?.length === 0 && (
        <p className="muted">{t('reviewUi.versions.none', { canSave: review.canDecide ? 'yes' : 'no' })}</p>
      )}
      <ol className="version-list" data-testid="version-list">
        {versions?.map((v) => {
          const badge = versionBadge(v);
          return (
            <li key={v.id} className={`version${v.kind === 'before-deletion' ? ' version--safeguard' : ''}`} data-testid="version">
              <div className="version__main">
                <span className="version__name">{v.name}</span>
                {badge && (
                  <span className={`badge${badge.tone === 'safeguard' ? ' badge--safeguard' : ''}`} title={t(badge.help)} data-testid="version-badge">
                    {t(badge.text)}
                  </span>
                )}
              </div>
              <p className="version__meta muted">
                {v.authorName ? `${v.authorName}, ` : ''}
                <time dateTime={v.createdAt} title={fullTime(v.createdAt)}>
                  {relativeTime(v.createdAt)}
                </time>
              </p>
              <div className="version__actions">
                <button type="button" className="button button--small" onClick={() => setOverlay({ kind: 'view', version: v })} aria-label={t('reviewUi.versions.openNamed', { name: v.name })}>
                  {t('reviewUi.versions.open')}
                </button>
                <button type="button" className="button button--small" onClick={() => setOverlay({ kind: 'compare', from: v.id, to: 'current' })} aria-label={t('reviewUi.versions.compareNamedWithNow', { name: v.name })}>
                  {t('reviewUi.versions.compareWithNow')}
                </button>
                {review.canDecide && (
                  <button type="button" className="button button--small button--ghost" onClick={() => setRestoring(v)} aria-label={t('reviewUi.versions.restoreNamed', { name: v.name })}>
                    {t('reviewUi.versions.restoreOpen')}
                  </button>
                )}
                {isOwner && (
                  <button type="button" className="button button--small button--ghost version__delete" onClick={() => setDeleting(v)} aria-label={t('reviewUi.versions.deleteNamed', { name: v.name })}>
                    {t('reviewUi.versions.deleteOpen')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>

      <ConfirmDialog
        open={deleting !== null}
        title={t('reviewUi.versions.deleteTitle')}
        confirmLabel={t('reviewUi.versions.deleteConfirm')}
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const v = deleting!;
          await deleteVersion(reportId, v.id);
          setDeleting(null);
          if (overlay?.kind === 'view' && overlay.version.id === v.id) setOverlay(null);
          useToastStore.getState().show({ message: i18n.t('reviewUi.versions.deleted', { name: v.name }) });
          load();
        }}
      >
        {deleting && (
          <>
            <p>
              {fillSlots(t('reviewUi.versions.deleteBody', { name: slot('name'), time: fullTime(deleting.createdAt) }), {
                name: <strong>{t('reviewUi.versionViewer.title', { name: deleting.name })}</strong>,
              })}
            </p>
            {deleting.kind === 'before-deletion' && <p>{t('reviewUi.versions.deleteSafeguard')}</p>}
            <p className="muted">{t('reviewUi.versions.deleteReportUnchanged')}</p>
          </>
        )}
      </ConfirmDialog>

      <SaveVersionDialog
        open={saving}
        onClose={() => setSaving(false)}
        onSave={async (name) => {
          await saveVersion(reportId, name);
          setSaving(false);
          useToastStore.getState().show({ message: i18n.t('reviewUi.versions.saved', { name }) });
          load();
        }}
      />
      <RestoreVersionDialog
        errorText={errorText}
        version={restoring}
        onClose={() => setRestoring(null)}
        onRestore={async (v) => {
          const { before } = await restoreVersion(reportId, v.id);
          setRestoring(null);
          setOverlay(null);
          useToastStore.getState().show({ message: i18n.t('reviewUi.versions.restored', { name: v.name, before: before.name }) }, 10_000);
          load();
        }}
      />
      <Suspense fallback={null}>
        {overlay?.kind === 'view' && (
          <VersionViewer
            reportId={reportId}
            version={overlay.version}
            onClose={() => setOverlay(null)}
            onCompare={() => setOverlay({ kind: 'compare', from: overlay.version.id, to: 'current' })}
            onRestore={review.canDecide ? () => setRestoring(overlay.version) : undefined}
          />
        )}
        {overlay?.kind === 'compare' && versions && (
          <CompareView reportId={reportId} from={overlay.from} to={overlay.to} versions={versions} onClose={() => setOverlay(null)} />
        )}
      </Suspense>
    </div>
  );
}

export function SaveVersionDialog({ open, onClose, onSave }: { open: boolean; onClose: () => void; onSave: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const helpId = useId();
  useEffect(() => {
    if (open) {
      setName('');
      setError(null);
    }
  }, [open]);
  return (
    <Dialog open={open} onClose={onClose} title={t('reviewUi.versions.saveTitle')}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError(t('reviewUi.versions.nameRequired'));
          setBusy(true);
          onSave(name.trim()).then(
            () => setBusy(false),
            (err) => {
              setBusy(false);
              setError(errorText(err));
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('reviewUi.versions.name')}</label>
          <input
            id={inputId}
            className="input"
            value={name}
            maxLength={200}
            autoFocus
            placeholder={t('reviewUi.versions.namePlaceholder')}
            aria-describedby={helpId}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <p id={helpId} className="field__help">
            {t('reviewUi.versions.nameHelp')}
          </p>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('reviewUi.versions.saving') : t('reviewUi.versions.saveVersion')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
