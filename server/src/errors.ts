/**
 * Errors the API answers with. Each has a stable `code` clients switch on; `toErrorBody` is the one place
 * that turns an error into `{ error: { code, message, field?, params? } }`: `params` holds the values the English
 * `message` is built from, so the client words it in the interface language (client/src/i18n/areas/errors).
 */
import type { ApiErrorBody } from '../../shared/api/types.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The values `message` is built from (limits, names, counts), so a client can word it in another language. */
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export type ErrorParams = Record<string, string | number>;

export class BadRequest extends HttpError {
  constructor(code: string, message: string, field?: string, params?: ErrorParams) {
    super(400, code, message, field, params);
  }
}

export class Unauthorized extends HttpError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'You may not do this.', code = 'forbidden', params?: ErrorParams) {
    super(403, code, message, undefined, params);
  }
}

export class Conflict extends HttpError {
  constructor(code: string, message: string, params?: ErrorParams) {
    super(409, code, message, undefined, params);
  }
}

export class TooManyRequests extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_attempts', message);
  }
}

/** The server cannot take this now (busy, shutting down); the client may retry after `retryAfterSeconds`. */
export class ServiceUnavailable extends HttpError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
    params?: ErrorParams,
  ) {
    super(503, code, message, undefined, params);
  }
}

export class NotFound extends HttpError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

export class MethodNotAllowed extends HttpError {
  constructor() {
    super(405, 'method_not_allowed', 'Method not allowed on this resource.');
  }
}

export class PayloadTooLarge extends HttpError {
  constructor(limit: number) {
    super(413, 'payload_too_large', `Request body is larger than ${limit} bytes.`, undefined, { limit });
  }
}

export class UnsupportedMediaType extends HttpError {
  constructor(message = 'Send the request body as application/json.') {
    super(415, 'unsupported_media_type', message);
  }
}

export function toErrorBody(err: HttpError): ApiErrorBody {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
  if (err.field) body.error.field = err.field;
  if (err.params && Object.keys(err.params).length > 0) body.error.params = err.params;
  return body;
}
