/** Accounts: sign-up, sign-in, passwords, sessions, API tokens, language, keys; the administrator's settings. */
import * as S from '../../../../../shared/api/schemas/accounts.ts';
import * as E from '../../../../../shared/api/schemas/e2ee.ts';
import type { RouteDoc } from '../RouteDoc.ts';

const tag = 'Accounts';

export const accountRoutes: RouteDoc[] = [
  { method: 'POST', path: '/api/auth/signup', tag, access: 'public', summary: 'Create an account (a confirmation mail is sent when mail is set up)', body: S.Signup, success: { status: 201, description: 'The account, signed in; or `{ confirm: true }` when the address must be confirmed first.' }, errors: { 409: 'An account has this address, or registration is closed.' } },
  { method: 'POST', path: '/api/auth/signup/confirm', tag, access: 'secret-link', summary: 'Confirm an e-mail address', body: S.Token, success: { status: 201, description: 'Confirmed and signed in.' }, errors: { 410: 'The link expired.' } },
  { method: 'POST', path: '/api/auth/login', tag, access: 'public', summary: 'Sign in (sets the session cookie)', body: S.Login, success: { status: 200, description: 'The account.' }, errors: { 401: 'Wrong address or password.' } },
  { method: 'POST', path: '/api/auth/logout', tag, access: 'public', summary: 'Sign out this session (answers the same when not signed in)', success: { status: 200, description: 'Signed out.' } },
  { method: 'GET', path: '/api/auth/first-run', tag, access: 'public', summary: 'Whether the instance still needs its administrator, and who may sign up', success: { status: 200, description: '`{ firstRun, registration, setupLinkNeeded, mail }`.' } },
  { method: 'GET', path: '/api/auth/me', tag, access: 'signed-in', summary: 'Who you are', success: { status: 200, description: 'Your account.' } },
  { method: 'DELETE', path: '/api/auth/me', tag, access: 'signed-in', summary: 'Delete your account', body: S.PasswordConfirmation, success: { status: 204, description: 'Deleted, with what only you could reach.' }, errors: { 409: 'You own reports others still use: hand them over first.' } },
  { method: 'GET', path: '/api/auth/me/export', tag, access: 'signed-in', summary: 'Everything the instance holds about you', success: { status: 200, description: 'A JSON file.' } },
  { method: 'GET', path: '/api/auth/me/language', tag, access: 'signed-in', summary: 'Your interface language', success: { status: 200, description: '`{ language }`.' } },
  { method: 'PUT', path: '/api/auth/me/language', tag, access: 'signed-in', summary: 'Keep your interface language', body: S.Language, success: { status: 200, description: '`{ language }`.' } },
  { method: 'POST', path: '/api/auth/password', tag, access: 'signed-in', summary: 'Change your password (other sessions end)', body: S.PasswordChange, success: { status: 204, description: 'Changed.' } },
  { method: 'POST', path: '/api/auth/password-reset', tag, access: 'public', summary: 'Ask for a password-reset mail', body: S.PasswordResetRequest, success: { status: 202, description: 'A mail is sent if an account has this address (the answer is the same either way).' } },
  { method: 'POST', path: '/api/auth/password-reset/keys', tag, access: 'secret-link', summary: 'The encryption keys a reset must re-wrap', body: S.Token, success: { status: 200, description: '`{ keys: { signPublic, recoveryWrap } | null }`.' } },
  { method: 'POST', path: '/api/auth/password-reset/confirm', tag, access: 'secret-link', summary: 'Set a new password with a reset link', body: S.PasswordResetConfirm, success: { status: 204, description: 'Changed; sign in with the new password.' }, errors: { 410: 'The link expired or was used.' } },
  { method: 'GET', path: '/api/auth/sessions', tag, access: 'signed-in', summary: 'Your signed-in sessions', success: { status: 200, description: 'Each with its device, address and last use.' } },
  { method: 'DELETE', path: '/api/auth/sessions/:id', tag, access: 'signed-in', summary: 'End one session', success: { status: 204, description: 'Ended; its connections close.' } },
  { method: 'DELETE', path: '/api/auth/sessions', tag, access: 'signed-in', summary: 'End every other session', success: { status: 204, description: 'Ended.' } },
  { method: 'POST', path: '/api/auth/tokens', tag, access: 'signed-in', summary: 'Make an API token for scripts', body: S.NewApiToken, success: { status: 201, description: 'The token, shown this once.' } },
  { method: 'GET', path: '/api/auth/tokens', tag, access: 'signed-in', summary: 'Your API tokens', success: { status: 200, description: 'Names, dates and last use (never the tokens).' } },
  { method: 'DELETE', path: '/api/auth/tokens/:id', tag, access: 'signed-in', summary: 'Revoke an API token', success: { status: 204, description: 'Revoked.' } },
  { method: 'GET', path: '/api/auth/me/keys', tag: 'Encryption', access: 'signed-in', summary: 'Your encryption keys (public keys and wrapped private keys)', success: { status: 200, description: '`{ keys | null }`.' } },
  { method: 'POST', path: '/api/auth/me/keys', tag: 'Encryption', access: 'signed-in', summary: 'Set up your encryption keys', body: E.AccountKeys, success: { status: 201, description: 'Kept.' }, errors: { 409: 'You have keys already.' } },
  { method: 'PUT', path: '/api/auth/me/keys', tag: 'Encryption', access: 'signed-in', summary: 'Re-wrap your private keys (new password or recovery code)', body: E.AccountKeysRewrap, success: { status: 200, description: 'Kept.' } },
  { method: 'GET', path: '/api/reports/:id/e2ee', tag: 'Encryption', access: 'report-reader', summary: 'A report’s key generation, your wrapped key and the members’ public keys', success: { status: 200, description: 'What a member’s client needs to read and share the report key.' } },
  { method: 'POST', path: '/api/reports/:id/e2ee/keys', tag: 'Encryption', access: 'report-reader', summary: 'Share or rotate the report key, wrapped for members', body: E.ReportKeys, success: { status: 200, description: 'Stored; members’ clients are told.' }, errors: { 409: 'Another generation was stored meanwhile.' } },
  { method: 'GET', path: '/api/reports/:id/encrypted-versions', tag: 'Encryption', access: 'report-reader', summary: 'Versions of an encrypted report (sealed; names are inside)', success: { status: 200, description: '`{ versions }`: id, key generation, maker, time and size of each, newest first.' }, errors: { 409: '`not_encrypted`: use /versions.' } },
  {
    method: 'POST', path: '/api/reports/:id/encrypted-versions', tag: 'Encryption', access: 'report-writer', summary: 'Keep a version sealed in the browser', body: E.EncryptedVersion,
    success: { status: 201, description: 'The version’s id, generation, maker, time and size.' },
    errors: { 409: '`stale_generation` (sealed with an older key), `too_many_versions`, `not_encrypted`.', 413: '`report_full`: the report would pass REPORT_MAX_BYTES.' },
  },
  { method: 'GET', path: '/api/reports/:id/encrypted-versions/:versionId', tag: 'Encryption', access: 'report-reader', summary: 'One sealed version', success: { status: 200, description: 'Its id, generation, maker, time, size and `data` (base64), opened in the browser.' }, errors: { 409: '`not_encrypted`.' } },
  { method: 'DELETE', path: '/api/reports/:id/encrypted-versions/:versionId', tag: 'Encryption', access: 'report-owner', summary: 'Delete a sealed version', success: { status: 204, description: 'Deleted.' }, errors: { 409: '`not_encrypted`.' } },
  { method: 'GET', path: '/api/admin/settings', tag: 'Administration', access: 'administrator', summary: 'The instance’s settings', success: { status: 200, description: '`{ registration }`.' } },
  { method: 'PATCH', path: '/api/admin/settings', tag: 'Administration', access: 'administrator', summary: 'Who may create an account', body: S.RegistrationSettings, success: { status: 200, description: '`{ registration }`.' } },
  { method: 'POST', path: '/api/admin/invitations', tag: 'Administration', access: 'administrator', summary: 'A link that lets one person create an account', success: { status: 201, description: '`{ id, url, expiresAt }`.' } },
  { method: 'GET', path: '/api/admin/users', tag: 'Administration', access: 'administrator', summary: 'The instance’s accounts', success: { status: 200, description: 'Each with name, address, when made and whether it is turned off.' } },
  { method: 'PATCH', path: '/api/admin/users/:id', tag: 'Administration', access: 'administrator', summary: 'Turn an account off or on', body: S.UserChange, success: { status: 200, description: 'The account.' }, errors: { 409: 'You cannot turn off your own account.' } },
];
