/**
 * The follow-up tracker (who may read and write: see followup/FollowUpAccess.ts).
 * GET /api/follow-up -> { items: [item + log + right] }; POST /api/follow-up/import { coalitionId, state, format,
 * text, adoptedOn?, documentSymbol?, mechanism? } -> 201 { items }; PATCH / DELETE /api/follow-up/:id;
 * POST /api/follow-up/:id/log { place, status, note, evidenceUrl?, observedOn } -> 201 entry.
 */
import type { Config } from '../config.ts';
import { NotFound } from '../errors.ts';
import type { FollowUpAccess } from '../followup/FollowUpAccess.ts';
import type { FollowUpService } from '../followup/FollowUpService.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';

const ID = /^[0-9a-f-]{36}$/;

function itemId(raw: string | undefined): string {
  if (!raw || !ID.test(raw)) throw new NotFound('No tracked recommendation with this id.');
  return raw;
}

export function registerFollowUpRoutes(router: Router, deps: { followUp: FollowUpService; access: FollowUpAccess }, config: Config): void {
  const { followUp, access } = deps;

  router.on('GET', '/api/follow-up', async (ctx) => {
    const { user } = await ctx.user();
    sendJson(ctx.res, 200, { items: await followUp.list(user.id) });
  });

  router.on('POST', '/api/follow-up/import', async (ctx) => {
    const { user } = await ctx.user();
    const items = await followUp.import(user, await readJsonObject(ctx.req, config.maxBodyBytes));
    sendJson(ctx.res, 201, { items });
  });

  router.on('PATCH', '/api/follow-up/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { item } = await access.require(user.id, itemId(ctx.params.id), 'write');
    sendJson(ctx.res, 200, await followUp.update(item, await readJsonObject(ctx.req, config.maxBodyBytes)));
  });

  router.on('DELETE', '/api/follow-up/:id', async (ctx) => {
    const { user } = await ctx.user();
    const { item } = await access.require(user.id, itemId(ctx.params.id), 'write');
    await deps.followUp.delete(item.id);
    ctx.res.writeHead(204).end();
  });

  router.on('POST', '/api/follow-up/:id/log', async (ctx) => {
    const { user } = await ctx.user();
    const { item } = await access.require(user.id, itemId(ctx.params.id), 'write');
    sendJson(ctx.res, 201, await followUp.addLog(item, user, await readJsonObject(ctx.req, config.maxBodyBytes)));
  });
}
