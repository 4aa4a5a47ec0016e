/**
 * Private calendar feeds. GET /api/calendar -> { url, createdAt } makes the signed-in person's feed on the first
 * call and shows its address then; only the hash of the secret is kept, so later calls answer { url: null,
 * createdAt } (the address cannot be read back, from the database either). POST /api/calendar/regenerate makes
 * a new address and shows it; the old one answers 404 at once. GET /api/calendar/<secret>.ics is the feed itself,
 * without a session (calendar apps have none): 404 for an unknown secret or a disabled or deleted account, and
 * only what the person may read at the moment of the request.
 */
import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { calendarFeed } from '../deadlines/calendarFeed.ts';
import { deadlinesFor } from '../deadlines/deadlinesFor.ts';
import { NotFound } from '../errors.ts';
import type { FollowUpAccess } from '../followup/FollowUpAccess.ts';
import { sendJson } from '../http/json.ts';
import { linkBase } from '../http/publicUrl.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

export function registerCalendarRoutes(
  router: Router,
  deps: { storage: Storage; access: ReportAccess; followUpAccess: FollowUpAccess },
  config: Config,
): void {
  const { storage } = deps;

  router.on('GET', '/api/calendar', async (ctx) => {
    const { user } = await ctx.user();
    const secret = newSecret();
    const now = new Date().toISOString();
    const created = await storage.calendars.createIfAbsent(user.id, hashSecret(secret), now);
    const { base, warning } = linkBase(config, ctx.req);
    ctx.res.setHeader('cache-control', 'no-store');
    if (created) sendJson(ctx.res, 200, { url: `${base}/api/calendar/${secret}.ics`, createdAt: now, ...(warning ? { warning } : {}) });
    else sendJson(ctx.res, 200, { url: null, createdAt: await storage.calendars.created(user.id) });
  });

  router.on('POST', '/api/calendar/regenerate', async (ctx) => {
    const { user } = await ctx.user();
    const secret = newSecret();
    const now = new Date().toISOString();
    await storage.calendars.replace(user.id, hashSecret(secret), now);
    const { base, warning } = linkBase(config, ctx.req);
    ctx.res.setHeader('cache-control', 'no-store');
    sendJson(ctx.res, 200, { url: `${base}/api/calendar/${secret}.ics`, createdAt: now, ...(warning ? { warning } : {}) });
  });

  router.on('GET', '/api/calendar/:file', async (ctx) => {
    const secret = FEED_FILE.exec(ctx.params.file ?? '')?.[1];
    const userId = secret ? await storage.calendars.userFor(hashSecret(secret)) : null;
    const user = userId ? await storage.accounts.getUser(userId) : null;
    if (!user || user.disabled) throw new NotFound('No calendar at this address.');
    const body = calendarFeed(await deadlinesFor(user.id, deps), { base: config.publicUrl ?? linkBase(config, ctx.req).base });
    ctx.res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    });
    ctx.res.end(body);
  });
}
