/**
 * Keeps the reports table in step with each document's metadata (title and State are edited collaboratively
 * in the doc), so listing reports never loads documents. Writes at most once per `intervalMs` per document.
 */
import { getReportMeta } from '../../../shared/report/layout.ts';
import { getCoverFields, getDeadlineParts } from '../../../shared/report/coverFields.ts';
import { toDeadline } from '../../../shared/deadlines/deadline.ts';
import { parseRoomName } from '../../../shared/protocol/rooms.ts';
import { reportProgress, type ReportProgress } from '../../../shared/report/progress.ts';
import type { LiveDocument } from '../documents/LiveDocument.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';

export function attachCatalogSync(live: LiveDocument, storage: Storage, log: Logger, intervalMs = 1000): void {
  const parsed = parseRoomName(live.name);
  if (!parsed || parsed.kind !== 'content') return;
  let timer: NodeJS.Timeout | null = null;
  // How far the report has come (sections' statuses), written when loaded and whenever it changes.
  let progress: ReportProgress | null = null;
  const writeProgress = () => {
    const now = reportProgress(live.doc);
    if (now === progress) return;
    progress = now;
    storage.setReportProgress(parsed.reportId, now).catch((err: unknown) => log.warn('could not update the report catalogue', { reportId: parsed.reportId, err }));
  };
  writeProgress();
  // The session and deadline on the cover (the one source of truth), copied for the list, calendars and reminders.
  let schedule: string | null = null;
  const writeSchedule = () => {
    const deadline = getDeadlineParts(live.doc);
    const now = { session: getCoverFields(live.doc).session, deadline: deadline ? toDeadline(deadline) : null };
    const key = JSON.stringify(now);
    if (key === schedule) return;
    schedule = key;
    storage.setReportSchedule(parsed.reportId, now).catch((err: unknown) => log.warn('could not update the report catalogue', { reportId: parsed.reportId, err }));
  };
  writeSchedule();
  const write = () => {
    timer = null;
    writeProgress();
    writeSchedule();
    const meta = getReportMeta(live.doc);
    storage
      .updateReportMeta(parsed.reportId, {
        title: meta.title,
        stateUnderReview: meta.stateUnderReview,
        updatedAt: new Date().toISOString(),
      })
      .catch((err: unknown) => log.warn('could not update the report catalogue', { reportId: parsed.reportId, err }));
  };
  live.onCommitted(() => {
    if (!timer) {
      timer = setTimeout(write, intervalMs);
      timer.unref();
    }
  });
  live.doc.on('destroy', () => {
    if (timer) {
      clearTimeout(timer);
      write();
    }
  });
}
