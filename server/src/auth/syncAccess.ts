/** Sync connections are authorised like API calls: a session (or token), then the caller's role on the report. */
import { canWriteDocument } from '../../../shared/api/roles.ts';
import { CloseCodes } from '../../../shared/protocol/closeCodes.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';
import type { SyncAccess } from '../sync/SyncServer.ts';
import type { AuthService } from './AuthService.ts';

/** `encrypted`: for the encrypted sync path, which serves only encrypted reports (the plain path only plain ones). */
export function createSyncAccess(auth: AuthService, access: ReportAccess, storage: Storage, encrypted = false): SyncAccess {
  return {
    async authorize(req, reportId, kind) {
      const principal = await auth.authenticate(req.headers);
      if (!principal) return { ok: false, close: CloseCodes.Unauthorized };
      const report = await storage.getReport(reportId);
      const role = report ? await access.roleFor(principal.user.id, report) : null;
      if (!report || !role) return { ok: false, close: CloseCodes.UnknownReport };
      if ((report.encrypted ?? false) !== encrypted) return { ok: false, close: CloseCodes.WrongSyncKind };
      return { ok: true, userId: principal.user.id, userName: principal.user.name, credential: principal.credential, role, canWrite: canWriteDocument(role, kind) };
    },
    async recheck(info, kind) {
      const report = await storage.getReport(info.reportId);
      const role = report ? await access.roleFor(info.userId, report) : null;
      return { canRead: role !== null, canWrite: canWriteDocument(role, kind), role };
    },
  };
}
