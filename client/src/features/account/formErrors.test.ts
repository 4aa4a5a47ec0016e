import { beforeAll, describe, expect, it } from 'vitest';
import { validateLogin, validateSignup } from '../../../../shared/api/validate.ts';
import { ApiError, NetworkError } from '../../api/http.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { apiErrorToErrors, problemsToErrors, tooManyAttemptsMessage } from './formErrors.ts';

beforeAll(() => initI18n('en'));

function problems(result: ReturnType<typeof validateSignup>) {
  return result.ok ? [] : result.problems;
}

describe('problemsToErrors', () => {
  it('puts one message beside each field, using the shared validators', () => {
    expect(problemsToErrors(problems(validateSignup({ email: '', password: '', name: '' })))).toEqual({
      email: 'Enter your e-mail address.',
      password: 'Enter your password.',
      name: 'Enter your name, as your co-authors know you.',
    });
    expect(problemsToErrors(problems(validateSignup({ email: 'amina@', password: 'short', name: 'Amina' })))).toEqual({
      email: 'Enter a valid e-mail address.',
      password: 'Choose a password of at least 10 characters; a few unrelated words work well.',
    });
  });

  it('does not judge the strength of a password when signing in', () => {
    const login = validateLogin({ email: 'amina@example.org', password: 'short' });
    expect(login.ok).toBe(true);
  });
});

describe('apiErrorToErrors', () => {
  it('says when to try again after too many attempts', () => {
    expect(apiErrorToErrors(new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins.', undefined, 600))).toEqual({
      form: 'Too many attempts — try again in 10 minutes.',
    });
    expect(tooManyAttemptsMessage(30)).toBe('Too many attempts — try again in 1 minute.');
    expect(tooManyAttemptsMessage(undefined)).toBe('Too many attempts — try again in a few minutes.');
  });

  it('puts a taken e-mail address and field errors beside their field, the rest above the form', () => {
    expect(apiErrorToErrors(new ApiError(409, 'email_taken', 'An account with this e-mail address exists already.'))).toEqual({
      email: 'An account with this e-mail address exists already.',
    });
    expect(apiErrorToErrors(new ApiError(400, 'weak_password', 'Choose a longer one.', 'password'))).toEqual({ password: 'Choose a longer one.' });
    expect(apiErrorToErrors(new ApiError(401, 'invalid_credentials', 'The e-mail address or password is not right.'))).toEqual({
      form: 'The e-mail address or password is not right.',
    });
    expect(apiErrorToErrors(new NetworkError('offline')).form).toMatch(/Can’t reach the server/);
  });
});
