/**
 * Which automatic versions to drop as they age, so a report edited for months keeps a useful history without
 * growing without end. Deterministic (a pure function of the versions and the time), run after each automatic
 * version and on a timer:
 *
 * - versions named by a person are never dropped;
 * - every automatic version of the last 24 hours is kept;
 * - from 1 to 30 days old, the newest of each UTC day is kept;
 * - older, the newest of each ISO week (UTC, weeks start on Monday) is kept.
 *
 * Versions taken before a large deletion are thinned among themselves, keeping the OLDEST of each day or week:
 * the state before the first large deletion of that day, which holds the most of what was deleted (a later
 * automatic version of that day, without the deleted text, does not replace it).
 */
import type { VersionKind } from '../../../shared/api/versionKinds.ts';

export interface ThinnableVersion {
  id: string;
  kind: VersionKind;
  createdAt: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const KEEP_ALL_MS = DAY;
export const DAILY_UNTIL_MS = 30 * DAY;

function dayKey(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week holding `t`, as a date. */
function weekKey(t: number): string {
  const d = new Date(t);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return dayKey(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday));
}

/** Ids of the versions to delete now. */
export function versionsToThin(versions: readonly ThinnableVersion[], now: Date): string[] {
  const kept = new Set<string>();
  const drop: string[] = [];
  // Newest first, so the first version seen in a bucket is the one kept; before-deletion versions oldest first.
  const newestFirst = (a: ThinnableVersion, b: ThinnableVersion) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1);
  const auto = versions.filter((v) => v.kind !== 'named' && v.kind !== 'before-deletion').sort(newestFirst);
  const deletions = versions.filter((v) => v.kind === 'before-deletion').sort((a, b) => newestFirst(b, a));
  for (const v of [...auto, ...deletions]) {
    const at = Date.parse(v.createdAt);
    const age = now.getTime() - at;
    if (!Number.isFinite(at) || age < KEEP_ALL_MS) continue;
    const family = v.kind === 'before-deletion' ? 'deletion' : 'auto';
    const bucket = `${family}:${age < DAILY_UNTIL_MS ? `day:${dayKey(at)}` : `week:${weekKey(at)}`}`;
    if (kept.has(bucket)) drop.push(v.id);
    else kept.add(bucket);
  }
  return drop;
}
