/**
 * /api/reports/:id/attachments: images and files of a report. Writers (editors, owners) upload; anyone who can
 * read the report lists and reads them (404 for anyone else); the owner deletes any, an editor those they uploaded.
 * A file is served as what the server found it to be, never sniffed, under a sandboxing CSP, and as a download
 * unless it is an image.
 */
import type { ServerResponse } from 'node:http';
import { atLeast } from '../../../shared/api/roles.ts';
import { isImageType } from '../../../shared/attachments/kinds.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { AttachmentService, toAttachmentInfo } from '../attachments/AttachmentService.ts';
import type { Config } from '../config.ts';
import { BadRequest, Forbidden, NotFound } from '../errors.ts';
import { sendJson } from '../http/json.ts';
import { readMultipart } from '../http/multipart.ts';
import type { Router } from '../http/Router.ts';
import type { Logger } from '../log.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { AttachmentRecord, Storage } from '../storage/Storage.ts';

/** No script, no plugin, no form, no request: even a browser told to render the file as a page can do nothing. */
export const ATTACHMENT_CSP = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

function contentDisposition(record: AttachmentRecord): string {
  const kind = isImageType(record.mimeType) ? 'inline' : 'attachment';
  const ascii = record.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(record.fileName)}`;
}

function sendFile(res: ServerResponse, record: AttachmentRecord, data: Uint8Array, ifNoneMatch: string | undefined): void {
  const etag = `"${record.sha256}"`;
  res.setHeader('content-security-policy', ATTACHMENT_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  // Like every API answer, never in the HTTP cache: the app keeps what it needs in IndexedDB, which sign-out clears,
  // and access can be taken away.
  res.setHeader('cache-control', 'no-store');
  res.setHeader('etag', etag);
  if (ifNoneMatch === etag) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, {
    'content-type': record.mimeType === 'text/plain' || record.mimeType === 'text/csv' ? `${record.mimeType}; charset=utf-8` : record.mimeType,
    'content-length': String(data.byteLength),
    'content-disposition': contentDisposition(record),
  });
  res.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

export function registerAttachmentRoutes(router: Router, deps: { access: ReportAccess; storage: Storage; log: Logger }, config: Config): void {
  const { access, storage, log } = deps;
  const service = new AttachmentService(storage, {
    maxFileBytes: config.attachmentMaxBytes,
    reportMaxBytes: config.attachmentReportMaxBytes,
    reportMaxCount: config.attachmentReportMaxCount,
  });
  const reportId = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    return raw;
  };
  const attachmentId = (raw: string | undefined) => {
    if (!isReportId(raw)) throw new NotFound('No attachment with this id.');
    return raw;
  };

  router.on('POST', '/api/reports/:id/attachments', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'editor');
    const form = await readMultipart(ctx.req, { maxFileBytes: config.attachmentMaxBytes, fileField: 'file' });
    if (!form.file || form.file.bytes.length === 0) throw new BadRequest('missing_file', 'Attach the file in the "file" field.', 'file', { field: 'file' });
    const { created, info } = await service.add(report.id, user.id, form.file);
    if (created) log.info('attachment added', { reportId: report.id, userId: user.id, attachmentId: info.id, bytes: info.size, type: info.mimeType });
    ctx.res.setHeader('location', `/api/reports/${report.id}/attachments/${info.id}`);
    sendJson(ctx.res, created ? 201 : 200, info);
  });

  router.on('GET', '/api/reports/:id/attachments', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    sendJson(ctx.res, 200, { attachments: (await storage.attachments.list(report.id)).map(toAttachmentInfo) });
  });

  router.on('GET', '/api/reports/:id/attachments/:attachmentId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    const found = await storage.attachments.read(report.id, attachmentId(ctx.params.attachmentId));
    if (!found) throw new NotFound('No attachment with this id.');
    sendFile(ctx.res, found.record, found.data, ctx.req.headers['if-none-match']);
  });

  router.on('DELETE', '/api/reports/:id/attachments/:attachmentId', async (ctx) => {
    const { user } = await ctx.user();
    const { report, role } = await access.require(user.id, reportId(ctx.params.id), 'viewer');
    const record = await storage.attachments.get(report.id, attachmentId(ctx.params.attachmentId));
    if (!record) throw new NotFound('No attachment with this id.');
    const mayDelete = role === 'owner' || (atLeast(role, 'editor') && record.uploadedBy === user.id);
    if (!mayDelete) throw new Forbidden('Only an owner of the report, or the editor who added it, may delete this file.');
    await storage.attachments.delete(report.id, record.id);
    log.info('attachment deleted', { reportId: report.id, userId: user.id, attachmentId: record.id });
    ctx.res.writeHead(204).end();
  });
}
