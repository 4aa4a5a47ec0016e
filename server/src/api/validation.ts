import type { Validated } from '../../../shared/api/validate.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { BadRequest, NotFound } from '../errors.ts';

/** The validated value, or a 400 naming the first problem. */
export function ensure<T>(checked: Validated<T>): T {
  if (checked.ok) return checked.value;
  const first = checked.problems[0]!;
  throw new BadRequest(first.code, first.message, first.field || undefined, first.params);
}

/** A report id from the path; a malformed one answers 404 like a missing report. */
export function reportIdParam(raw: string | undefined): string {
  if (!isReportId(raw)) throw new NotFound('No report with this id.');
  return raw;
}
