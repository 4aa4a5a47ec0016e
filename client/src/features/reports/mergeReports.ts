/** The report list: the device catalogue and the server's list, merged by id. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { ReportProgress } from '../../../../shared/report/progress.ts';
import type { ServerReport } from '../../api/reportsApi.ts';
import { isReader } from '../../auth/permissions.ts';
import type { LocalReport } from '../../db/LocalDb.ts';
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';

export type ReportPlace =
  /** Made on this device; the server does not have it yet. */
  | 'device-only'
  /** On this device and on the server. */
  | 'both'
  /** On the server, never opened on this device (needs a network to open). */
  | 'server-only'
  /** On this device; whether the server has it is unknown (the server list could not be loaded). */
  | 'device';

export interface ReportListItem {
  id: string;
  title: string;
  mechanism: string;
  stateUnderReview: string;
  place: ReportPlace;
  hasUnsyncedChanges: boolean;
  /** For sorting and "Updated ..." (ISO). */
  activityAt: string;
  /** This account's role: from the server's list, else as cached on the device; null if never known. */
  role: Role | null;
  coalitionId: string | null;
  /** Changes on this device that the role may not send (it was lowered while they waited). */
  unsendable: boolean;
  /** The server said it was deleted (it is in its owner's trash, or purged); the device copy remains. */
  deletedOnServer: boolean;
  /** How far it has come (sections' statuses): the device copy's when it has changes waiting, else the server's; null if unknown. */
  progress: ReportProgress | null;
  /** The server refused to take this report made on the device, and why. */
  publishRefused: { code: string; message: string; params?: Record<string, string | number> } | null;
  /** The submission deadline as the server last said (null when unset or unknown offline). */
  deadline: Deadline | null;
  /** End-to-end encrypted (set only when it is): the server cannot copy it. */
  encrypted?: true;
}

/**
 * `server` is null when the server's list could not be fetched (offline). Device copies made or opened by
 * another account on this device are left out (copies from before accounts have no account and are kept).
 * `askedAt` is when the server list was asked for: a device copy marked deleted after it stays deleted.
 * Newest activity first.
 */
export function mergeReports(local: LocalReport[], server: ServerReport[] | null, accountId?: string, askedAt?: string): ReportListItem[] {
  const byId = new Map<string, ReportListItem>();
  /** Device copies the server deleted after the server list was asked for: that list is older than the deletion. */
  const deletedSinceAsked = new Set(local.filter((r) => r.deletedOnServer && r.deletedOnServerAt && askedAt && askedAt <= r.deletedOnServerAt).map((r) => r.id));
  for (const r of local) {
    if (r.accountId && accountId && r.accountId !== accountId) continue;
    byId.set(r.id, {
      id: r.id,
      title: r.title,
      mechanism: r.mechanism,
      stateUnderReview: r.stateUnderReview,
      place: r.pendingCreate ? 'device-only' : server === null ? 'device' : 'both',
      hasUnsyncedChanges: r.hasUnsyncedChanges || r.pendingCreate,
      activityAt: r.lastOpenedAt,
      role: r.pendingCreate ? 'owner' : (r.role ?? null),
      coalitionId: r.coalitionId ?? null,
      unsendable: false,
      deletedOnServer: r.deletedOnServer ?? false,
      progress: r.progress ?? null,
      publishRefused: r.pendingCreate ? (r.publishRefused ?? null) : null,
      deadline: r.deadline ?? null,
      ...(r.encrypted ? { encrypted: true as const } : {}),
    });
  }
  const onServer = new Set<string>();
  for (const s of server ?? []) {
    onServer.add(s.id);
    const mine = byId.get(s.id);
    if (mine) {
      // The device copy may hold newer offline edits of the title; prefer it while they wait to sync.
      // An encrypted report's server title is a placeholder: the device copy knows the real one.
      if (!mine.hasUnsyncedChanges && !s.encrypted) {
        mine.title = s.title;
        mine.stateUnderReview = s.stateUnderReview;
      }
      mine.place = 'both';
      if (s.encrypted) mine.encrypted = true;
      mine.role = s.role ?? mine.role;
      mine.coalitionId = s.coalitionId ?? null;
      mine.deletedOnServer = deletedSinceAsked.has(s.id);
      mine.publishRefused = null;
      // Like the title: the device copy's cover wins while its changes wait to sync.
      if (!mine.hasUnsyncedChanges) mine.deadline = s.deadline ?? null;
      if (!mine.hasUnsyncedChanges || mine.progress === null) mine.progress = s.progress ?? mine.progress;
      if (s.updatedAt > mine.activityAt) mine.activityAt = s.updatedAt;
    } else {
      byId.set(s.id, {
        id: s.id,
        title: s.title,
        mechanism: s.mechanism,
        stateUnderReview: s.stateUnderReview,
        place: 'server-only',
        hasUnsyncedChanges: false,
        activityAt: s.updatedAt,
        role: s.role ?? null,
        coalitionId: s.coalitionId ?? null,
        unsendable: false,
        deletedOnServer: false,
        progress: s.progress ?? null,
        publishRefused: null,
        deadline: s.deadline ?? null,
        ...(s.encrypted ? { encrypted: true as const } : {}),
      });
    }
  }
  for (const item of byId.values()) item.unsendable = item.hasUnsyncedChanges && item.place !== 'device-only' && isReader(item.role);
  return [...byId.values()].sort((a, b) => (a.activityAt < b.activityAt ? 1 : a.activityAt > b.activityAt ? -1 : a.id < b.id ? -1 : 1));
}
