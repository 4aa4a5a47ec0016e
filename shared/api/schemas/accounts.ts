/** Request bodies of /api/auth, /api/admin and the account's own settings. */
import { z } from 'zod';
import { ACCOUNT_LIMITS, TOKEN_LIMITS } from '../validate.ts';
import { body, email, password, requiredText } from './common.ts';
import { wrappedSecret } from './e2ee.ts';

export const Signup = body({
  name: requiredText(ACCOUNT_LIMITS.nameChars, 'The name others see.'),
  email,
  password,
  invitation: z.string().max(200).nullable().optional().meta({ description: 'The token of a coalition or instance invitation link.' }),
}).meta({ examples: [{ name: 'Amina', email: 'amina@example.org', password: 'a long pass phrase' }] });

export const Token = body({ token: requiredText(200, 'The token from the link in the e-mail.') });

export const Login = body({ email, password }).meta({ examples: [{ email: 'amina@example.org', password: 'a long pass phrase' }] });

export const PasswordResetRequest = body({ email });

export const PasswordResetConfirm = body({
  token: requiredText(200, 'The token from the reset link.'),
  newPassword: password,
  passwordWrap: wrappedSecret('The account’s private keys re-wrapped under the new password, made in the browser with the recovery code (docs/ENCRYPTION.md).').optional(),
});

export const NewApiToken = body({
  name: requiredText(TOKEN_LIMITS.nameChars, 'What the token is for.'),
  expiresInDays: z.number().int().min(1).max(TOKEN_LIMITS.maxDays).optional().meta({ description: `Days until it stops working (default ${TOKEN_LIMITS.defaultDays}).` }),
}).meta({ examples: [{ name: 'Coalition script', expiresInDays: 30 }] });

export const PasswordChange = body({ currentPassword: password, newPassword: password });

export const PasswordConfirmation = body({ password });

export const Language = body({
  language: z.string().max(35).meta({ description: 'One of the interface languages: ar, zh, en, fr, ru, es.' }),
}).meta({ examples: [{ language: 'fr' }] });

export const RegistrationSettings = body({
  registration: z.enum(['open', 'invite', 'closed']).meta({ description: 'Who may create an account.' }),
});

export const UserChange = body({ disabled: z.boolean() });
