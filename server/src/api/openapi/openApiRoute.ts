/**
 * `GET /api/openapi.json`: the API described for coalitions' own scripts. Built on first request, and loaded
 * then too (zod and the schemas are not needed to start the server or answer anything else).
 */
import type { Config } from '../../config.ts';
import { sendJson } from '../../http/json.ts';
import type { Router } from '../../http/Router.ts';

/** The version the document gives: the one package.json had when the server was built. */
export const API_VERSION = '0.1.0';

export function registerOpenApiRoute(router: Router, config: Config): void {
  let document: Promise<Record<string, unknown>> | null = null;
  const build = async () => {
    const [{ ROUTE_DOCS }, { buildOpenApiDocument }] = await Promise.all([import('./allRoutes.ts'), import('./buildDocument.ts')]);
    // Only what this server has registered (/metrics is there only with METRICS=1).
    const served = new Set(router.list().map((r) => `${r.method} ${r.pattern}`));
    return buildOpenApiDocument(
      ROUTE_DOCS.filter((d) => served.has(`${d.method} ${d.path}`)),
      { version: API_VERSION, serverUrl: config.publicUrl ?? undefined },
    );
  };
  router.on('GET', '/api/openapi.json', async ({ res }) => {
    document ??= build().catch((err: unknown) => {
      document = null;
      throw err;
    });
    sendJson(res, 200, await document);
  });
}
