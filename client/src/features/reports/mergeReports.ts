/** The report list: the device catalogue and the server's list, merged by id. */
import type { ReportSummary } from '../../../../shared/api/types.ts';
import type { LocalReport } from '../../db/LocalDb.ts';

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
}

/** `server` is null when the server's list could not be fetched (offline). Newest activity first. */
export function mergeReports(local: LocalReport[], server: ReportSummary[] | null): ReportListItem[] {
  const byId = new Map<string, ReportListItem>();
  for (const r of local) {
    byId.set(r.id, {
      id: r.id,
      title: r.title,
      mechanism: r.mechanism,
      stateUnderReview: r.stateUnderReview,
      place: r.pendingCreate ? 'device-only' : server === null ? 'device' : 'both',
      hasUnsyncedChanges: r.hasUnsyncedChanges || r.pendingCreate,
      activityAt: r.lastOpenedAt,
    });
  }
  const onServer = new Set<string>();
  for (const s of server ?? []) {
    onServer.add(s.id);
    const mine = byId.get(s.id);
    if (mine) {
      // The device copy may hold newer offline edits of the title; prefer it while they wait to sync.
      if (!mine.hasUnsyncedChanges) {
        mine.title = s.title;
        mine.stateUnderReview = s.stateUnderReview;
      }
      mine.place = 'both';
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
      });
    }
  }
  return [...byId.values()].sort((a, b) => (a.activityAt < b.activityAt ? 1 : a.activityAt > b.activityAt ? -1 : a.id < b.id ? -1 : 1));
}
