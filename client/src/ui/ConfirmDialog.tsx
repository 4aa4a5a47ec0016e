import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/http.ts';
import { Dialog } from './Dialog.tsx';

/**
 * Asks before something that cannot be undone. `onConfirm` may fail: its error is shown and the dialog stays.
 * Focus starts on Cancel, so Enter on an accidental open does nothing harmful.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  const handleConfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
    } catch (err) {
      setBusy(false);
      setError(describeError(err));
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="form">
        <div className="confirm__body">{children}</div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={handleConfirm} disabled={busy}>
            {busy ? t('settings.confirm.working') : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
