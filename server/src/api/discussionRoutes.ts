/**
 * Read-only views of the discussion for other tools (notifications, dashboards): a report's threads with the
 * text they are anchored to now, and the threads that need the caller's attention across their reports.
 */
import { listThreads, threadsNeedingAttention, type ThreadInfo } from '../../../shared/discussion/layout.ts';
import { resolveAnchor } from '../../../shared/discussion/anchors.ts';
import { getSection, getSectionBody } from '../../../shared/report/layout.ts';
import { isReportId, roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { NotFound } from '../errors.ts';
import { sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';

async function threadsWithText(registry: DocumentRegistry, reportId: string, pick: (discussion: import('yjs').Doc) => ThreadInfo[]) {
  const threads = await registry.use(roomName(reportId, 'discussion'), (live) => pick(live.doc));
  return registry.use(roomName(reportId), (live) =>
    threads.map(({ anchor: _anchor, ...t }) => {
      const body = getSectionBody(live.doc, t.sectionId);
      const anchored = body ? resolveAnchor(live.doc, body, _anchor) : { text: '', detached: true };
      return {
        ...t,
        sectionTitle: getSection(live.doc, t.sectionId)?.title ?? null,
        anchoredText: anchored.text,
        detached: anchored.detached,
      };
    }),
  );
}

export function registerDiscussionRoutes(router: Router, deps: { access: ReportAccess; storage: Storage; registry: DocumentRegistry }): void {
  const { access, storage, registry } = deps;

  router.on('GET', '/api/reports/:id/threads', async (ctx) => {
    const { user } = await ctx.user();
    if (!isReportId(ctx.params.id)) throw new NotFound('No report with this id.');
    const { report } = await access.require(user.id, ctx.params.id, 'viewer');
    sendJson(ctx.res, 200, { threads: await threadsWithText(registry, report.id, listThreads) });
  });

  router.on('GET', '/api/attention', async (ctx) => {
    const { user } = await ctx.user();
    const reports = await storage.getReports(await storage.access.reportIdsForUser(user.id));
    const items = [];
    for (const report of reports) {
      // An encrypted report's discussion is ciphertext here: its client builds its own list (not yet: issue 11).
      if (report.encrypted) continue;
      const threads = await threadsWithText(registry, report.id, (doc) => threadsNeedingAttention(doc, user.id));
      for (const t of threads) items.push({ reportId: report.id, reportTitle: report.title, ...t });
    }
    sendJson(ctx.res, 200, { threads: items });
  });
}
