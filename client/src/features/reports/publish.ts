/**
 * Reports made on this device reach the server here: a POST with the id the client chose, repeated until
 * the server answers (it is idempotent). Both the report list (for every pending report) and an open report
 * (before it connects its sync provider) go through `publishReport`, which runs one POST per report at a time.
 */
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import type { CreateReportRequest } from '../../../../shared/api/types.ts';
import { getLocalReport, listLocalReports, markCreatedOnServer, type LocalReport } from '../../db/catalog.ts';
import { isReportOpen } from '../../sync/openReports.ts';
import { ApiError, postReport } from '../../api/reportsApi.ts';

/** Retry pending reports this often while the browser believes it is online (the server may be down). */
const RETRY_MS = 15_000;

const inFlight = new Map<string, Promise<boolean>>();

function createRequest(report: LocalReport): CreateReportRequest | null {
  if (!isMechanism(report.mechanism)) return null;
  return {
    id: report.id,
    title: report.title.trim() || 'Untitled report',
    mechanism: report.mechanism,
    stateUnderReview: report.stateUnderReview,
  };
}

/**
 * Make sure the server knows this report. Resolves true once it does (or the device never marked it as
 * pending), false when the server could not be reached or refused it; never rejects.
 */
export function publishReport(id: string): Promise<boolean> {
  const running = inFlight.get(id);
  if (running) return running;
  const attempt = (async () => {
    const local = await getLocalReport(id);
    if (!local || !local.pendingCreate) return true;
    const body = createRequest(local);
    if (!body) return false;
    try {
      await postReport(body);
      await markCreatedOnServer(id);
      return true;
    } catch (err) {
      if (err instanceof ApiError) console.warn('Rightsdraft: the server refused a report made offline', { id, code: err.code });
      return false;
    }
  })().finally(() => inFlight.delete(id));
  inFlight.set(id, attempt);
  return attempt;
}

let running = false;

/**
 * Publish every report made on this device that the server does not have yet, then sync the content of
 * those and of any report with changes waiting, one at a time. Reports open on screen sync themselves.
 */
export async function publishPendingReports(): Promise<void> {
  if (running || !navigator.onLine) return;
  running = true;
  try {
    for (const report of await listLocalReports()) {
      if (!navigator.onLine) return;
      if (isReportOpen(report.id) || !(report.pendingCreate || report.hasUnsyncedChanges)) continue;
      if (report.pendingCreate && !(await publishReport(report.id))) continue;
      if (isReportOpen(report.id)) continue;
      const { syncInBackground } = await import('./backgroundSync.ts');
      await syncInBackground(report.id);
    }
  } finally {
    running = false;
  }
}

/** Run `publishPendingReports` now, whenever the browser comes online, and periodically; returns a stop function. */
export function startPublishing(): () => void {
  const run = () => void publishPendingReports();
  run();
  window.addEventListener('online', run);
  const timer = setInterval(run, RETRY_MS);
  return () => {
    window.removeEventListener('online', run);
    clearInterval(timer);
  };
}
