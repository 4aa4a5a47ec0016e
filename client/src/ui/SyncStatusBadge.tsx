import type { SyncStatusView } from '../sync/syncStatus.ts';

/** The always-visible sync status of the open report; changes are announced politely. */
export function SyncStatusBadge({ status }: { status: SyncStatusView }) {
  return (
    <div className={`sync-status sync-status--${status.state}`} data-testid="sync-status" data-state={status.state} title={status.label}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label" role="status" aria-live="polite">
        <span className="sync-status__long">{status.label}</span>
        <span className="sync-status__short" aria-hidden="true">
          {status.short}
        </span>
      </span>
    </div>
  );
}
