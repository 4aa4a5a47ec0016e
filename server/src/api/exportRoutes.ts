/**
 * GET /api/reports/:id/export: the report as a Word or PDF file, for anyone who may read it. `audience` (public,
 * committee) and `onConsent` (block, leave-out) decide what testimony goes in (shared/export/audience.ts); a blocked
 * export answers 409 `consent_blocked` listing each passage and why. `accessible=true`
 * with `format=pdf` gives the tagged PDF LibreOffice lays out from the .docx (export/taggedPdf.ts), and
 * GET /api/export/capabilities says whether this server can make it.
 */
// options.ts and fileName.ts, not the index: the main thread must not load the export libraries (they run on
// the office worker threads).
import { EXPORT_FORMATS, parseExportOptions, type ExportFormat } from '../../../shared/export/options.ts';
import { contentDisposition } from '../../../shared/export/fileName.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { auditExport, describeExclusions } from '../../../shared/export/audience.ts';
import { BadRequest, Conflict, NotFound } from '../errors.ts';
import { sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportService } from '../reports/ReportService.ts';
import type { SignOnService } from '../reports/SignOnService.ts';
import { coverOrganisations } from '../../../shared/report/signOn.ts';
import type { Logger } from '../log.ts';
import type { OfficeWorkers } from '../workers/OfficeWorkers.ts';
import type { Storage } from '../storage/Storage.ts';
import { exportImages } from '../attachments/exportImages.ts';
import { TaggedPdf } from '../export/taggedPdf.ts';
import { exportFileName } from '../../../shared/export/fileName.ts';

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function registerExportRoutes(router: Router, deps: { reports: ReportService; access: ReportAccess; office: OfficeWorkers; signOn: SignOnService; log: Logger; storage: Storage }): void {
  const { reports, access, office, signOn, log } = deps;
  const tagged = new TaggedPdf();

  router.on('GET', '/api/export/capabilities', async (ctx) => {
    await ctx.user();
    sendJson(ctx.res, 200, { accessiblePdf: tagged.available });
  });

  router.on('GET', '/api/reports/:id/export', async (ctx) => {
    const { user } = await ctx.user();
    const reportId = ctx.params.id;
    if (!isReportId(reportId)) throw new NotFound('No report with this id.');
    const { report } = await access.require(user.id, reportId, 'viewer');
    const query = ctx.url.searchParams;
    const format = query.get('format') ?? 'docx';
    if (!isFormat(format)) throw new BadRequest('invalid_format', `"format" must be one of ${EXPORT_FORMATS.join(', ')}.`, 'format', { values: EXPORT_FORMATS.join(', ') });
    const parsed = parseExportOptions((name) => query.get(name), report.mechanism);
    if (!parsed.ok) {
      const first = parsed.problems[0]!;
      throw new BadRequest('invalid_option', first.message, first.field, first.params);
    }
    // The cover names the organisations that signed on (a coalition's report) or the report's own list.
    const organisations = coverOrganisations(await signOn.get(report));
    const input = await reports.exportInput(report.id, parsed.value.suggestions, organisations);
    // Testimony consent before any work: with onConsent=block, a passage it does not cover stops the export.
    if (parsed.value.onConsent === 'block') {
      const blocking = auditExport(input, parsed.value.audience).filter((e) => e.blocking);
      if (blocking.length > 0) {
        throw new Conflict(
          'consent_blocked',
          `Not exported: consent does not cover a ${parsed.value.audience} export for ${blocking.length} passage${blocking.length === 1 ? '' : 's'}. Leave ${blocking.length === 1 ? 'it' : 'them'} out (onConsent=leave-out) or change the text.\n${describeExclusions(blocking)}`,
          { audience: parsed.value.audience, count: blocking.length, details: describeExclusions(blocking) },
        );
      }
    }
    // The report's images, from storage (issue 12).
    input.images = await exportImages(deps.storage, report.id, input.sections);
    const started = Date.now();
    const accessible = format === 'pdf' && query.get('accessible') === 'true';
    let file = await office.export(input, accessible ? 'docx' : format, parsed.value);
    if (accessible) {
      file = { bytes: await tagged.fromDocx(file.bytes), mimeType: 'application/pdf', fileName: exportFileName(input.meta, 'pdf') };
    }
    log.info('exported', { reportId: report.id, userId: user.id, format, accessible, audience: parsed.value.audience, bytes: file.bytes.length, ms: Date.now() - started });
    ctx.res.writeHead(200, {
      'content-type': file.mimeType,
      'content-length': file.bytes.length,
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
    });
    ctx.res.end(file.bytes);
  });
}
