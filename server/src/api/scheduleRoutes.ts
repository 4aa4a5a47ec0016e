/**
 * GET /api/deadlines -> { deadlines } (reports and follow-up the caller may read, soonest first).
 * PATCH /api/reports/:id { session, deadline }: the target session and the submission deadline (owners and
 * editors; reviewers and viewers 403, others 404). `deadline` is an ISO 8601 date (12:00 Geneva time) or a
 * date-time with an offset or a zone (see shared/deadlines/deadline.ts), or null to clear it.
 */
import { parseDeadlineInput, type DeadlineParts } from '../../../shared/deadlines/deadline.ts';
import type { Config } from '../config.ts';
import type { ScheduleService } from '../deadlines/ScheduleService.ts';
import type { DeadlineEntry } from '../deadlines/deadlinesFor.ts';
import { BadRequest, Conflict } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import { reportIdParam } from './validation.ts';

const MAX_SESSION_CHARS = 200;

export function registerScheduleRoutes(
  router: Router,
  deps: { access: ReportAccess; schedule: ScheduleService; deadlines: (userId: string) => Promise<DeadlineEntry[]> },
  config: Config,
): void {
  // Everything due that the caller may read, soonest first: the dashboard's list.
  router.on('GET', '/api/deadlines', async (ctx) => {
    const { user } = await ctx.user();
    sendJson(ctx.res, 200, { deadlines: await deps.deadlines(user.id) });
  });

  router.on('PATCH', '/api/reports/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { report, role } = await deps.access.require(user.id, reportIdParam(ctx.params.id), 'editor');
    // The deadline lives in the document's cover, which the server cannot read or write for an encrypted report:
    // writing it would start a plain copy of the document beside the ciphertext.
    if (report.encrypted) throw new Conflict('encrypted_report', 'This report is end-to-end encrypted: set its deadline in the cover form, in your browser.');
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const unknown = Object.keys(body).find((k) => k !== 'session' && k !== 'deadline');
    if (unknown) throw new BadRequest('unknown_field', `"${unknown.slice(0, 40)}" cannot be changed here; send "session" and/or "deadline".`, unknown.slice(0, 40), { field: unknown.slice(0, 40) });
    if (!('session' in body) && !('deadline' in body)) throw new BadRequest('empty_change', 'Send "session" and/or "deadline".');
    const change: { session?: string | null; deadline?: DeadlineParts | null } = {};
    if ('session' in body) {
      const session = body.session;
      if (session !== null && (typeof session !== 'string' || session.length > MAX_SESSION_CHARS)) {
        throw new BadRequest('invalid_session', `"session" is text of at most ${MAX_SESSION_CHARS} characters, or null.`, 'session', { max: MAX_SESSION_CHARS });
      }
      change.session = session === null ? null : session.trim();
    }
    if ('deadline' in body) {
      const deadline = body.deadline;
      if (deadline === null) change.deadline = null;
      else if (typeof deadline !== 'string') throw new BadRequest('invalid_deadline', '"deadline" is an ISO 8601 date or date-time with an offset or zone, or null.', 'deadline');
      else {
        const parsed = parseDeadlineInput(deadline);
        if (!parsed.ok) throw new BadRequest('invalid_deadline', parsed.message, 'deadline', parsed.params);
        change.deadline = parsed.parts;
      }
    }
    const schedule = await deps.schedule.set(report.id, change);
    sendJson(ctx.res, 200, { ...report, ...schedule, role });
  });
}
