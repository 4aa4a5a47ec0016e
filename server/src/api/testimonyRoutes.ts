/**
 * A witness's real name and contact, kept on the server and out of the report's document (docs/security/testimony.md):
 * GET /api/reports/:id/testimony-contacts, PUT and DELETE /api/reports/:id/testimony-contacts/:testimonyId.
 * Owners and editors only: reviewers and viewers get 403 (they see the pseudonym in the report), others 404.
 */
import { MAX_TESTIMONIES } from '../../../shared/report/testimony.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Logger } from '../log.ts';
import { reportIdParam } from './validation.ts';

export const MAX_REAL_NAME_CHARS = 200;
export const MAX_CONTACT_CHARS = 500;
const TESTIMONY_ID = /^[A-Za-z0-9_-]{1,64}$/;

function testimonyIdParam(value: string | undefined): string {
  if (!value || !TESTIMONY_ID.test(value)) throw new NotFound('No testimony record with this id.');
  return value;
}

/** A PUT replaces both fields, so each must be sent as text (possibly empty): a missing or null one is refused rather than erased. */
function textField(body: Record<string, unknown>, field: string, max: number): string {
  const value = body[field];
  if (typeof value !== 'string') throw new BadRequest('invalid_field', `"${field}" must be text (send "" to leave it empty).`, field, { field });
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean.length > max) throw new BadRequest('too_long', `"${field}" must be at most ${max} characters.`, field, { field, max });
  return clean;
}

export function registerTestimonyRoutes(router: Router, deps: { access: ReportAccess; storage: Storage; log: Logger }, config: Config): void {
  const { access, storage, log } = deps;
  const store = storage.testimonyContacts;

  router.on('GET', '/api/reports/:id/testimony-contacts', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'editor');
    sendJson(ctx.res, 200, { contacts: await store.list(report.id) });
  });

  router.on('PUT', '/api/reports/:id/testimony-contacts/:testimonyId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'editor');
    const testimonyId = testimonyIdParam(ctx.params.testimonyId);
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const realName = textField(body, 'realName', MAX_REAL_NAME_CHARS);
    const contact = textField(body, 'contact', MAX_CONTACT_CHARS);
    const existing = await store.list(report.id);
    if (!existing.some((c) => c.testimonyId === testimonyId) && existing.length >= MAX_TESTIMONIES) {
      throw new Conflict('too_many_testimonies', `A report holds at most ${MAX_TESTIMONIES} testimony contacts.`, { max: MAX_TESTIMONIES });
    }
    const saved = { testimonyId, realName, contact, updatedBy: user.name, updatedAt: new Date().toISOString() };
    await store.put(report.id, saved);
    // Who changed a contact, never the name or contact itself.
    log.info('testimony contact saved', { reportId: report.id, userId: user.id, testimonyId });
    sendJson(ctx.res, 200, saved);
  });

  router.on('DELETE', '/api/reports/:id/testimony-contacts/:testimonyId', async (ctx) => {
    const { user } = await ctx.user();
    const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'editor');
    const testimonyId = testimonyIdParam(ctx.params.testimonyId);
    if (!(await store.remove(report.id, testimonyId))) throw new NotFound('No contact is kept for this testimony record.');
    log.info('testimony contact removed', { reportId: report.id, userId: user.id, testimonyId });
    ctx.res.writeHead(204);
    ctx.res.end();
  });
}
