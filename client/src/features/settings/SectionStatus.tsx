/** The loading line and the error box (with "Try again") every settings section shows the same way. */
import { useTranslation } from 'react-i18next';

/** `message` is the whole loading line, already translated ("Loading your sessions…"). */
export function Loading({ message }: { message: string }) {
  return (
    <p className="muted" role="status">
      {message}
    </p>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="settings__error" role="alert">
      <span>{message}</span>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('settings.tryAgain')}
      </button>
    </div>
  );
}
