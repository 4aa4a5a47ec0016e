import type { Validated } from '../../../shared/api/validate.ts';
import { BadRequest } from '../errors.ts';

/** The validated value, or a 400 naming the first problem. */
export function ensure<T>(checked: Validated<T>): T {
  if (checked.ok) return checked.value;
  const first = checked.problems[0]!;
  throw new BadRequest(first.code, first.message, first.field || undefined);
}
