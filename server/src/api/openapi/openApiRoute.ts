/** `GET /api/openapi.json`: the API described for coalitions' own scripts (built once, on first request). */
import type { Config } from '../../config.ts';
import { sendJson } from '../../http/json.ts';
import type { Router } from '../../http/Router.ts';
import { ROUTE_DOCS } from './allRoutes.ts';
import { buildOpenApiDocument } from './buildDocument.ts';

/** The version the document gives: the one package.json had when the server was built. */
export const API_VERSION = '0.1.0';

export function registerOpenApiRoute(router: Router, config: Config): void {
  let document: Record<string, unknown> | null = null;
  router.on('GET', '/api/openapi.json', ({ res }) => {
    // Only what this server has registered (/metrics is there only with METRICS=1).
    const served = new Set(router.list().map((r) => `${r.method} ${r.pattern}`));
    document ??= buildOpenApiDocument(
      ROUTE_DOCS.filter((d) => served.has(`${d.method} ${d.path}`)),
      { version: API_VERSION, serverUrl: config.publicUrl ?? undefined },
    );
    sendJson(res, 200, document);
  });
}
