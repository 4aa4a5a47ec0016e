/**
 * The session cookie, and the device cookie that lets a browser which signed in before keep its own sign-in
 * allowance: both HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../auth/AuthService.ts';

/** Add a Set-Cookie header, keeping any set before (the session cookie comes first). */
function appendCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('set-cookie', [...list, cookie]);
}

/** The device cookie lives a year and is sent only to the sign-in endpoints. */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function setDeviceCookie(res: ServerResponse, token: string, secure: boolean): void {
  const parts = [`${DEVICE_COOKIE}=${token}`, 'Path=/api/auth', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`];
  if (secure) parts.push('Secure');
  appendCookie(res, parts.join('; '));
}

export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

export function setSessionCookie(res: ServerResponse, token: string, maxAgeMs: number, secure: boolean): void {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(maxAgeMs / 1000)}`];
  if (secure) parts.push('Secure');
  appendCookie(res, parts.join('; '));
}

export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  const parts = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0'];
  if (secure) parts.push('Secure');
  res.setHeader('set-cookie', parts.join('; '));
}
