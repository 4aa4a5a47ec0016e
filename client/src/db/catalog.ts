/** The operations the app performs on the device catalogue; nothing else touches the Dexie tables. */
import { liveQuery, type Subscription } from 'dexie';
import { localDb, type LocalReport } from './LocalDb.ts';

export type { LocalReport };

export function getLocalReport(id: string): Promise<LocalReport | undefined> {
  return localDb.reports.get(id);
}

export function listLocalReports(): Promise<LocalReport[]> {
  return localDb.reports.orderBy('lastOpenedAt').reverse().toArray();
}

/** Calls `listener` with the catalogue now and after every change (in this tab or another). */
export function watchLocalReports(listener: (reports: LocalReport[]) => void): () => void {
  const sub: Subscription = liveQuery(listLocalReports).subscribe({
    next: listener,
    error: (err: unknown) => console.warn('Rightsdraft: could not read the device catalogue', err),
  });
  return () => sub.unsubscribe();
}

export async function addLocalReport(report: LocalReport): Promise<void> {
  await localDb.reports.put(report);
}

export interface ReportMetaFields {
  title: string;
  mechanism: string;
  stateUnderReview: string;
  createdAt: string;
}

/** Record that a report is on this device (opened from the server or a link), keeping what is known of it. */
export async function rememberReport(id: string, meta: ReportMetaFields): Promise<void> {
  const now = new Date().toISOString();
  await localDb.transaction('rw', localDb.reports, async () => {
    const existing = await localDb.reports.get(id);
    if (existing) {
      await localDb.reports.update(id, { ...meta, lastOpenedAt: now });
    } else {
      await localDb.reports.put({
        id,
        ...meta,
        pendingCreate: false,
        hasUnsyncedChanges: false,
        unsyncedChangeCount: 0,
        lastSyncedAt: null,
        lastOpenedAt: now,
      });
    }
  });
}

/** Keep the catalogue's copy of the title and State in step with the document. */
export async function updateLocalMeta(id: string, meta: Partial<ReportMetaFields>): Promise<void> {
  await localDb.reports.update(id, meta);
}

export async function markCreatedOnServer(id: string): Promise<void> {
  await localDb.reports.update(id, { pendingCreate: false });
}

export async function recordUnsyncedChanges(id: string, count: number): Promise<void> {
  await localDb.reports.update(id, { hasUnsyncedChanges: count > 0, unsyncedChangeCount: count });
}

export async function markSynced(id: string, at = new Date()): Promise<void> {
  await localDb.reports.update(id, { hasUnsyncedChanges: false, unsyncedChangeCount: 0, lastSyncedAt: at.toISOString() });
}
