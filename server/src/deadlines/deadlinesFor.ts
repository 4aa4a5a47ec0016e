/**
 * Every deadline a person may see: the submission deadline of each report they hold a role on (not in the
 * trash) and the follow-up date of each tracked recommendation they may read. The calendar feed, the reminders
 * and the dashboard all ask here, so none of them can show what the person may no longer read.
 */
import { DEFAULT_DEADLINE_TIME, DEFAULT_DEADLINE_ZONE, toDeadline, type Deadline } from '../../../shared/deadlines/deadline.ts';
import { paragraphSymbol } from '../../../shared/followup/types.ts';
import type { FollowUpAccess } from '../followup/FollowUpAccess.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';

export interface DeadlineEntry {
  /** "report:<id>" or "followup:<id>": stable, for calendar UIDs and reminder claims. */
  key: string;
  kind: 'report' | 'followup';
  id: string;
  /** The report's title, or the recommendation's symbol ("CERD/C/USA/CO/10-12 para 21"). */
  title: string;
  /** The report's session, or the State and topic of the recommendation. */
  detail: string;
  deadline: Deadline;
}

export async function deadlinesFor(userId: string, deps: { storage: Storage; access: ReportAccess; followUpAccess: FollowUpAccess }): Promise<DeadlineEntry[]> {
  const out: DeadlineEntry[] = [];
  const reports = await deps.storage.getReports(await deps.storage.access.reportIdsForUser(userId));
  for (const report of reports) {
    if (!report.deadline || !(await deps.access.roleFor(userId, report))) continue;
    out.push({ key: `report:${report.id}`, kind: 'report', id: report.id, title: report.title || 'Untitled report', detail: report.session ?? '', deadline: report.deadline });
  }
  for (const { item } of await deps.followUpAccess.readable(userId)) {
    if (!item.followUpDue) continue;
    out.push({
      key: `followup:${item.id}`,
      kind: 'followup',
      id: item.id,
      title: `Follow-up: ${paragraphSymbol(item)}`,
      detail: [item.state, item.topic].filter(Boolean).join(' · '),
      // The committees ask for the information by a date; like the UPR, noon in Geneva.
      deadline: toDeadline({ date: item.followUpDue, time: DEFAULT_DEADLINE_TIME, zone: DEFAULT_DEADLINE_ZONE }),
    });
  }
  return out.sort((a, b) => a.deadline.at.localeCompare(b.deadline.at) || a.title.localeCompare(b.title, 'en', { numeric: true }) || a.key.localeCompare(b.key));
}
