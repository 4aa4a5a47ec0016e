/**
 * The Versions panel of an end-to-end encrypted report: the versions members saved, each opened and checked in
 * this browser (its name is sealed; one that fails its signature or decryption is listed as unreadable and offers
 * nothing to open or restore). Writers save named versions and restore one; everyone may open one read-only or
 * compare it with now; the owner may delete one. Nothing here asks the server to read the report.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../../api/reportsApi.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useToastStore } from '../../stores/toastStore.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useReview } from '../review/ReviewContext.tsx';
import type { Version } from '../review/reviewApi.ts';
import { fillSlots, slot } from '../review/slots.tsx';
import { fullTime, relativeTime } from '../review/timeText.ts';
import { SaveVersionDialog } from '../review/VersionsPanel.tsx';
import { compare, deleteVersion, loadVersions, restoreVersion, saveVersion, versionContent, type OpenedVersion } from './encryptedVersions.ts';
import { RestoreVersionDialog } from '../review/RestoreVersionDialog.tsx';

const VersionViewer = lazy(() => import('../review/VersionViewer.tsx'));
const CompareView = lazy(() => import('../review/CompareView.tsx'));

type Readable = Extract<OpenedVersion, { readable: true }>;
type Overlay = { kind: 'view'; version: Readable } | { kind: 'compare'; version: Readable } | null;

const errorText = (err: unknown) =>
  err instanceof NetworkError ? i18n.t('reviewUi.versions.unreachable') : err instanceof Error && err.message ? err.message : i18n.t('reviewUi.versions.somethingWrong');

/** The shape the shared viewer and compare view take. */
const asVersion = (v: Readable): Version => ({ id: v.id, name: v.name, auto: false, kind: 'named', authorId: v.makerId, authorName: v.makerName, createdAt: v.createdAt });

function reasonKey(reason: Extract<OpenedVersion, { readable: false }>['reason']): string {
  if (reason === 'no-key') return 'encryptedVersions.unreadable.noKey';
  if (reason === 'unknown-signer' || reason === 'bad-signature') return 'encryptedVersions.unreadable.signature';
  if (reason === 'unavailable') return 'encryptedVersions.unreadable.unavailable';
  return 'encryptedVersions.unreadable.damaged';
}

export default function EncryptedVersionsPanel() {
  const { t } = useTranslation();
  const review = useReview()!;
  const { reportId, session, discussion } = review;
  const accountId = session.transport.encrypted ? session.transport.accountId : null;
  const [versions, setVersions] = useState<OpenedVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<Readable | null>(null);
  const [deleting, setDeleting] = useState<OpenedVersion | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const isOwner = review.role === 'owner';

  const load = useCallback(() => {
    if (!accountId) return;
    loadVersions(reportId, accountId).then(
      (v) => {
        setVersions(v);
        setError(null);
      },
      (err) => setError(errorText(err)),
    );
  }, [reportId, accountId]);
  useEffect(load, [load]);

  const nameOf = (v: OpenedVersion) => (v.readable ? v.name : t('encryptedVersions.unreadableName'));
  const readable = (versions ?? []).filter((v): v is Readable => v.readable);

  return (
    <div className="versions" data-testid="versions-panel" data-encrypted="true">
      <p className="muted">{t('encryptedVersions.note')}</p>
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
      {versions === null && !error && <p className="muted">{t('reviewUi.versions.loading')}</p>}
      {versions?.length === 0 && <p className="muted">{t('encryptedVersions.none', { canSave: review.canDecide ? 'yes' : 'no' })}</p>}
      <ol className="version-list" data-testid="version-list">
        {versions?.map((v) => (
          <li key={v.id} className={`version${v.readable ? '' : ' version--unreadable'}`} data-testid="version" data-readable={v.readable ? 'yes' : 'no'}>
            <div className="version__main">
              <span className="version__name">{nameOf(v)}</span>
            </div>
            <p className="version__meta muted">
              {v.makerName ? `${v.makerName}, ` : ''}
              <time dateTime={v.createdAt} title={fullTime(v.createdAt)}>
                {relativeTime(v.createdAt)}
              </time>
            </p>
            {!v.readable && (
              <p className="field__error" data-testid="version-unreadable">
                {t(reasonKey(v.reason))}
              </p>
            )}
            <div className="version__actions">
              {v.readable && (
                <>
                  <button type="button" className="button button--small" onClick={() => setOverlay({ kind: 'view', version: v })} aria-label={t('reviewUi.versions.openNamed', { name: v.name })}>
                    {t('reviewUi.versions.open')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => setOverlay({ kind: 'compare', version: v })} aria-label={t('reviewUi.versions.compareNamedWithNow', { name: v.name })}>
                    {t('reviewUi.versions.compareWithNow')}
                  </button>
                  {review.canDecide && (
                    <button type="button" className="button button--small button--ghost" onClick={() => setRestoring(v)} aria-label={t('reviewUi.versions.restoreNamed', { name: v.name })}>
                      {t('reviewUi.versions.restoreOpen')}
                    </button>
                  )}
                </>
              )}
              {isOwner && (
                <button type="button" className="button button--small button--ghost version__delete" onClick={() => setDeleting(v)} aria-label={t('reviewUi.versions.deleteNamed', { name: nameOf(v) })}>
                  {t('reviewUi.versions.deleteOpen')}
                </button>
              )}
            </div>
          </li>
        ))}
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
          if (overlay?.version.id === v.id) setOverlay(null);
          useToastStore.getState().show({ message: i18n.t('reviewUi.versions.deleted', { name: nameOf(v) }) });
          load();
        }}
      >
        {deleting && (
          <>
            <p>
              {fillSlots(t('reviewUi.versions.deleteBody', { name: slot('name'), time: fullTime(deleting.createdAt) }), {
                name: <strong>{t('reviewUi.versionViewer.title', { name: nameOf(deleting) })}</strong>,
              })}
            </p>
            <p className="muted">{t('reviewUi.versions.deleteReportUnchanged')}</p>
          </>
        )}
      </ConfirmDialog>

      <SaveVersionDialog
        open={saving}
        onClose={() => setSaving(false)}
        onSave={async (name) => {
          if (!accountId) return;
          await saveVersion(reportId, accountId, name, session.doc, discussion.doc);
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
          if (!accountId) return;
          const before = t('versionNames.beforeRestore', { target: v.name });
          await restoreVersion(reportId, accountId, v, { content: session.doc, discussion: discussion.doc }, before);
          setRestoring(null);
          setOverlay(null);
          useToastStore.getState().show({ message: i18n.t('reviewUi.versions.restored', { name: v.name, before }) }, 10_000);
          load();
        }}
      />
      <Suspense fallback={null}>
        {overlay?.kind === 'view' && (
          <VersionViewer
            reportId={reportId}
            version={asVersion(overlay.version)}
            loadContent={() => Promise.resolve(versionContent(reportId, overlay.version))}
            onClose={() => setOverlay(null)}
            onCompare={() => setOverlay({ kind: 'compare', version: overlay.version })}
            onRestore={review.canDecide ? () => setRestoring(overlay.version) : undefined}
          />
        )}
        {overlay?.kind === 'compare' && (
          <CompareView
            reportId={reportId}
            from={overlay.version.id}
            to="current"
            versions={readable.map(asVersion)}
            loadComparison={() => Promise.resolve(compare(overlay.version, { now: session.doc }))}
            onClose={() => setOverlay(null)}
          />
        )}
      </Suspense>
    </div>
  );
}
