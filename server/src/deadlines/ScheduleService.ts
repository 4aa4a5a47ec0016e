/**
 * A report's target session and submission deadline. The document's cover holds them (one source of truth:
 * editors change them in the cover form, offline too, and the checklist and export read them there); a PATCH
 * through the API writes the same fields into the document and the catalogue copy at once.
 */
import { getCoverFields, getDeadlineParts, setCoverFields, setDeadlineParts } from '../../../shared/report/coverFields.ts';
import { toDeadline, type Deadline, type DeadlineParts } from '../../../shared/deadlines/deadline.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Storage } from '../storage/Storage.ts';

export const SCHEDULE_ORIGIN = 'api-schedule';

export class ScheduleService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  /** Apply the change to the document, wait until it is stored, then copy the result to the catalogue. */
  async set(reportId: string, change: { session?: string | null; deadline?: DeadlineParts | null }): Promise<{ session: string; deadline: Deadline | null }> {
    const result = await this.registry.use(roomName(reportId), async (live) => {
      live.doc.transact(() => {
        if (change.session !== undefined) setCoverFields(live.doc, { session: change.session === null || change.session === '' ? null : change.session }, SCHEDULE_ORIGIN);
        if (change.deadline !== undefined) setDeadlineParts(live.doc, change.deadline, SCHEDULE_ORIGIN);
      }, SCHEDULE_ORIGIN);
      await new Promise<void>((resolve) => live.afterCommit(resolve));
      const parts = getDeadlineParts(live.doc);
      return { session: getCoverFields(live.doc).session, deadline: parts ? toDeadline(parts) : null };
    });
    await this.storage.setReportSchedule(reportId, result);
    return result;
  }
}
