/**
 * Cross-site request refusal, on top of SameSite cookies: a state-changing request or a WebSocket upgrade whose
 * Origin names another site is refused. Requests without an Origin (curl, server-to-server tools) pass: they
 * carry no ambient browser credentials.
 */
import type { IncomingMessage } from 'node:http';

export function isCrossSite(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  if (origin === 'null') return true;
  if (allowedOrigins.includes(origin)) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host !== req.headers.host;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(method: string | undefined): boolean {
  return !SAFE_METHODS.has(method ?? 'GET');
}
