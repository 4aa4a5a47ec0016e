import type { ServerResponse } from 'node:http';

/**
 * The content security policy allows this origin only: the app never loads a script, style, font or image from,
 * or sends a request to, a third-party host.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Browsers that once reached the app over HTTPS refuse plain HTTP to it for 180 days. Not for subdomains: the
 * operator's other sites are not ours to decide for.
 */
export const HSTS = 'max-age=15552000';

/** `https`: the request came over HTTPS (directly, or from a trusted proxy that says so). */
export function securityHeaders(res: ServerResponse, https = false): void {
  if (https) res.setHeader('strict-transport-security', HSTS);
  res.setHeader('content-security-policy', CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}
