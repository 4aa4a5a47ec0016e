/**
 * Errors the API answers with. Each has a stable `code` clients switch on; `toErrorBody` is the one place
 * that turns an error into `{ error: { code, message } }`.
 */
import type { ApiErrorBody } from '../../shared/api/types.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class BadRequest extends HttpError {
  constructor(code: string, message: string, field?: string) {
    super(400, code, message, field);
  }
}

export class Unauthorized extends HttpError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'You may not do this.', code = 'forbidden') {
    super(403, code, message);
  }
}

export class Conflict extends HttpError {
  constructor(code: string, message: string) {
    super(409, code, message);
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
  ) {
    super(503, code, message);
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
    super(413, 'payload_too_large', `Request body is larger than ${limit} bytes.`);
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
  return body;
}
