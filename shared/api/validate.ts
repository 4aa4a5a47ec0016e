/**
 * Validation of API request bodies. Each validator returns the clean value or a list of problems, so the
 * server answers 400 with the first one and a client form can show each beside its field.
 */
import { isMechanism, MECHANISMS, type Mechanism } from './mechanisms.ts';
import { isReportId } from '../protocol/rooms.ts';
import type { ValidCreateReport } from './types.ts';
import { isSubmissionType, SUBMISSION_TYPES } from '../report/submissionTypes.ts';
import { defaultTemplateFor, isTemplateId, templateFits, TEMPLATE_IDS, type TemplateId } from '../templates/templateIds.ts';
import { newUuid } from './uuid.ts';
import { isLanguageTag } from '../i18n/languages.ts';

export interface Problem {
  field: string;
  code: string;
  message: string;
  /** The values `message` is built from, for clients that word it in another language. */
  params?: Record<string, string | number>;
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
    if (required) problems.push({ field, code: 'missing_field', message: `"${field}" is required.`, params: { field } });
    return '';
  }
  if (typeof value !== 'string') {
    problems.push({ field, code: 'invalid_field', message: `"${field}" must be a string.`, params: { field } });
    return '';
  }
  const trimmed = value.trim();
  if (required && trimmed.length === 0) {
    problems.push({ field, code: 'missing_field', message: `"${field}" must not be empty.`, params: { field } });
  }
  if (trimmed.length > maxChars) {
    problems.push({ field, code: 'too_long', message: `"${field}" is longer than ${maxChars} characters.`, params: { field, max: maxChars } });
  }
  return trimmed;
}

export function validateCreateReport(body: unknown): Validated<ValidCreateReport> {
  if (!isPlainObject(body)) {
    return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  }
  const problems: Problem[] = [];
  const title = text(body, 'title', LIMITS.titleChars, true, problems);
  const stateUnderReview = text(body, 'stateUnderReview', LIMITS.stateChars, false, problems);
  const mechanism = body.mechanism;
  if (mechanism === undefined) {
    problems.push({ field: 'mechanism', code: 'missing_field', message: '"mechanism" is required.', params: { field: 'mechanism' } });
  } else if (!isMechanism(mechanism)) {
    problems.push({
      field: 'mechanism',
      code: 'unknown_mechanism',
      message: `"mechanism" must be one of ${MECHANISMS.join(', ')}.`,
      params: { values: MECHANISMS.join(', ') },
    });
  }
  let id: string = newUuid();
  if (body.id !== undefined) {
    if (isReportId(body.id)) id = body.id;
    else problems.push({ field: 'id', code: 'invalid_id', message: '"id" must be a lower-case UUID.' });
  }
  let submissionType: ValidCreateReport['submissionType'] = null;
  if (body.submissionType !== undefined && body.submissionType !== null) {
    if (isSubmissionType(body.submissionType)) submissionType = body.submissionType;
    else problems.push({ field: 'submissionType', code: 'invalid_field', message: `"submissionType" must be one of ${SUBMISSION_TYPES.join(', ')}.`, params: { field: 'submissionType', values: SUBMISSION_TYPES.join(', ') } });
  }
  let language: string | null = null;
  if (body.language !== undefined && body.language !== null && body.language !== '') {
    if (isLanguageTag(body.language)) language = body.language;
    else problems.push({ field: 'language', code: 'invalid_language', message: '"language" must be a BCP 47 language tag such as "en", "fr" or "es".' });
  }
  if (body.encrypted !== undefined && typeof body.encrypted !== 'boolean') {
    problems.push({ field: 'encrypted', code: 'invalid_field', message: '"encrypted" must be true or false.', params: { field: 'encrypted' } });
  }
  const encrypted = body.encrypted === true;
  if (encrypted && body.template !== undefined && body.template !== false) {
    problems.push({ field: 'template', code: 'invalid_field', message: 'An encrypted report is filled in the browser: send no "template".' });
  }
  if (problems.length > 0 || !isMechanism(mechanism)) return { ok: false, problems };
  const template = chooseTemplate(body.template, mechanism, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { id, title, mechanism, stateUnderReview, template, submissionType, language, encrypted } };
}

/** `template`: absent or false for none, true for the mechanism's default, or a template that fits the mechanism. */
function chooseTemplate(value: unknown, mechanism: Mechanism, problems: Problem[]): TemplateId | null {
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return defaultTemplateFor(mechanism);
  if (!isTemplateId(value)) {
    problems.push({ field: 'template', code: 'unknown_template', message: `"template" must be true or one of ${TEMPLATE_IDS.join(', ')}.`, params: { values: TEMPLATE_IDS.join(', ') } });
    return null;
  }
  if (!templateFits(value, mechanism)) {
    problems.push({ field: 'template', code: 'template_mismatch', message: `The "${value}" template is not for ${mechanism} reports.`, params: { template: value, mechanism } });
    return null;
  }
  return value;
}

export const ACCOUNT_LIMITS = {
  passwordMinChars: 10,
  passwordMaxChars: 200,
  nameChars: 100,
  emailChars: 254,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  /** The token of an invitation link (a coalition's or an administrator's) or of the setup link. */
  invitation?: string;
}

function password(body: Record<string, unknown>, problems: Problem[], checkStrength: boolean): string {
  const value = body.password;
  if (typeof value !== 'string' || value.length === 0) {
    problems.push({ field: 'password', code: 'missing_field', message: '"password" is required.', params: { field: 'password' } });
    return '';
  }
  if (value.length > ACCOUNT_LIMITS.passwordMaxChars) {
    problems.push({ field: 'password', code: 'too_long', message: `The password is longer than ${ACCOUNT_LIMITS.passwordMaxChars} characters.`, params: { max: ACCOUNT_LIMITS.passwordMaxChars } });
  } else if (checkStrength && [...value].length < ACCOUNT_LIMITS.passwordMinChars) {
    problems.push({
      field: 'password',
      code: 'weak_password',
      message: `Choose a password of at least ${ACCOUNT_LIMITS.passwordMinChars} characters; a few unrelated words work well.`,
      params: { min: ACCOUNT_LIMITS.passwordMinChars },
    });
  }
  return value;
}

function email(body: Record<string, unknown>, problems: Problem[]): string {
  const value = text(body, 'email', ACCOUNT_LIMITS.emailChars, true, problems).toLowerCase();
  if (value && !EMAIL.test(value)) problems.push({ field: 'email', code: 'invalid_email', message: 'Enter a valid e-mail address.' });
  return value;
}

export function validateSignup(body: unknown): Validated<SignupInput> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const value = {
    email: email(body, problems),
    name: text(body, 'name', ACCOUNT_LIMITS.nameChars, true, problems),
    password: password(body, problems, true),
  };
  const invitation = body.invitation;
  if (invitation !== undefined && invitation !== null && invitation !== '') {
    if (typeof invitation !== 'string' || invitation.length > 200) {
      problems.push({ field: 'invitation', code: 'invalid_field', message: '"invitation" must be the token of an invitation link.' });
    } else return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { ...value, invitation } };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

export function validateLogin(body: unknown): Validated<{ email: string; password: string }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const value = { email: email(body, problems), password: password(body, problems, false) };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** A short required name (coalition, token), trimmed. */
export function validateName(body: unknown, field = 'name', maxChars = 200): Validated<string> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const value = text(body, field, maxChars, true, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Organisation names as a list of non-empty strings (at most 100, each at most 200 characters). */
export function validateOrganisations(value: unknown): Validated<string[]> {
  if (value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(value) || value.length > 100 || !value.every((v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 200)) {
    return {
      ok: false,
      problems: [{ field: 'organisations', code: 'invalid_field', message: '"organisations" must be a list of up to 100 organisation names.' }],
    };
  }
  return { ok: true, value: value.map((v: string) => v.trim()) };
}

/** Personal access tokens last 90 days unless asked otherwise, at most a year. */
export const TOKEN_LIMITS = { defaultDays: 90, maxDays: 365, nameChars: 200 } as const;

export function validateNewToken(body: unknown): Validated<{ name: string; expiresInDays: number }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const name = text(body, 'name', TOKEN_LIMITS.nameChars, true, problems);
  let expiresInDays: number = TOKEN_LIMITS.defaultDays;
  if (body.expiresInDays !== undefined) {
    const days = body.expiresInDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > TOKEN_LIMITS.maxDays) {
      problems.push({
        field: 'expiresInDays',
        code: 'invalid_field',
        message: `"expiresInDays" must be a whole number of days from 1 to ${TOKEN_LIMITS.maxDays}.`,
        params: { max: TOKEN_LIMITS.maxDays },
      });
    } else expiresInDays = days;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { name, expiresInDays } };
}

/** A new password follows the sign-up rules; the current one is only checked to be present. */
export function validatePasswordChange(body: unknown): Validated<{ currentPassword: string; newPassword: string }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const rename = (from: number, field: string) => {
    for (const p of problems.slice(from)) {
      p.field = field;
      p.message = p.message.replace('"password"', `"${field}"`);
    }
  };
  const currentPassword = password({ password: body.currentPassword }, problems, false);
  rename(0, 'currentPassword');
  const mark = problems.length;
  const newPassword = password({ password: body.newPassword }, problems, true);
  rename(mark, 'newPassword');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { currentPassword, newPassword } };
}

/** A request confirmed with the account's password (deleting the account). */
export function validatePasswordConfirmation(body: unknown): Validated<{ password: string }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const value = { password: password(body, problems, false) };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** `{ email }` of POST /api/auth/password-reset. */
export function validatePasswordResetRequest(body: unknown): Validated<{ email: string }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const value = { email: email(body, problems) };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** `{ token, newPassword }` of POST /api/auth/password-reset/confirm; the new password meets the sign-up rules. */
export function validatePasswordResetConfirm(body: unknown): Validated<{ token: string; newPassword: string }> {
  if (!isPlainObject(body)) return { ok: false, problems: [{ field: '', code: 'invalid_body', message: 'Expected a JSON object.' }] };
  const problems: Problem[] = [];
  const token = typeof body.token === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(body.token) ? body.token : '';
  if (!token) problems.push({ field: 'token', code: 'invalid_token', message: 'This link is not valid. Ask for a new one.' });
  const pw = password({ password: body.newPassword }, problems, true);
  for (const p of problems) if (p.field === 'password') p.field = 'newPassword';
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { token, newPassword: pw } };
}
