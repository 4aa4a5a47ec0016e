/**
 * POST /api/reports/import: a .docx upload (multipart/form-data: `file`, `title`, `mechanism`,
 * `stateUnderReview`, optional `headingLevel` and `coalitionId`) becomes a new report owned by the caller (and
 * belonging to the coalition when one is given), split into sections. A document whose text would take the new
 * report past REPORT_MAX_BYTES is refused with 413 `report_full`.
 */
import * as Y from 'yjs';
import { validateCreateReport } from '../../../shared/api/validate.ts';
import type { SplitResult } from '../../../shared/import/index.ts';
import { ImportError } from '../../../shared/import/ImportError.ts';
import type { Config } from '../config.ts';
import { BadRequest, HttpError } from '../errors.ts';
import { sendJson } from '../http/json.ts';
import { readMultipart } from '../http/multipart.ts';
import type { Router } from '../http/Router.ts';
import type { Logger } from '../log.ts';
import type { ReportService } from '../reports/ReportService.ts';
import { coalitionForNewReport } from '../reports/newReportCoalition.ts';
import type { Storage } from '../storage/Storage.ts';
import { ReportFull } from '../versions/VersionService.ts';
import type { OfficeWorkers } from '../workers/OfficeWorkers.ts';
import { ensure } from './validation.ts';
import { resolveImportedImages } from '../../../shared/import/importedImages.ts';
import { AttachmentService } from '../attachments/AttachmentService.ts';
import { planImportedImages } from '../attachments/importImages.ts';

function headingLevel(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 6) throw new BadRequest('invalid_field', '"headingLevel" must be a whole number from 1 to 6.', 'headingLevel');
  return n;
}

/** Bombs and oversized documents are 413; anything that is not a Word document is 400. */
function refusal(err: ImportError): HttpError {
  const status = err.code === 'too_large' || err.code === 'too_many_entries' ? 413 : 400;
  return new HttpError(status, err.code, err.message, 'file', err.params);
}

export function registerImportRoutes(router: Router, deps: { reports: ReportService; storage: Storage; office: OfficeWorkers; log: Logger }, config: Config): void {
  const { reports, storage, office, log } = deps;
  const attachments = new AttachmentService(storage, {
    maxFileBytes: config.attachmentMaxBytes,
    reportMaxBytes: config.attachmentReportMaxBytes,
    reportMaxCount: config.attachmentReportMaxCount,
  });

  router.on('POST', '/api/reports/import', async (ctx) => {
    const { user } = await ctx.user();
    const form = await readMultipart(ctx.req, { maxFileBytes: config.maxImportBytes, fileField: 'file' });
    if (!form.file || form.file.bytes.length === 0) throw new BadRequest('missing_file', 'Attach the .docx file in the "file" field.', 'file');
    const input = ensure(validateCreateReport({ title: form.fields.title, mechanism: form.fields.mechanism, stateUnderReview: form.fields.stateUnderReview }));
    const level = headingLevel(form.fields.headingLevel);
    // Checked before the document is read: a refused coalition should not cost a parse.
    const coalitionId = await coalitionForNewReport(storage.coalitions, user.id, form.fields.coalitionId);
    let parsed: SplitResult;
    try {
      // Parsed on the export threads: a large document does not hold up sync and the API meanwhile.
      parsed = await office.parseDocx(form.file.bytes, level, { maxEntries: config.maxImportEntries, maxUncompressedBytes: config.maxImportUncompressedBytes });
    } catch (err) {
      if (err instanceof ImportError) throw refusal(err);
      throw err;
    }
    // The document's pictures become attachments of the new report (issue 12); what cannot come is counted in `skipped`.
    const images = await planImportedImages(attachments, input.id, parsed.media ?? {});
    parsed = { ...parsed, sections: resolveImportedImages(parsed.sections, images.resolved, parsed.skipped), media: {} };
    // Loaded on the first import, not at start: it brings TipTap's schema, which the main thread needs for nothing else.
    const { writeImportedSections } = await import('../../../shared/import/importDocx.ts');
    // The new report is held to the size limit every report has (REPORT_MAX_BYTES), measured before it exists.
    const measured = new Y.Doc();
    writeImportedSections(measured, parsed.sections);
    const bytes = Y.encodeStateAsUpdate(measured).byteLength;
    measured.destroy();
    if (bytes > config.reportMaxBytes) throw new ReportFull(config.reportMaxBytes);
    const { created, report } = await reports.create(input, { userId: user.id, coalitionId }, (doc) => writeImportedSections(doc, parsed.sections));
    if (created) for (const { id, file } of images.toStore) await attachments.store(report.id, user.id, file, id);
    log.info('imported', { reportId: report.id, userId: user.id, coalitionId, bytes: form.file.bytes.length, sections: parsed.sections.length, skipped: parsed.skipped });
    ctx.res.setHeader('location', `/api/reports/${report.id}`);
    // `skipped` tells the importer what the document held that the report cannot (charts, shapes, some pictures), and which.
    sendJson(ctx.res, 201, { ...report, role: 'owner', sections: parsed.sections.length, skipped: parsed.skipped });
  });
}
