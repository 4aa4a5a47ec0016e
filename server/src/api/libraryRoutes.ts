/**
 * The library (issue 14):
 *   POST /api/library/entries, GET /api/library/entries (all the caller may read), GET/PATCH/DELETE /api/library/entries/:id, POST /api/library/entries/:id/adoptions,
 *   POST /api/library/entries/:id/uses { reportId, version? } (a report used it), GET /api/library/search?q=&kind=&tag=&status=,
 *   GET /api/library/export?ids=a,b (the feed's format), POST /api/library/import { bundle, visibility, coalitionId },
 *   GET/POST /api/library/subscriptions, DELETE /api/library/subscriptions/:id (administrators only),
 *   GET /library/feed.json (published entries, no account; ETag and Last-Modified with conditional requests).
 * Reads that need no account (an entry's GET, search) answer published entries to anyone.
 */
import crypto from 'node:crypto';
import { newUuid } from '../../../shared/api/uuid.ts';
import { isAdoptionStatus, isLibraryKind, isLibraryVisibility, LIBRARY_LIMITS, type LibrarySubscription } from '../../../shared/library/entry.ts';
import { readFeed } from '../../../shared/library/feed.ts';
import { isLibraryTag, validateAdoption, validateEntryChange, validateNewEntry } from '../../../shared/library/validate.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import { linkBase } from '../http/publicUrl.ts';
import type { Router } from '../http/Router.ts';
import type { LibraryService } from '../library/LibraryService.ts';
import { checkFeedUrl, FetchRefused } from '../library/safeFetch.ts';
import type { SubscriptionPoller } from '../library/SubscriptionPoller.ts';
import type { LibrarySubscriptionRecord, Storage } from '../storage/Storage.ts';
import { ensure } from './validation.ts';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** Largest bundle POST /api/library/import reads. */
export const LIBRARY_BUNDLE_BYTES = 8 * 1024 * 1024;

function entryId(raw: string | undefined): string {
  if (!raw || !ENTRY_ID.test(raw)) throw new NotFound('No library entry with this id.');
  return raw;
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

export interface LibraryDeps {
  library: LibraryService;
  poller: SubscriptionPoller;
  storage: Storage;
}

export function registerLibraryRoutes(router: Router, deps: LibraryDeps, config: Config): void {
  const { library, poller, storage } = deps;
  const optionalUser = async (ctx: { principal(): Promise<{ user: import('../storage/Storage.ts').UserRecord } | null> }) => (await ctx.principal())?.user ?? null;

  router.on('POST', '/api/library/entries', async (ctx) => {
    const { user } = await ctx.user();
    const fields = ensure(validateNewEntry(await readJsonObject(ctx.req, config.maxBodyBytes)));
    sendJson(ctx.res, 201, await library.create(user, fields));
  });

  // Everything the caller may read, for the browser's copy (it searches offline over it).
  router.on('GET', '/api/library/entries', async (ctx) => {
    sendJson(ctx.res, 200, { entries: await library.readable(await optionalUser(ctx)) });
  });

  router.on('GET', '/api/library/entries/:id', async (ctx) => {
    sendJson(ctx.res, 200, await library.view(entryId(ctx.params.id), await optionalUser(ctx)));
  });

  router.on('PATCH', '/api/library/entries/:id', async (ctx) => {
    const { user } = await ctx.user();
    const id = entryId(ctx.params.id);
    const fields = ensure(validateEntryChange(await readJsonObject(ctx.req, config.maxBodyBytes)));
    sendJson(ctx.res, 200, await library.update(id, user, fields));
  });

  router.on('DELETE', '/api/library/entries/:id', async (ctx) => {
    const { user } = await ctx.user();
    await library.delete(entryId(ctx.params.id), user);
    ctx.res.writeHead(204).end();
  });

  router.on('POST', '/api/library/entries/:id/adoptions', async (ctx) => {
    const { user } = await ctx.user();
    const id = entryId(ctx.params.id);
    const fields = ensure(validateAdoption(await readJsonObject(ctx.req, config.maxBodyBytes)));
    sendJson(ctx.res, 201, await library.addAdoption(id, user, fields));
  });

  router.on('POST', '/api/library/entries/:id/uses', async (ctx) => {
    const { user } = await ctx.user();
    const id = entryId(ctx.params.id);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (!isReportId(body.reportId)) throw new BadRequest('invalid_report', '"reportId" must be a report\'s id.', 'reportId');
    const version = body.version;
    if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
      throw new BadRequest('invalid_version', '"version" must be the entry version the report took.', 'version');
    }
    sendJson(ctx.res, 200, await library.recordUse(id, user, body.reportId, version));
  });

  router.on('GET', '/api/library/search', async (ctx) => {
    const p = ctx.url.searchParams;
    const q = p.get('q') ?? '';
    if (q.length > 200) throw new BadRequest('too_long', '"q" is longer than 200 characters.', 'q', { field: 'q', max: 200 });
    const kind = p.get('kind') || null;
    if (kind !== null && !isLibraryKind(kind)) throw new BadRequest('invalid_kind', '"kind" is not a kind of library entry.', 'kind');
    const tag = p.get('tag') || null;
    if (tag && !isLibraryTag(tag)) throw new BadRequest('unknown_tag', '"tag" is not a tag of the taxonomy.', 'tag');
    const status = p.get('status') || null;
    if (status !== null && !isAdoptionStatus(status)) throw new BadRequest('invalid_status', '"status" must be proposed, adopted, implemented or repealed.', 'status');
    const hits = await library.search(await optionalUser(ctx), { q, kind, tag, status });
    sendJson(ctx.res, 200, { results: hits.map((h) => ({ ...h.entry, score: h.score })) });
  });

  router.on('GET', '/library/feed.json', async (ctx) => {
    const { feed, lastModified } = await library.feed(linkBase(config, ctx.req).base);
    const body = JSON.stringify(feed);
    const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const modified = httpDate(lastModified);
    const headers = { etag, 'last-modified': modified, 'cache-control': 'no-cache', 'access-control-allow-origin': '*' };
    const ifNoneMatch = ctx.req.headers['if-none-match'];
    const ifModifiedSince = ctx.req.headers['if-modified-since'];
    const unchanged = ifNoneMatch !== undefined
      ? ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)
      : ifModifiedSince !== undefined && !Number.isNaN(Date.parse(ifModifiedSince)) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
    if (unchanged) {
      ctx.res.writeHead(304, headers).end();
      return;
    }
    ctx.res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
  });

  router.on('GET', '/api/library/export', async (ctx) => {
    const { user } = await ctx.user();
    const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new BadRequest('missing_field', '"ids" must list the entries to export, separated by commas.', 'ids');
    if (ids.length > LIBRARY_LIMITS.exportIds) throw new BadRequest('too_many', `At most ${LIBRARY_LIMITS.exportIds} entries can be exported at once.`, 'ids', { max: LIBRARY_LIMITS.exportIds });
    if (ids.some((id) => !ENTRY_ID.test(id))) throw new BadRequest('invalid_ids', '"ids" holds something that is not an entry id.', 'ids');
    const bundle = await library.exportBundle(user, [...new Set(ids)], linkBase(config, ctx.req).base);
    ctx.res.setHeader('content-disposition', 'attachment; filename="library-bundle.json"');
    sendJson(ctx.res, 200, bundle);
  });

  router.on('POST', '/api/library/import', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, LIBRARY_BUNDLE_BYTES);
    const raw = 'bundle' in body ? body.bundle : body;
    const read = readFeed(raw);
    if (!read.ok) throw new BadRequest('invalid_bundle', `The bundle was refused: ${read.message}.`, 'bundle', { reason: read.message });
    const coalitionId = typeof body.coalitionId === 'string' ? body.coalitionId : null;
    const visibility = body.visibility === undefined ? (coalitionId ? 'coalition' : 'instance') : body.visibility;
    if (!isLibraryVisibility(visibility)) throw new BadRequest('invalid_visibility', '"visibility" must be coalition, instance or published.', 'visibility');
    if (visibility === 'coalition' && !coalitionId) throw new BadRequest('missing_field', 'Entries private to a coalition need its "coalitionId".', 'coalitionId');
    const created = await library.importBundle(user, read.feed, { visibility, coalitionId });
    sendJson(ctx.res, 201, { imported: created });
  });

  // Subscriptions make this server fetch other servers, for everyone here: administrators decide.
  const admin = async (ctx: { user(): Promise<{ user: import('../storage/Storage.ts').UserRecord }> }) => {
    const { user } = await ctx.user();
    if (!user.isAdmin) throw new Forbidden('Only administrators can manage library subscriptions.');
    return user;
  };
  const view = async (s: LibrarySubscriptionRecord): Promise<LibrarySubscription> => ({
    id: s.id,
    url: s.url,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    instance: s.instance,
    lastPolledAt: s.lastPolledAt,
    lastError: s.lastError,
    entries: await storage.library.countSubscribed(s.id),
  });

  router.on('GET', '/api/library/subscriptions', async (ctx) => {
    await admin(ctx);
    sendJson(ctx.res, 200, { subscriptions: await Promise.all((await storage.library.listSubscriptions()).map(view)) });
  });

  router.on('POST', '/api/library/subscriptions', async (ctx) => {
    const user = await admin(ctx);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (typeof body.url !== 'string' || body.url.length > 2000) throw new BadRequest('invalid_url', '"url" must be the address of a library feed.', 'url');
    let url: URL;
    try {
      url = checkFeedUrl(body.url.trim(), config.libraryAllowPrivateUrls);
    } catch (err) {
      if (err instanceof FetchRefused) throw new BadRequest(err.code === 'private_address' ? 'private_address' : 'invalid_url', err.message, 'url', err.params);
      throw err;
    }
    if ((await storage.library.listSubscriptions()).length >= LIBRARY_LIMITS.subscriptions) {
      throw new Conflict('too_many_subscriptions', `This instance follows ${LIBRARY_LIMITS.subscriptions} feeds, its limit.`, { max: LIBRARY_LIMITS.subscriptions });
    }
    const record: LibrarySubscriptionRecord = {
      id: newUuid(),
      url: url.href,
      createdBy: user.id,
      createdAt: new Date().toISOString(),
      instance: null,
      etag: null,
      lastModified: null,
      lastPolledAt: null,
      lastError: null,
    };
    if (!(await storage.library.createSubscription(record))) throw new Conflict('already_subscribed', 'This instance already follows that feed.');
    // The first poll at once: a refused or unreadable feed is said now, and the subscription is not kept.
    const first = await poller.poll(record);
    if (first.error) {
      await storage.library.deleteSubscription(record.id);
      const code = /private or local network/.test(first.error) ? 'private_address' : 'feed_unreadable';
      throw new BadRequest(code, first.error, 'url');
    }
    sendJson(ctx.res, 201, await view((await storage.library.getSubscription(record.id))!));
  });

  router.on('DELETE', '/api/library/subscriptions/:id', async (ctx) => {
    await admin(ctx);
    if (!ENTRY_ID.test(ctx.params.id ?? '') || !(await storage.library.deleteSubscription(ctx.params.id!))) throw new NotFound('No subscription with this id.');
    ctx.res.writeHead(204).end();
  });
}
