/**
 * Reports made before accounts existed (schema version 1) survive the upgrade and are adopted by the first
 * administrator, with their content, on both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, initReport } from '../../shared/report/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { PostgresDriver } from '../../server/src/storage/sql/PostgresDriver.ts';
import { SqliteDriver } from '../../server/src/storage/sql/SqliteDriver.ts';
import type { SqlDriver } from '../../server/src/storage/sql/SqlDriver.ts';
import { MIGRATIONS, migrationSql } from '../../server/src/storage/sql/migrations.ts';
import { SqlStorage } from '../../server/src/storage/sql/SqlStorage.ts';
import { api, getContent, signUp } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

function driverFor(ts: TestStorage): SqlDriver {
  return ts.kind === 'sqlite' ? new SqliteDriver(`${ts.env.DATA_DIR}/rightsdraft.sqlite`) : new PostgresDriver(ts.env.DATABASE_URL!, 2);
}

describe.each(STORAGE_KINDS)('Upgrading a database from before accounts on %s', (kind) => {
  let ts: TestStorage;
  let server: TestServer;
  const reportId = crypto.randomUUID();

  beforeAll(async () => {
    ts = await createTestStorage(kind);
    // Build a version-1 database by hand, as the first release left it.
    const db = driverFor(ts);
    await db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    await db.exec(migrationSql(MIGRATIONS[0]!, db.dialect));
    await db.run('INSERT INTO schema_migrations VALUES (?, ?, ?)', [1, MIGRATIONS[0]!.name, new Date().toISOString()]);
    const doc = new Y.Doc();
    initReport(doc, { title: 'Written before accounts', mechanism: 'CEDAW', stateUnderReview: 'Ruritania', editorSchemaVersion: 1 });
    const section = addSection(doc, { title: 'Article 10' });
    typeParagraph(doc, section, 'Girls from rural areas leave school early.');
    const now = new Date().toISOString();
    await db.run('INSERT INTO reports (id, title, mechanism, state_under_review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
      reportId,
      'Written before accounts',
      'CEDAW',
      'Ruritania',
      now,
      now,
    ]);
    await db.run('INSERT INTO document_updates (doc_name, data) VALUES (?, ?)', [roomName(reportId), Y.encodeStateAsUpdate(doc)]);
    await db.close();
    server = await startTestServer(ts);
  });
  afterAll(async () => {
    await server.close();
    await ts.destroy();
  });

  it('applies the accounts migration and gives the old report to the first administrator, content intact', async () => {
    expect(await (server.storage as SqlStorage).appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    const admin = await signUp(server.url, { name: 'Instance admin' });
    const list = await api<{ reports: { id: string; role: string }[] }>(server.url, '/api/reports', { as: admin });
    expect(list.body.reports).toEqual([expect.objectContaining({ id: reportId, role: 'owner' })]);
    const content = await getContent(server.url, admin, reportId);
    expect(content.title).toBe('Written before accounts');
    expect(content.sections[0]!.text).toBe('Girls from rural areas leave school early.');
    // A later account does not get it.
    const later = await signUp(server.url);
    expect((await api(server.url, `/api/reports/${reportId}`, { as: later })).status).toBe(404);
  });
});
