/** One organisation's sign-on: its status in words, and the control to confirm it or set it back (owners, editors). */
import { useTranslation } from 'react-i18next';
import type { SignOnEntry } from '../../../../shared/report/signOn.ts';
import { formatDateIn } from '../../i18n/format.ts';

export function SignOnStatus({
  entry,
  canConfirm,
  busy,
  onChange,
}: {
  entry: SignOnEntry;
  canConfirm: boolean;
  busy: boolean;
  onChange: (status: 'pending' | 'confirmed') => void;
}) {
  const { t } = useTranslation();
  const confirmed = entry.status === 'confirmed';
  const when = entry.confirmedAt ? formatDateIn(new Date(entry.confirmedAt), { day: 'numeric', month: 'short', year: 'numeric' }) : '';
  const by = entry.confirmedBy?.name ?? t('submission.signOn.someone');
  return (
    <span className="sign-on" data-testid="sign-on-status">
      <span className={`sign-on__badge sign-on__badge--${entry.status}`}>
        {confirmed ? (when ? t('submission.signOn.confirmedOn', { name: by, when }) : t('submission.signOn.confirmed', { name: by })) : t('submission.signOn.waiting')}
      </span>
      {canConfirm && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={confirmed ? t('submission.signOn.undoLabel', { name: entry.name }) : t('submission.signOn.confirmLabel', { name: entry.name })}
          onClick={() => onChange(confirmed ? 'pending' : 'confirmed')}
        >
          {confirmed ? t('submission.signOn.undo') : t('submission.signOn.confirm')}
        </button>
      )}
    </span>
  );
}
