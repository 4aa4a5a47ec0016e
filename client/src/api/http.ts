/**
 * JSON over fetch for every API module. Network failures and API errors are told apart, so callers can go
 * offline; a 401 from any call but the sign-in ones is reported to the session store (the session ended).
 */
import type { ApiErrorBody } from '../../../shared/api/types.ts';

/** The server answered with an error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The server could not be reached (offline, DNS, refused, timed out). */
export class NetworkError extends Error {}

const TIMEOUT_MS = 10_000;

/** Paths whose 401 means "wrong password" or "not signed in yet", not "your session ended". */
const AUTH_PATHS = new Set([
  '/api/auth/login',
  '/api/auth/signup',
  '/api/auth/signup/confirm',
  '/api/auth/me',
  '/api/auth/password-reset',
  '/api/auth/password-reset/confirm',
]);

let unauthorizedListener: (() => void) | null = null;

/** Called when an API call answers 401: the session this device holds is no longer valid. */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
}

export async function request<T>(path: string, { method, body }: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: reported below with the status.
  }
  if (!res.ok) {
    const error = (parsed as ApiErrorBody | null)?.error;
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.status === 401 && !AUTH_PATHS.has(path)) unauthorizedListener?.();
    throw new ApiError(
      res.status,
      error?.code ?? 'http_' + res.status,
      error?.message ?? `Request failed (${res.status})`,
      error?.field,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return parsed as T;
}

/** A sentence for an error the user cannot fix by correcting a field. */
export function describeError(err: unknown): string {
  if (err instanceof NetworkError) return 'Can’t reach the server. Check your connection and try again.';
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Try again.';
}
