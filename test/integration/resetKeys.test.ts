/**
 * Issue 11, password reset by mail and end-to-end keys: the reset link shows whether the account has keys and
 * their recovery-code copy; with the keys wrapped again with the new password (done in the browser with the
 * recovery code) they open with it; without, the stored wraps stay as they were, so only the old password or the
 * recovery code opens them. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateAccountKeys,
  newRecoveryCode,
  publicKeysOf,
  unwrapWithPassword,
  unwrapWithRecoveryCode,
  wrapWithPassword,
  wrapWithRecoveryCode,
  type WrappedSecret,
} from '../../shared/e2ee/accountKeys.ts';
import { issueResetToken } from '../../server/src/auth/PasswordReset.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

interface StoredKeys {
  signPublic: string;
  passwordWrap: WrappedSecret;
  recoveryWrap: WrappedSecret;
}

async function withKeys(server: TestServer, user: TestUser) {
  const keys = generateAccountKeys();
  const code = newRecoveryCode();
  const made = await api(server.url, '/api/auth/me/keys', {
    as: user,
    body: { ...publicKeysOf(keys), passwordWrap: await wrapWithPassword(keys, user.password), recoveryWrap: wrapWithRecoveryCode(keys, code) },
  });
  expect(made.status).toBe(201);
  return { keys, code };
}

async function signIn(server: TestServer, email: string, password: string): Promise<TestUser | null> {
  const res = await api(server.url, '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) return null;
  const cookie = (res.headers.get('set-cookie') ?? '').match(/rd_session=[^;]+/)![0];
  return { id: '', email, name: '', password, cookie };
}

describe.each(STORAGE_KINDS)('Password reset and end-to-end keys on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('keeps the keys readable with the new password when the recovery code wraps them again', async () => {
    const user = await signUp(server.url);
    const { keys, code } = await withKeys(server, user);
    const token = (await issueResetToken(server.storage, user.id))!;

    const shown = await api<{ keys: { signPublic: string; recoveryWrap: WrappedSecret } | null }>(server.url, '/api/auth/password-reset/keys', { body: { token } });
    expect(shown.status).toBe(200);
    expect(shown.body.keys!.signPublic).toBe(publicKeysOf(keys).signPublic);
    // Only the recovery code opens what the link shows.
    expect(unwrapWithRecoveryCode(shown.body.keys!.recoveryWrap, newRecoveryCode())).toBeNull();
    const opened = unwrapWithRecoveryCode(shown.body.keys!.recoveryWrap, code)!;
    expect(publicKeysOf(opened).signPublic).toBe(publicKeysOf(keys).signPublic);

    // A wrap that is not one is refused, and the link still works.
    const bad = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset/confirm', {
      body: { token, newPassword: 'a brand new long password', passwordWrap: { nope: true } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_wrap');
    expect((await api(server.url, '/api/auth/password-reset/keys', { body: { token } })).status).toBe(200);

    const newPassword = 'a brand new long password';
    const done = await api(server.url, '/api/auth/password-reset/confirm', {
      body: { token, newPassword, passwordWrap: await wrapWithPassword(opened, newPassword) },
    });
    expect(done.status).toBe(204);
    // The link is used up, for the keys too.
    expect((await api(server.url, '/api/auth/password-reset/keys', { body: { token } })).status).toBe(410);

    const again = (await signIn(server, user.email, newPassword))!;
    const stored = await api<StoredKeys>(server.url, '/api/auth/me/keys', { as: again });
    const reopened = await unwrapWithPassword(stored.body.passwordWrap, newPassword);
    expect(reopened && publicKeysOf(reopened).signPublic).toBe(publicKeysOf(keys).signPublic);
  }, 120_000);

  it('without the recovery code, leaves the keys closed to the new password', async () => {
    const user = await signUp(server.url);
    const { keys, code } = await withKeys(server, user);
    const token = (await issueResetToken(server.storage, user.id))!;
    const newPassword = 'another brand new password';
    expect((await api(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword } })).status).toBe(204);

    const again = (await signIn(server, user.email, newPassword))!;
    const stored = await api<StoredKeys>(server.url, '/api/auth/me/keys', { as: again });
    expect(await unwrapWithPassword(stored.body.passwordWrap, newPassword)).toBeNull();
    // The recovery code still opens them later, on a report's page.
    expect(publicKeysOf(unwrapWithRecoveryCode(stored.body.recoveryWrap, code)!).signPublic).toBe(publicKeysOf(keys).signPublic);
  }, 120_000);

  it('says an account without keys has nothing encrypted, and refuses dead or malformed links', async () => {
    const user = await signUp(server.url);
    const token = (await issueResetToken(server.storage, user.id))!;
    const shown = await api(server.url, '/api/auth/password-reset/keys', { body: { token } });
    expect(shown).toMatchObject({ status: 200, body: { keys: null } });
    const unknown = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset/keys', { body: { token: 'x'.repeat(40) } });
    expect(unknown.status).toBe(410);
    expect(unknown.body.error.code).toBe('link_expired');
    for (const body of [{}, { token: 42 }, { token: 'not a token!' }]) {
      const res = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset/keys', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_token');
    }
  });
});
