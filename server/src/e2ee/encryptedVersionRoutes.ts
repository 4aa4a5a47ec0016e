/**
 * Versions of end-to-end encrypted reports (issue 11; docs/ENCRYPTION.md, "Versions"). A member's browser seals the
 * version (name, content and discussion) with the report key of the current generation and signs it; the server
 * checks the readable header (a version of this report, signed by the caller, of the current generation), counts
 * its bytes toward REPORT_MAX_BYTES and keeps it. It never sees a name or a word: listing, viewing, comparing and
 * restoring happen in the browser.
 */
import { fromBase64, toBase64 } from '../../../shared/e2ee/bytes.ts';
import { readVersionHeader } from '../../../shared/e2ee/versionBlob.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { isReportId, roomName } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, HttpError, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { EncryptedVersionRecord } from '../storage/E2eeStore.ts';
import type { Storage } from '../storage/Storage.ts';
import { ReportFull } from '../versions/VersionService.ts';

/** The most sealed versions one report keeps; an owner deletes old ones to make room. */
export const MAX_ENCRYPTED_VERSIONS = 200;

class SealedVersionRefused extends HttpError {
  constructor(code: string, message: string) {
    super(400, code, message, 'data');
  }
}

export function registerEncryptedVersionRoutes(router: Router, deps: { storage: Storage; access: ReportAccess }, config: Config): void {
  const { storage, access } = deps;
  const encryptedReport = async (userId: string, raw: string | undefined, minimum: 'viewer' | 'editor' | 'owner') => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    const found = await access.require(userId, raw, minimum);
    if (!found.report.encrypted) throw new Conflict('not_encrypted', 'This report is not end-to-end encrypted: use /api/reports/:id/versions.');
    return found;
  };
  const withMakers = async (records: EncryptedVersionRecord[]) => {
    const names = new Map<string, string>();
    for (const id of new Set(records.map((r) => r.makerId))) names.set(id, (await storage.accounts.getUser(id))?.name ?? '');
    return records.map((r) => ({ id: r.id, generation: r.generation, makerId: r.makerId, makerName: names.get(r.makerId) ?? '', createdAt: r.createdAt, bytes: r.bytes }));
  };
  // Base64 of a blob as large as the report may hold, and room for the JSON around it.
  const maxBody = Math.ceil((config.reportMaxBytes * 4) / 3) + 1024;

  router.on('GET', '/api/reports/:id/encrypted-versions', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await encryptedReport(user.id, ctx.params.id, 'viewer');
    sendJson(ctx.res, 200, { versions: await withMakers(await storage.e2ee.listVersions(report.id)) });
  });

  router.on('POST', '/api/reports/:id/encrypted-versions', async (ctx) => {
    const { user } = await ctx.user();
    if (!isReportId(ctx.params.id)) throw new NotFound('No report with this id.');
    await access.require(user.id, ctx.params.id, 'editor');
    // A body without a sealed version is refused as such before anything else is said about the report.
    const body = await readJsonObject(ctx.req, maxBody);
    const data = typeof body.data === 'string' ? fromBase64(body.data) : null;
    if (!data) throw new BadRequest('invalid_version', '"data" must be a sealed version in base64.', 'data');
    const { report } = await encryptedReport(user.id, ctx.params.id, 'editor');
    const header = readVersionHeader(data);
    if (!header) throw new SealedVersionRefused('invalid_version', '"data" is not a sealed version (envelope v1 of type version).');
    if (header.reportId !== report.id) throw new SealedVersionRefused('wrong_report', 'This version is sealed for another report.');
    if (header.signer !== user.id) throw new SealedVersionRefused('wrong_signer', 'A version must be signed by the account that stores it.');
    const generation = await storage.e2ee.keyGeneration(report.id);
    if (header.generation !== generation) throw new Conflict('stale_generation', 'The report key changed: seal the version with the current key.');
    const stored = await storage.reportStoredBytes(report.id, [roomName(report.id), roomName(report.id, 'discussion')]);
    if (stored.documents + stored.versions + data.length > config.reportMaxBytes) throw new ReportFull(config.reportMaxBytes);
    const record = { id: newUuid(), reportId: report.id, generation, makerId: user.id, createdAt: new Date().toISOString() };
    if (!(await storage.e2ee.addVersion(record, data, MAX_ENCRYPTED_VERSIONS))) {
      throw new Conflict('too_many_versions', `This report keeps at most ${MAX_ENCRYPTED_VERSIONS} versions: an owner deletes old ones to make room.`, { max: MAX_ENCRYPTED_VERSIONS });
    }
    sendJson(ctx.res, 201, (await withMakers([{ ...record, bytes: data.length }]))[0]);
  });

  router.on('GET', '/api/reports/:id/encrypted-versions/:versionId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await encryptedReport(user.id, ctx.params.id, 'viewer');
    const found = await storage.e2ee.getVersion(report.id, ctx.params.versionId!);
    if (!found) throw new NotFound('No version with this id.');
    sendJson(ctx.res, 200, { ...(await withMakers([found.record]))[0], data: toBase64(found.data) });
  });

  // Owners only, as for plain versions: others who can read the report get 403, those who cannot 404.
  router.on('DELETE', '/api/reports/:id/encrypted-versions/:versionId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await encryptedReport(user.id, ctx.params.id, 'owner');
    if (!(await storage.e2ee.deleteVersion(report.id, ctx.params.versionId!))) throw new NotFound('No version with this id.');
    ctx.res.writeHead(204).end();
  });
}
