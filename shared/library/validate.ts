/**
 * Validation of the library's request bodies (entries, their changes, adoption records), the same in the
 * browser's forms and on the server: the clean value or the problems, each naming its field.
 */
import type { Problem, Validated } from '../api/validate.ts';
import type { PmNode } from '../report/content.ts';
import { safeLinkHref } from '../schema/linkPolicy.ts';
import { describeTag } from '../taxonomy/describeTag.ts';
import { parseRecommendationTagId } from '../taxonomy/tagIds.ts';
import { checkContent, contentText, textToContent } from './content.ts';
import {
  DEFAULT_LICENCE,
  isAdoptionStatus,
  isLibraryKind,
  isLibraryLevel,
  isLibraryVisibility,
  LIBRARY_KINDS,
  LIBRARY_LEVELS,
  LIBRARY_LIMITS,
  LIBRARY_VISIBILITIES,
  ADOPTION_STATUSES,
  type AdoptionStatus,
  type LibraryKind,
  type LibraryLevel,
  type LibraryVisibility,
} from './entry.ts';

export interface EntryFields {
  title: string;
  kind: LibraryKind;
  level: LibraryLevel;
  content: PmNode;
  text: string;
  tags: string[];
  language: string;
  source: string;
  licence: string;
  visibility: LibraryVisibility;
  coalitionId: string | null;
}

export interface AdoptionFields {
  place: string;
  body: string;
  date: string;
  status: AdoptionStatus;
  link: string | null;
  followUp: string;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COALITION_ID = /^[A-Za-z0-9_-]{1,200}$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A tag the taxonomy knows, or an earlier recommendation's id. */
export function isLibraryTag(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 200 && (describeTag(id).kind !== 'unknown' || parseRecommendationTagId(id) !== null);
}

function str(body: Record<string, unknown>, field: string, max: number, required: boolean, problems: Problem[]): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) problems.push({ field, code: 'missing_field', message: `"${field}" is required.`, params: { field } });
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push({ field, code: 'invalid_field', message: `"${field}" must be a string.`, params: { field } });
    return undefined;
  }
  const t = v.trim();
  if (required && !t) problems.push({ field, code: 'missing_field', message: `"${field}" must not be empty.`, params: { field } });
  if (t.length > max) problems.push({ field, code: 'too_long', message: `"${field}" is longer than ${max} characters.`, params: { field, max } });
  return t;
}

function oneOf<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[], test: (v: unknown) => v is T, required: boolean, problems: Problem[]): T | undefined {
  const v = body[field];
  if (v === undefined && !required) return undefined;
  if (!test(v)) {
    problems.push({ field, code: `invalid_${field}`, message: `"${field}" must be one of ${allowed.join(', ')}.` });
    return undefined;
  }
  return v;
}

/** The fields present in `body`, checked; `required` for a new entry. */
function entryFields(body: Record<string, unknown>, required: boolean, problems: Problem[]): Partial<EntryFields> {
  const out: Partial<EntryFields> = {};
  const title = str(body, 'title', LIBRARY_LIMITS.titleChars, required, problems);
  if (title !== undefined) out.title = title;
  const kind = oneOf(body, 'kind', LIBRARY_KINDS, isLibraryKind, required, problems);
  if (kind) out.kind = kind;
  const level = oneOf(body, 'level', LIBRARY_LEVELS, isLibraryLevel, required, problems);
  if (level) out.level = level;
  const visibility = oneOf(body, 'visibility', LIBRARY_VISIBILITIES, isLibraryVisibility, required, problems);
  if (visibility) out.visibility = visibility;
  if (body.content !== undefined) {
    const checked = checkContent(body.content);
    if (!checked.ok) problems.push({ field: 'content', code: 'invalid_content', message: `"content": ${checked.message}.`, params: { reason: checked.message } });
    else {
      out.content = checked.content;
      out.text = contentText(checked.content);
    }
  } else if (body.text !== undefined) {
    const text = str(body, 'text', LIBRARY_LIMITS.textChars, true, problems);
    if (text) {
      out.content = textToContent(text);
      out.text = contentText(out.content);
    }
  } else if (required) {
    problems.push({ field: 'text', code: 'missing_field', message: 'Give the entry\'s "text" or its ProseMirror "content".' });
  }
  if (out.text !== undefined && out.text.length > LIBRARY_LIMITS.textChars) {
    problems.push({ field: 'text', code: 'too_long', message: `The text is longer than ${LIBRARY_LIMITS.textChars} characters.`, params: { max: LIBRARY_LIMITS.textChars } });
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || body.tags.length > LIBRARY_LIMITS.tags) {
      problems.push({ field: 'tags', code: 'invalid_tags', message: `"tags" must be a list of at most ${LIBRARY_LIMITS.tags} tag ids.`, params: { max: LIBRARY_LIMITS.tags } });
    } else {
      const bad = body.tags.find((t) => !isLibraryTag(t));
      if (bad !== undefined) problems.push({ field: 'tags', code: 'unknown_tag', message: `"${String(bad).slice(0, 80)}" is not a tag of the taxonomy.`, params: { tag: String(bad).slice(0, 80) } });
      else out.tags = [...new Set(body.tags as string[])];
    }
  } else if (required) out.tags = [];
  const language = str(body, 'language', LIBRARY_LIMITS.languageChars, false, problems);
  if (language !== undefined) {
    if (!LANGUAGE.test(language)) problems.push({ field: 'language', code: 'invalid_language', message: '"language" must be a language tag such as "en" or "es-419".' });
    else out.language = language;
  } else if (required) out.language = 'en';
  const source = str(body, 'source', LIBRARY_LIMITS.sourceChars, false, problems);
  if (source !== undefined) out.source = source;
  else if (required) out.source = '';
  const licence = str(body, 'licence', LIBRARY_LIMITS.licenceChars, false, problems);
  if (licence !== undefined) out.licence = licence || DEFAULT_LICENCE;
  else if (required) out.licence = DEFAULT_LICENCE;
  if (body.coalitionId !== undefined && body.coalitionId !== null) {
    if (typeof body.coalitionId !== 'string' || !COALITION_ID.test(body.coalitionId)) {
      problems.push({ field: 'coalitionId', code: 'invalid_coalition', message: '"coalitionId" must be a coalition\'s id.' });
    } else out.coalitionId = body.coalitionId;
  } else if (body.coalitionId === null || required) out.coalitionId = null;
  return out;
}

export function validateNewEntry(body: unknown): Validated<EntryFields> {
  if (!isObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const fields = entryFields(body, true, problems);
  if (!problems.length && fields.visibility === 'coalition' && !fields.coalitionId) {
    problems.push({ field: 'coalitionId', code: 'missing_field', message: 'An entry private to a coalition needs its "coalitionId".' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: fields as EntryFields };
}

export function validateEntryChange(body: unknown): Validated<Partial<EntryFields>> {
  if (!isObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  // Only the coalition can be taken away (null); every other field, when given, needs a value.
  for (const field of ['title', 'kind', 'level', 'text', 'content', 'tags', 'language', 'source', 'licence', 'visibility']) {
    if (body[field] === null) problems.push({ field, code: 'invalid_field', message: `"${field}" cannot be null.`, params: { field } });
  }
  const fields = entryFields(body, false, problems);
  if (!problems.length && Object.keys(fields).length === 0) {
    problems.push({ field: '', code: 'nothing_to_change', message: 'Give at least one field to change.' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: fields };
}

export function validateAdoption(body: unknown): Validated<AdoptionFields> {
  if (!isObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const place = str(body, 'place', LIBRARY_LIMITS.placeChars, true, problems) ?? '';
  const adoptedBy = str(body, 'body', LIBRARY_LIMITS.bodyChars, false, problems) ?? '';
  const date = str(body, 'date', 10, true, problems) ?? '';
  if (date && !DATE.test(date)) problems.push({ field: 'date', code: 'invalid_date', message: '"date" must be a date as YYYY-MM-DD.' });
  const status = oneOf(body, 'status', ADOPTION_STATUSES, isAdoptionStatus, true, problems);
  let link: string | null = null;
  const rawLink = str(body, 'link', LIBRARY_LIMITS.linkChars, false, problems);
  if (rawLink) {
    link = safeLinkHref(rawLink);
    if (!link) problems.push({ field: 'link', code: 'invalid_link', message: '"link" must be an http, https or mailto address.' });
  }
  const followUp = str(body, 'followUp', LIBRARY_LIMITS.followUpChars, false, problems) ?? '';
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { place, body: adoptedBy, date, status: status!, link, followUp } };
}
