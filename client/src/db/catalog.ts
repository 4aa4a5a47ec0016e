/** The operations the app performs on the device catalogue; nothing else touches the Dexie tables. */
import { liveQuery, type Subscription } from 'dexie';
import type { Role } from '../../../shared/api/roles.ts';
import type { ReportProgress } from '../../../shared/report/progress.ts';
import type { Deadline } from '../../../shared/deadlines/deadline.ts';
import { localDb, type LocalReport } from './LocalDb.ts';
import { forgetFirstScreens } from '../firstScreen/firstScreenStore.ts';

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
  progress?: ReportProgress;
  deadline?: Deadline | null;
}

/** Who holds this copy and with which role (see LocalReport). */
export interface AccessFields {
  accountId?: string;
  role?: Role | null;
  coalitionId?: string | null;
  encrypted?: boolean;
}

function definedOnly(fields: AccessFields): AccessFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as AccessFields;
}

/** Record that a report is on this device (opened from the server or a link), keeping what is known of it. */
export async function rememberReport(id: string, meta: ReportMetaFields, access: AccessFields = {}): Promise<void> {
  const now = new Date().toISOString();
  await localDb.transaction('rw', localDb.reports, async () => {
    const existing = await localDb.reports.get(id);
    if (existing) {
      await localDb.reports.update(id, { ...meta, ...definedOnly(access), lastOpenedAt: now });
    } else {
      await localDb.reports.put({
        id,
        ...meta,
        ...definedOnly(access),
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

/** Keep the role read from the server (and the coalition) for opening the report offline. */
export async function recordAccess(id: string, access: AccessFields): Promise<void> {
  await localDb.reports.update(id, definedOnly(access));
}

export async function markCreatedOnServer(id: string, role?: Role): Promise<void> {
  await localDb.reports.update(id, role ? { pendingCreate: false, role, publishRefused: null } : { pendingCreate: false, publishRefused: null });
}

/** The server refused a report made here; it stays on the device, with the reason, until the person decides. */
export async function markPublishRefused(id: string, refusal: { code: string; message: string; params?: Record<string, string | number> }): Promise<void> {
  await localDb.reports.update(id, { publishRefused: refusal });
}

/** Make a report waiting on this device the person's own, not the coalition's, so the server takes it. */
export async function makeOwnReport(id: string): Promise<void> {
  await localDb.reports.update(id, { coalitionId: null, publishRefused: null });
}

export async function markDeletedOnServer(id: string): Promise<void> {
  await localDb.reports.update(id, { deletedOnServer: true, deletedOnServerAt: new Date().toISOString() });
}

/** The report is back from the trash: the device copy syncs again. */
export async function markRestoredOnServer(id: string): Promise<void> {
  await localDb.reports.update(id, { deletedOnServer: false });
}

/** Forget a report on this device: its catalogue entry and its stored content (after its owner deleted it). */
export async function forgetReport(id: string, contentDbName: string): Promise<void> {
  await localDb.reports.delete(id);
  forgetFirstScreensHere([id]);
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(contentDbName);
    // Blocked while a tab still has it open: it is deleted once they close it; nothing to wait for.
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Remove these reports' catalogue entries (their copies are being removed from this device). */
export async function removeLocalReports(ids: string[]): Promise<void> {
  await localDb.reports.bulkDelete(ids);
  // Their images and files kept on the device go with them.
  await localDb.attachments.where('reportId').anyOf(ids).delete();
  await localDb.pendingUploads.where('reportId').anyOf(ids).delete();
  forgetFirstScreensHere(ids);
}

/** The text kept to draw these reports' first screens goes with them. */
function forgetFirstScreensHere(ids: string[]): void {
  try {
    forgetFirstScreens(localStorage, ids);
  } catch {
    // No storage here (refused): nothing was kept in it.
  }
}

export async function recordUnsyncedChanges(id: string, count: number): Promise<void> {
  await localDb.reports.update(id, { hasUnsyncedChanges: count > 0, unsyncedChangeCount: count });
}

/** How many bursts of comments and suggestions made here wait for the server (see DiscussionSession). */
export async function recordDiscussionUnsynced(id: string, count: number): Promise<void> {
  await localDb.reports.update(id, { discussionUnsyncedCount: count });
}

export async function markSynced(id: string, at = new Date()): Promise<void> {
  await localDb.reports.update(id, { hasUnsyncedChanges: false, unsyncedChangeCount: 0, lastSyncedAt: at.toISOString() });
}
