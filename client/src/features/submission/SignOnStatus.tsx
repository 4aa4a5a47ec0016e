/** One organisation's sign-on: its status in words, and the control to confirm it or set it back (owners, editors). */
import type { SignOnEntry } from '../../../../shared/report/signOn.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

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
  const confirmed = entry.status === 'confirmed';
  const when = entry.confirmedAt ? dateFormat.format(new Date(entry.confirmedAt)) : '';
  return (
    <span className="sign-on" data-testid="sign-on-status">
      <span className={`sign-on__badge sign-on__badge--${entry.status}`}>
        {confirmed ? `Confirmed by ${entry.confirmedBy?.name ?? 'someone'}${when ? `, ${when}` : ''}` : 'Waiting to confirm'}
      </span>
      {canConfirm && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={confirmed ? `Set ${entry.name} back to waiting` : `Confirm that ${entry.name} signs on`}
          onClick={() => onChange(confirmed ? 'pending' : 'confirmed')}
        >
          {confirmed ? 'Undo' : 'Confirm'}
        </button>
      )}
    </span>
  );
}
