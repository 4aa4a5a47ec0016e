import { useEffect, useState } from 'react';
import type { SyncStatusView } from '../sync/syncStatus.ts';

/** A quiet status ("Saving…") replaces the previous one only after this long. */
const QUIET_DELAY_MS = 1000;

/**
 * The always-visible sync status of the open report. Changes worth knowing (offline, back in sync, errors)
 * are announced politely; the routine "Saving…" while typing is neither announced nor flashed.
 */
export function SyncStatusBadge({ status }: { status: SyncStatusView }) {
  const [shown, setShown] = useState(status);
  useEffect(() => {
    if (!status.quiet) {
      setShown(status);
      return;
    }
    const timer = setTimeout(() => setShown(status), QUIET_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!shown.quiet) setAnnouncement(shown.label);
  }, [shown]);

  return (
    <div className={`sync-status sync-status--${shown.state}${shown.quiet ? ' sync-status--quiet' : ''}`} data-testid="sync-status" data-state={shown.state} title={shown.label}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label" aria-hidden="true">
        <span className="sync-status__long">{shown.label}</span>
        <span className="sync-status__short">{shown.short}</span>
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
