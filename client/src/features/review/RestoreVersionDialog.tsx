/**
 * Asks before a version is restored: what comes back, that the current text is kept first as a version (named as
 * the list will show it), and that comments stay. Used by the versions panel of plain and of encrypted reports.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { fillSlots, slot } from './slots.tsx';
import { fullTime } from './timeText.ts';

interface RestorableVersion {
  name: string;
  createdAt: string;
}

export function RestoreVersionDialog<V extends RestorableVersion>({
  version,
  onClose,
  onRestore,
  errorText,
}: {
  version: V | null;
  onClose: () => void;
  onRestore: (v: V) => Promise<void>;
  /** What to say when restoring fails. */
  errorText: (err: unknown) => string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setBusy(false);
    setError(null);
  }, [version]);
  return (
    <Dialog open={version !== null} onClose={onClose} title={t('reviewUi.versions.restoreTitle')} className="dialog--wide">
      {version && (
        <div className="form" data-testid="restore-dialog">
          <p>
            {fillSlots(t('reviewUi.versions.restoreBody', { name: slot('name'), time: fullTime(version.createdAt) }), {
              name: <strong>{t('reviewUi.versionViewer.title', { name: version.name })}</strong>,
            })}
          </p>
          <p>
            {fillSlots(t('reviewUi.versions.restoreSafety', { safetyName: slot('safetyName') }), {
              // The name the list will show for the version kept first (versionNames.ts).
              safetyName: <strong>{t('versionNames.beforeRestore', { target: version.name })}</strong>,
            })}
          </p>
          <p className="muted">{t('reviewUi.versions.restoreComments')}</p>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                onRestore(version).catch((err: unknown) => {
                  setBusy(false);
                  setError(errorText(err));
                });
              }}
            >
              {busy ? t('reviewUi.versions.restoring') : t('reviewUi.versions.restoreVersion')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
