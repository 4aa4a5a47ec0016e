/**
 * Reports made on this device reach the server here: a POST with the id the client chose, repeated until
 * the server answers (it is idempotent). Both the report list (for every pending report) and an open report
 * (before it connects its sync provider) go through `publishReport`, which runs one POST per report at a time.
 */
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import { getLocalReport, listLocalReports, markCreatedOnServer, markPublishRefused, type LocalReport } from '../../db/catalog.ts';
import { isReportOpen } from '../../sync/openReports.ts';
import { ApiError, postReport, type NewReportRequest } from '../../api/reportsApi.ts';
import { isReader } from '../../auth/permissions.ts';
import { currentAccount } from '../../auth/sessionState.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';

/** Retry pending reports this often while the browser believes it is online (the server may be down). */
const RETRY_MS = 15_000;

const inFlight = new Map<string, Promise<PublishResult>>();

function createRequest(report: LocalReport): NewReportRequest | null {
  if (!isMechanism(report.mechanism)) return null;
  return {
    id: report.id,
    // An encrypted report's title and State stay on the device: the server gets a placeholder (issue 11).
    // i18n-exempt: placeholder titles stored on the server (data, not interface text)
    title: report.encrypted ? 'Encrypted report' : report.title.trim() || 'Untitled report',
    mechanism: report.mechanism,
    stateUnderReview: report.encrypted ? '' : report.stateUnderReview,
    ...(report.coalitionId ? { coalitionId: report.coalitionId } : {}),
    ...(report.encrypted ? { encrypted: true } : {}),
  };
}

/** What publishing a report made on this device came to. */
export type PublishResult = { ok: true } | { ok: false; refused: ApiError | null };

/**
 * Make sure the server knows this report. Resolves ok once it does (or the device never marked it as pending);
 * otherwise with the server's refusal, or null when it could not be reached. Never rejects.
 */
export function publishReportExplained(id: string): Promise<PublishResult> {
  const running = inFlight.get(id);
  if (running) return running;
  const attempt = (async (): Promise<PublishResult> => {
    const local = await getLocalReport(id);
    if (!local || !local.pendingCreate) return { ok: true };
    const body = createRequest(local);
    if (!body) return { ok: false, refused: null };
    try {
      const created = await postReport(body);
      await markCreatedOnServer(id, created.role);
      return { ok: true };
    } catch (err) {
      if (!(err instanceof ApiError)) return { ok: false, refused: null };
      console.warn('Rightsdraft: the server refused a report made offline', { id, code: err.code });
      // A refusal (not a failure of the server) is kept, so the list can say why and what to do.
      if (err.status === 400 || err.status === 403 || err.status === 409) await markPublishRefused(id, { code: err.code, message: err.serverMessage, ...(err.params ? { params: err.params } : {}) });
      return { ok: false, refused: err };
    }
  })().finally(() => inFlight.delete(id));
  inFlight.set(id, attempt);
  return attempt;
}

/** `publishReportExplained`, as true once the server has the report. */
export async function publishReport(id: string): Promise<boolean> {
  return (await publishReportExplained(id)).ok;
}

let running = false;

/**
 * Publish every report `accountId` made on this device that the server does not have yet, then sync the content
 * of those and of any report with changes waiting, one at a time. Reports open on screen sync themselves; a
 * report the account may only read keeps its changes on the device (the server would refuse them).
 */
export async function publishPendingReports(accountId: string): Promise<void> {
  if (running || !navigator.onLine) return;
  running = true;
  try {
    for (const report of await listLocalReports()) {
      if (!navigator.onLine) return;
      // Signed out meanwhile (perhaps removing this device's copies): leave the rest alone.
      if (currentAccount(useSessionStore.getState().state)?.id !== accountId) return;
      if (report.accountId && report.accountId !== accountId) continue;
      if (isReader(report.role ?? null) || report.deletedOnServer) continue;
      if (isReportOpen(report.id) || !(report.pendingCreate || report.hasUnsyncedChanges)) continue;
      // A refused report waits for its person to decide (see the report list) rather than being sent again.
      if (report.pendingCreate && (report.publishRefused || !(await publishReport(report.id)))) continue;
      if (isReportOpen(report.id)) continue;
      const { syncInBackground } = await import('./backgroundSync.ts');
      await syncInBackground(report.id, accountId);
    }
  } finally {
    running = false;
  }
}

/** Run `publishPendingReports` now, whenever the browser comes online, and periodically; returns a stop function. */
export function startPublishing(accountId: string): () => void {
  const run = () => void publishPendingReports(accountId);
  run();
  window.addEventListener('online', run);
  const timer = setInterval(run, RETRY_MS);
  return () => {
    window.removeEventListener('online', run);
    clearInterval(timer);
  };
}
