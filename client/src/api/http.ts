/**
 * JSON over fetch for every API module. Network failures and API errors are told apart, so callers can go
 * offline; a 401 from any call but the sign-in ones is reported to the session store (the session ended).
 */
import type { ApiErrorBody } from '../../../shared/api/types.ts';
import { ACCOUNT_LIMITS } from '../../../shared/api/validate.ts';
import { text } from '../app/text.ts';
import { i18n } from '../i18n/i18n.ts';

/** Values the server's messages take without sending them (`errors.weak_password` names the shortest password). */
const ERROR_VALUES = { min: ACCOUNT_LIMITS.passwordMinChars };

export type ErrorParams = Record<string, string | number>;

/** English message keys by error code: `errors.<code>` and its variants `errors.<code>.<variant>`. */
let keysByCode: Map<string, string[]> | null = null;

function errorKeys(code: string): string[] {
  if (!keysByCode) {
    keysByCode = new Map();
    const english = (i18n.getResourceBundle('en', 'translation') ?? {}) as Record<string, string>;
    for (const key of Object.keys(english)) {
      const match = /^errors\.([^.]+)(?:\.[^.]+)?$/.exec(key);
      if (!match) continue;
      const list = keysByCode.get(match[1]!) ?? [];
      list.push(key);
      keysByCode.set(match[1]!, list);
    }
  }
  return keysByCode.get(code) ?? [];
}

/**
 * The server's error message in the interface language. The server writes English, a stable `code` and the
 * `params` the message is built from; the message keys of that code (`errors.<code>`, and `errors.<code>.<variant>`
 * when the code has several messages) are tried in English with those params, and the one that reproduces the
 * server's English exactly is shown in the interface language. So a message is never replaced by another one
 * (a more particular message under the same code, or one a newer server words differently): anything without
 * such a key is shown in the server's own words.
 */
export function apiErrorMessage(code: string, serverMessage: string, params?: ErrorParams): string {
  if (!i18n.isInitialized) return serverMessage;
  const values = { ...ERROR_VALUES, ...params };
  for (const key of errorKeys(code)) {
    if (i18n.t(key, { ...values, lng: 'en' }) === serverMessage) return i18n.t(key, values);
  }
  return serverMessage;
}

/** "Request failed (502)": for an error answer without an error body (a proxy's page). */
export function requestFailedMessage(status: number): string {
  return text('errors.requestFailed', { status });
}

/**
 * The server answered with an error body. `message` reads in the interface language as it is now (see
 * `apiErrorMessage`); `serverMessage` is the server's own English.
 */
export class ApiError extends Error {
  readonly serverMessage: string;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
    /** The values the server's message is built from. */
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.serverMessage = message;
    Object.defineProperty(this, 'message', { get: () => apiErrorMessage(code, message, params), enumerable: false, configurable: true });
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
  /** How long to wait for the answer (large answers, such as sealed versions, take longer). */
  timeoutMs?: number;
}

export async function request<T>(path: string, { method, body, timeoutMs = TIMEOUT_MS }: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs),
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
      error?.message ?? requestFailedMessage(res.status),
      error?.field,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      error?.params,
    );
  }
  return parsed as T;
}

/** A sentence for an error the user cannot fix by correcting a field. */
export function describeError(err: unknown): string {
  if (err instanceof NetworkError) return text('errors.network');
  if (err instanceof ApiError) return err.message;
  return text('errors.unknown');
}
