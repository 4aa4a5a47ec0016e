/**
 * Errors of the account forms: shared validators' problems and the API's `{ error: { code, message, field } }`
 * turned into one message per field. Pure, so the wording is unit-tested.
 */
import { ACCOUNT_LIMITS, type Problem } from '../../../../shared/api/validate.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { t } from '../../i18n/i18n.ts';

export type AccountField = 'email' | 'password' | 'name';
export type FormErrors = Partial<Record<AccountField | 'form', string>>;

/** The message keys of an empty field (translated when the error is made). */
const MISSING: Record<AccountField, string> = {
  email: 'accountUi.formErrors.missingEmail',
  password: 'accountUi.formErrors.missingPassword',
  name: 'accountUi.formErrors.missingName',
};

function isField(field: string | undefined): field is AccountField {
  return field === 'email' || field === 'password' || field === 'name';
}

/** The first problem of each field, in words for a person (the validators' own wording is for API clients). */
export function problemsToErrors(problems: Problem[]): FormErrors {
  const errors: FormErrors = {};
  for (const p of problems) {
    const field = isField(p.field) ? p.field : 'form';
    if (errors[field]) continue;
    if (p.code === 'missing_field' && field !== 'form') errors[field] = t(MISSING[field]);
    else if (p.code === 'too_long' && field === 'name') errors.name = t('accountUi.formErrors.nameTooLong', { max: ACCOUNT_LIMITS.nameChars });
    else if (p.code === 'too_long' && field === 'email') errors.email = t('accountUi.formErrors.emailTooLong');
    else errors[field] = p.message;
  }
  return errors;
}

/** "Too many attempts — try again in 3 minutes", from a 429's Retry-After. */
export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  if (!retryAfterSeconds) return t('accountUi.formErrors.tooManyAttempts');
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return t('accountUi.formErrors.tooManyAttemptsIn', { minutes });
}

/** An error from the auth API, beside the field it concerns or above the form. */
export function apiErrorToErrors(err: unknown): FormErrors {
  if (err instanceof ApiError) {
    if (err.status === 429) return { form: tooManyAttemptsMessage(err.retryAfterSeconds) };
    if (err.code === 'email_taken') return { email: err.message };
    if (isField(err.field)) return { [err.field]: err.message };
  }
  return { form: describeError(err) };
}
