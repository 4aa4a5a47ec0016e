/**
 * Validation of API request bodies. Each validator returns the clean value or a list of problems, so the
 * server answers 400 with the first one and a client form can show each beside its field.
 */
import { isMechanism, MECHANISMS } from './mechanisms.ts';
import { isReportId } from '../protocol/rooms.ts';
import type { CreateReportRequest } from './types.ts';
import { newUuid } from './uuid.ts';

export interface Problem {
  field: string;
  code: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const LIMITS = {
  titleChars: 300,
  stateChars: 120,
} as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(
  body: Record<string, unknown>,
  field: string,
  maxChars: number,
  required: boolean,
  problems: Problem[],
): string {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) problems.push({ field, code: 'missing_field', message: `"${field}" is required.` });
    return '';
  }
  if (typeof value !== 'string') {
    problems.push({ field, code: 'invalid_field', message: `"${field}" must be a string.` });
    return '';
  }
  const trimmed = value.trim();
  if (required && trimmed.length === 0) {
    problems.push({ field, code: 'missing_field', message: `"${field}" must not be empty.` });
  }
  if (trimmed.length > maxChars) {
    problems.push({ field, code: 'too_long', message: `"${field}" is longer than ${maxChars} characters.` });
  }
  return trimmed;
}

export function validateCreateReport(body: unknown): Validated<Required<CreateReportRequest>> {
  if (!isPlainObject(body)) {
    return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  }
  const problems: Problem[] = [];
  const title = text(body, 'title', LIMITS.titleChars, true, problems);
  const stateUnderReview = text(body, 'stateUnderReview', LIMITS.stateChars, false, problems);
  const mechanism = body.mechanism;
  if (mechanism === undefined) {
    problems.push({ field: 'mechanism', code: 'missing_field', message: '"mechanism" is required.' });
  } else if (!isMechanism(mechanism)) {
    problems.push({
      field: 'mechanism',
      code: 'unknown_mechanism',
      message: `"mechanism" must be one of ${MECHANISMS.join(', ')}.`,
    });
  }
  let id: string = newUuid();
  if (body.id !== undefined) {
    if (isReportId(body.id)) id = body.id;
    else problems.push({ field: 'id', code: 'invalid_id', message: '"id" must be a lower-case UUID.' });
  }
  if (problems.length > 0 || !isMechanism(mechanism)) return { ok: false, problems };
  return { ok: true, value: { id, title, mechanism, stateUnderReview } };
}
