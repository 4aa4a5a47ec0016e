/**
 * This device's copies of an account's reports, and removing them when the person signs out (hole 8 of issue 9).
 *
 * A report lives on the device in: its catalogue entry (Dexie database `rightsdraft`), two y-indexeddb databases
 * (`rightsdraft:<id>` for the text, `rightsdraft:<id>/discussion` for comments and suggestions), a last-moment
 * copy of unstored edits in localStorage (`rightsdraft.unsaved.<id>.<client>`, see unsavedStash.ts) and the role
 * remembered for it (`rightsdraft.role.<id>`). The account adds its cached profile (accountCache.ts) and its
 * coalitions (`rightsdraft.coalitions.<accountId>`). The service worker caches only the app's own files, never
 * `/api/` or `/sync/` (sw/strategy.ts), and the API answers `Cache-Control: no-store`, so no report data is in
 * the Cache Storage or the HTTP cache.
 *
 * "Your reports" are the catalogue entries of this account and those with no account (made before accounts,
 * which the list shows every account). Entries of other accounts that used this device stay, with their
 * databases. A report database with no catalogue entry (left by an interrupted visit) is removed too, unless
 * another account's entry claims it.
 */
import { text } from '../app/text.ts';
import { forgetFirstScreens } from '../firstScreen/firstScreenStore.ts';
import type { LocalReport } from '../db/LocalDb.ts';
import { listLocalReports, removeLocalReports } from '../db/catalog.ts';
import { forgetCoalitionCache } from '../features/coalitions/useCoalitions.ts';
import { forgetLibraryCopy } from '../db/LibraryDb.ts';
import { forgetAllDeviceKeys } from '../e2ee/deviceKeys.ts';
import { forgetAllCursors } from '../sync/encrypted/syncCursor.ts';
import { forgetRememberedRoles } from '../features/review/useReportRole.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { localDocName, reportOfLocalDoc } from '../sync/localDoc.ts';
import { removeStashesOf, reportsWithStashes, setStashing } from '../sync/unsavedStash.ts';

/** A report whose changes on this device have not reached the server yet. */
export interface UnsentReport {
  id: string;
  title: string;
}

function isMine(report: LocalReport, accountId: string): boolean {
  return !report.accountId || report.accountId === accountId;
}

/**
 * The account's reports with changes the server has not confirmed: made here and never uploaded, edits or comments
 * waiting to sync, or a last-moment copy of edits a closed tab left behind.
 */
export function unsentReports(reports: LocalReport[], accountId: string, stashed: ReadonlySet<string>): UnsentReport[] {
  return reports
    .filter(
      (r) => isMine(r, accountId) && (r.pendingCreate || r.hasUnsyncedChanges || (r.discussionUnsyncedCount ?? 0) > 0 || stashed.has(r.id)),
    )
    .map((r) => ({ id: r.id, title: r.title.trim() || text('report.untitled') }));
}

export async function findUnsentReports(accountId: string): Promise<UnsentReport[]> {
  let stashed = new Set<string>();
  try {
    stashed = reportsWithStashes(localStorage);
  } catch {
    // Storage disabled: nothing was stashed.
  }
  return unsentReports(await listLocalReports(), accountId, stashed);
}

export interface RemovalPlan {
  /** Catalogue entries to delete. */
  catalogueIds: string[];
  /** Reports whose local traces (stashes, remembered role) go. */
  reportIds: Set<string>;
  /** y-indexeddb databases to delete. */
  databases: string[];
}

/** What to remove for `accountId`, given the catalogue and the names of the databases on the device. */
export function planRemoval(reports: LocalReport[], databaseNames: string[], accountId: string): RemovalPlan {
  const others = new Set(reports.filter((r) => !isMine(r, accountId)).map((r) => r.id));
  const mine = reports.filter((r) => isMine(r, accountId)).map((r) => r.id);
  const reportIds = new Set(mine);
  const databases: string[] = [];
  for (const name of databaseNames) {
    const reportId = reportOfLocalDoc(name);
    if (reportId === null || others.has(reportId)) continue;
    databases.push(name);
    reportIds.add(reportId);
  }
  return { catalogueIds: mine, reportIds, databases };
}

/** How long to wait for one database to be deleted before reporting it as still in use. */
const DELETE_TIMEOUT_MS = 15_000;

function deleteDatabase(name: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    // Open y-indexeddb connections close themselves when asked (lib0 closes on `versionchange`), so a blocked
    // request completes shortly after; the timeout only guards against a connection that never lets go.
    const timer = setTimeout(() => resolve(false), DELETE_TIMEOUT_MS);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    try {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => done(true);
      req.onerror = () => done(false);
    } catch {
      done(false);
    }
  });
}

async function databaseNames(reports: LocalReport[]): Promise<string[]> {
  try {
    return (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
  } catch {
    // No databases() (older browsers): the names the catalogue knows.
    return reports.flatMap((r) => [localDocName(r.id), localDocName(roomName(r.id, 'discussion'))]);
  }
}

/**
 * Other tabs of this browser leave the reports (releasing their databases) when told. One channel object per tab
 * both sends and listens: a channel never receives its own messages, while a second object in the same tab would.
 */
const CHANNEL = 'rightsdraft-device';
const REMOVED = 'copies-removed';
let channel: BroadcastChannel | null = null;

function deviceChannel(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL);
  return channel;
}

function tellOtherTabs(): void {
  // Without BroadcastChannel, other tabs still see the account disappear from localStorage.
  deviceChannel()?.postMessage(REMOVED);
}

/** In every tab: when another tab removed the copies, stop keeping edits and reopen on the sign-in page. */
export function watchCopiesRemoved(onRemoved: () => void): () => void {
  const ch = deviceChannel();
  if (!ch) return () => undefined;
  const handle = (event: MessageEvent) => {
    if (event.data !== REMOVED) return;
    setStashing(false);
    onRemoved();
  };
  ch.addEventListener('message', handle);
  return () => ch.removeEventListener('message', handle);
}

/** Stop keeping last-moment copies of edits in this tab, before the reports close (see unsavedStash.ts). */
export function prepareRemoval(): void {
  setStashing(false);
  tellOtherTabs();
}

export interface RemovalResult {
  /** Reports whose copies were removed. */
  reports: number;
  /** Databases still held open somewhere (deleted when that tab closes). */
  stillOpen: number;
}

/** Remove this device's copies of the account's reports (call `prepareRemoval` first). */
export async function removeDeviceCopies(accountId: string): Promise<RemovalResult> {
  const reports = await listLocalReports();
  const plan = planRemoval(reports, await databaseNames(reports), accountId);
  await removeLocalReports(plan.catalogueIds);
  const deleted = await Promise.all(plan.databases.map(deleteDatabase));
  // The library entries this account could read (coalition-private ones among them).
  await forgetLibraryCopy(accountId).catch(() => undefined);
  // The end-to-end keys of every account that unlocked them here, with the key that sealed them: the next
  // person to sign in on this device types the password (or recovery code) again to read encrypted reports.
  const keysGone = await forgetAllDeviceKeys();
  try {
    forgetAllCursors();
    removeStashesOf(localStorage, plan.reportIds);
    forgetRememberedRoles(plan.reportIds);
    forgetCoalitionCache(accountId);
    // The first screens of reports drawn before the app loads (firstScreen/).
    forgetFirstScreens(localStorage);
    // Before accounts, the device kept a display name here.
    localStorage.removeItem('rightsdraft.user');
  } catch {
    // Storage disabled: nothing was kept there.
  }
  return { reports: plan.reportIds.size, stillOpen: deleted.filter((ok) => !ok).length + (keysGone ? 0 : 1) };
}
