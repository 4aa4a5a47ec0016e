/**
 * A report deleted for good (from the trash) cannot be read back from the SQLite files: the database overwrites deleted content with zeros
 * (secure_delete) and the write-ahead log is emptied after the deletion, so neither the .sqlite file nor its -wal
 * holds the text any more. (PostgreSQL keeps dead rows until VACUUM: see docs/security/versions-and-deletion.md.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

function holds(file: string, marker: string): boolean {
  if (!fs.existsSync(file)) return false;
  return fs.readFileSync(file).includes(Buffer.from(marker, 'utf8'));
}

describe('Deleting a report for good on SQLite', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let file: string;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    file = path.join(storage.env.DATA_DIR!, 'rightsdraft.sqlite');
    // Compaction after a few rows, so some of the marker's rows have been replaced before the report is deleted.
    server = await startTestServer(storage, { compactAfterRows: 4 });
    owner = await signUp(server.url, { name: 'Olga' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('leaves no trace of its text, title or versions in the database file or its write-ahead log', async () => {
    const marker = `WITNESS-${randomBytes(8).toString('hex')}`;
    const report = await createReport(server.url, owner, { title: `Shadow report ${marker}` });
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    const section = addSection(client.doc, { title: `Detention ${marker}` });
    for (let i = 0; i < 8; i++) typeParagraph(client.doc, section, `Testimony ${i} of ${marker}, held in the basement.`);
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections[0]?.text.includes('Testimony 7') ?? false);
    expect((await api(server.url, `/api/reports/${report.id}/versions`, { as: owner, body: { name: `Sent ${marker}` } })).status).toBe(201);
    // The marker is really in the files before the deletion (else the test below would prove nothing).
    expect(holds(file, marker) || holds(`${file}-wal`, marker)).toBe(true);

    client.destroy();
    // Deleting puts it in the trash; deleting it from the trash erases it.
    expect((await api(server.url, `/api/reports/${report.id}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    expect((await api(server.url, `/api/reports/${report.id}?purge=true`, { as: owner, method: 'DELETE' })).status).toBe(204);

    // While the server runs: neither file holds it.
    expect(holds(file, marker)).toBe(false);
    expect(holds(`${file}-wal`, marker)).toBe(false);
    // After the server has closed the database too.
    await server.close();
    expect(holds(file, marker)).toBe(false);
    expect(holds(`${file}-wal`, marker)).toBe(false);
  });
});
