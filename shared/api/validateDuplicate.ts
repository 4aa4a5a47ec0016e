/** The body of POST /api/reports/:id/duplicate: an optional title (else the source's title and " (copy)"). */
import { LIMITS, type Validated } from './validate.ts';

export function validateDuplicateReport(body: unknown): Validated<{ title: string | null }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  }
  const title = (body as Record<string, unknown>).title;
  if (title === undefined) return { ok: true, value: { title: null } };
  if (typeof title !== 'string' || title.trim() === '') {
    return { ok: false, problems: [{ field: 'title', code: 'invalid_field', message: '"title" must be a non-empty string.' }] };
  }
  if (title.length > LIMITS.titleChars) {
    return { ok: false, problems: [{ field: 'title', code: 'too_long', message: `"title" may have at most ${LIMITS.titleChars} characters.`, params: { max: LIMITS.titleChars } }] };
  }
  return { ok: true, value: { title: title.trim() } };
}

/** "Title (copy)", within the title limit. */
export function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return title.slice(0, LIMITS.titleChars - suffix.length) + suffix;
}
