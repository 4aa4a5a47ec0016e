/**
 * Upgrading to schema 6 keeps everyone signed in: sessions from before get a public id and a last use, tokens from
 * before get an expiry 90 days after the upgrade, and both keep working, on both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../../server/src/auth/tokens.ts';
import { PostgresDriver } from '../../server/src/storage/sql/PostgresDriver.ts';
import { SqliteDriver } from '../../server/src/storage/sql/SqliteDriver.ts';
import type { SqlDriver } from '../../server/src/storage/sql/SqlDriver.ts';
import { MIGRATIONS, migrationSql } from '../../server/src/storage/sql/migrations.ts';
import { api } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

function driverFor(ts: TestStorage): SqlDriver {
  return ts.kind === 'sqlite' ? new SqliteDriver(`${ts.env.DATA_DIR}/rightsdraft.sqlite`) : new PostgresDriver(ts.env.DATABASE_URL!, 2);
}

describe.each(STORAGE_KINDS)('Upgrading sessions and tokens to schema 6 on %s', (kind) => {
  let ts: TestStorage;
  let server: TestServer;
  const sessionToken = newSecret();
  const accessToken = `rdpat_${newSecret()}`;
  const userId = crypto.randomUUID();
  let upgradedAt = 0;

  beforeAll(async () => {
    ts = await createTestStorage(kind);
    // The schema as it was before version 6, with a signed-in person and their token.
    const db = driverFor(ts);
    await db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version < 6)) {
      await db.exec(migrationSql(m, db.dialect));
      await db.run('INSERT INTO schema_migrations VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    }
    const created = new Date(Date.now() - 3600_000).toISOString();
    await db.run('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, 1, ?)', [userId, 'old@example.org', 'Old Timer', 'x', created]);
    await db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      hashSecret(sessionToken),
      userId,
      created,
      new Date(Date.now() + 86_400_000).toISOString(),
    ]);
    await db.run('INSERT INTO access_tokens (id, token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)', [crypto.randomUUID(), hashSecret(accessToken), userId, 'old tool', created]);
    await db.close();
    upgradedAt = Date.now();
    server = await startTestServer(ts);
  });
  afterAll(async () => {
    await server?.close();
    await ts.destroy();
  });

  it('keeps the session signed in and lists it with an id and its last use', async () => {
    const as = { id: userId, email: 'old@example.org', name: 'Old Timer', password: '', cookie: `rd_session=${sessionToken}` };
    expect((await api(server.url, '/api/auth/me', { as })).status).toBe(200);
    const list = await api<{ sessions: { id: string; current: boolean; createdAt: string; lastUsedAt: string; device: string }[] }>(server.url, '/api/auth/sessions', { as });
    expect(list.body.sessions).toHaveLength(1);
    expect(list.body.sessions[0]).toMatchObject({ current: true, device: '' });
    expect(list.body.sessions[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(list.body.sessions[0]!.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(list.body.sessions[0]!.createdAt));
  });

  it('gives an older token an expiry 90 days after the upgrade, and keeps it working until then', async () => {
    const me = await api(server.url, '/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    const tokens = await api<{ tokens: { name: string; expiresAt: string }[] }>(server.url, '/api/auth/tokens', { headers: { authorization: `Bearer ${accessToken}` } });
    const days = (Date.parse(tokens.body.tokens[0]!.expiresAt) - upgradedAt) / 86_400_000;
    expect(tokens.body.tokens[0]!.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
  });
});
