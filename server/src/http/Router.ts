/** A small method + path router: `/api/reports/:id` patterns, nothing more. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MethodNotAllowed } from '../errors.ts';
import type { Principal } from '../auth/AuthService.ts';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
  /** Who is calling (looked up once per request), or null. */
  principal(): Promise<Principal | null>;
  /** The caller, or a 401 error. */
  user(): Promise<Principal>;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: string;
  parts: string[];
  handler: Handler;
}

/** A registered route as written, e.g. `{ method: 'POST', pattern: '/api/reports/:id/members' }`. */
export interface RouteInfo {
  method: string;
  pattern: string;
}

export class Router {
  private routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Every route, in the order registered (tests send bad input to each). */
  list(): RouteInfo[] {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  /** Find the handler for a request: null when no path matches, a 405 error when only the method differs. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | null {
    const segments = pathname.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { handler: route.handler, params };
    }
    if (pathMatched) throw new MethodNotAllowed();
    return null;
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = segments[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part !== seg) return null;
  }
  return params;
}
