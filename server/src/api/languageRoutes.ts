/**
 * /api/auth/me/language: the interface language a person chose, kept on their account so every device they sign
 * in on opens in it. One of the six UN languages.
 */
import { UI_LANGUAGES, isUiLanguage } from '../../../shared/i18n/languages.ts';
import type { Config } from '../config.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { Storage } from '../storage/Storage.ts';

export function registerLanguageRoutes(router: Router, storage: Storage, config: Config): void {
  router.on('GET', '/api/auth/me/language', async (ctx) => {
    const { user } = await ctx.user();
    sendJson(ctx.res, 200, { language: await storage.accounts.getUserLanguage(user.id) });
  });

  router.on('PUT', '/api/auth/me/language', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    if (!isUiLanguage(body.language)) {
      throw new BadRequest('invalid_language', `The language must be one of ${UI_LANGUAGES.join(', ')}.`, 'language', { languages: UI_LANGUAGES.join(', ') });
    }
    if (!(await storage.accounts.setUserLanguage(user.id, body.language))) throw new NotFound('No such account.');
    sendJson(ctx.res, 200, { language: body.language });
  });
}
