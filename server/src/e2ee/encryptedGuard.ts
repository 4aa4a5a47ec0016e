/**
 * Routes that need a report's text cannot serve an end-to-end encrypted one: the server holds only ciphertext.
 * They answer 409 `encrypted_report` (checked once, here, before any route handler runs); the client does that
 * work itself for such a report (export in the browser) or does not offer it yet.
 */
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { Conflict } from '../errors.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';

/** Sub-paths of /api/reports/:id that never read the text. */
const WITHOUT_TEXT = new Set(['members', 'undelete', 'e2ee', 'encrypted-versions']);
const REPORT_SUBPATH = /^\/api\/reports\/([^/]+)\/([^/]+)/;

export async function refuseTextRoutesOfEncrypted(storage: Storage, access: ReportAccess, pathname: string, userId: () => Promise<string | null>): Promise<void> {
  const m = REPORT_SUBPATH.exec(pathname);
  if (!m || WITHOUT_TEXT.has(m[2]!) || !isReportId(m[1])) return;
  const report = await storage.getReport(m[1]);
  if (!report?.encrypted) return;
  // Someone not signed in, or without a role, falls through to the route, which answers 401 or 404 as ever.
  const caller = await userId();
  if (caller && (await access.roleFor(caller, report))) throw new Conflict('encrypted_report', 'This report is end-to-end encrypted: the server cannot read it, so this is done in your browser.');
}
