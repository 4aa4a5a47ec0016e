/**
 * What runs on every loaded document of a report, for its stored size and its automatic versions: the size check
 * on each client change (ReportSizes), a version before a change that deletes a large part of the report (taken
 * before the change is stored or relayed), and a version at least every AUTO_VERSION_EVERY_MIN of editing.
 */
import * as Y from 'yjs';
import { parseRoomName } from '../../../shared/protocol/rooms.ts';
import { isLargeDeletion, measureDeletion, reportBodyWords } from '../../../shared/report/largeDeletion.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { REMOTE_ORIGIN } from '../documents/LiveDocument.ts';
import { ReportSizes } from '../documents/ReportSizes.ts';
import type { Logger } from '../log.ts';
import type { VersionService } from './VersionService.ts';

export function watchReports(registry: DocumentRegistry, sizes: ReportSizes, versions: VersionService, log: Logger): void {
  registry.onLoad(async (live) => {
    const parsed = parseRoomName(live.name);
    if (!parsed) return;
    const { reportId, kind } = parsed;
    await sizes.ensure(reportId);
    live.onCommitted((batch) => {
      for (const { update } of batch) sizes.stored(reportId, update.byteLength);
    });
    live.onCompacted(() => void sizes.refresh(reportId));
    live.addIntakeCheck((change) => {
      sizes.check(reportId, change, live.pendingBytes);
      // At the limit, deleting is how people make room: compact once it is stored, so the room is given back.
      if (ReportSizes.onlyDeletes(change) && sizes.used(reportId) > sizes.maxBytes) live.compactSoon();
    });
    if (kind !== 'content') return;

    live.addIntakeCheck((change) => {
      versions.noteEditor(reportId, change.author);
      if (change.decoded.ds.clients.size === 0) return;
      let measure;
      try {
        measure = measureDeletion(live.doc, change.decoded.ds);
        if (!isLargeDeletion(measure, () => reportBodyWords(live.doc))) return;
      } catch (err) {
        // Never refuse someone's edit because measuring it failed; the periodic version still bounds a loss.
        log.error('could not measure what a change deletes', { reportId, err });
        return;
      }
      // The state before the change, captured now; the change is applied next but stored only after the version.
      return versions.beforeDeletion(reportId, Y.encodeStateAsUpdate(live.doc), change.author, measure);
    });
    live.onCommitted((batch) => {
      if (!batch.some((c) => c.origin !== REMOTE_ORIGIN)) return;
      versions.maybePeriodic(reportId).catch((err: unknown) => log.warn('periodic version failed', { reportId, err }));
    });
  });
}
