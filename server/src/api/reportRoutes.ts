/** /api/reports: create, list, read and read the content of reports. */
import { validateCreateReport } from '../../../shared/api/validate.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { readJson, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportService } from '../reports/ReportService.ts';

export function registerReportRoutes(router: Router, reports: ReportService, maxBodyBytes: number): void {
  const existing = async (id: string | undefined) => {
    if (!isReportId(id)) throw new NotFound('No report with this id.');
    const report = await reports.get(id);
    if (!report) throw new NotFound('No report with this id.');
    return report;
  };

  router.on('POST', '/api/reports', async ({ req, res }) => {
    const body = await readJson(req, maxBodyBytes);
    const checked = validateCreateReport(body);
    if (!checked.ok) {
      const first = checked.problems[0]!;
      throw new BadRequest(first.code, first.message, first.field || undefined);
    }
    const { created, report } = await reports.create(checked.value);
    sendJson(res, created ? 201 : 200, report);
  });

  router.on('GET', '/api/reports', async ({ res }) => {
    sendJson(res, 200, { reports: await reports.list() });
  });

  router.on('GET', '/api/reports/:id', async ({ res, params }) => {
    sendJson(res, 200, await existing(params.id));
  });

  router.on('GET', '/api/reports/:id/content', async ({ res, params }) => {
    const report = await existing(params.id);
    sendJson(res, 200, await reports.content(report.id));
  });
}
