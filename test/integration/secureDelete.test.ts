/**
 * A report deleted for good (from the trash) cannot be read back from the SQLite files: the database overwrites deleted content with zeros
 * (secure_delete) and the write-ahead log is emptied after the deletion, so neither the .sqlite file nor its -wal
 * holds the text any more. (PostgreSQL keeps dead rows until VACUUM: see docs/security/versions-and-deletion.md.)
 */
import { describe, expect, it } from 'vitest';
import { addSection } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { holds, useSqliteServer, witnessMarker } from '../helpers/sqliteFiles.ts';
import { typeParagraph } from '../helpers/typing.ts';

describe('Deleting a report for good on SQLite', () => {
  const sqlite = useSqliteServer();

  it('leaves no trace of its text, title or versions in the database file or its write-ahead log', async () => {
    const marker = witnessMarker();
    const report = await createReport(sqlite.server.url, sqlite.owner, { title: `Shadow report ${marker}` });
    const client = connectClient(sqlite.server.wsUrl, report.id, sqlite.owner);
    await client.synced;
    const section = addSection(client.doc, { title: `Detention ${marker}` });
    for (let i = 0; i < 8; i++) typeParagraph(client.doc, section, `Testimony ${i} of ${marker}, held in the basement.`);
    await waitFor(async () => (await getContent(sqlite.server.url, sqlite.owner, report.id)).sections[0]?.text.includes('Testimony 7') ?? false);
    expect((await api(sqlite.server.url, `/api/reports/${report.id}/versions`, { as: sqlite.owner, body: { name: `Sent ${marker}` } })).status).toBe(201);
    // The marker is really in the files before the deletion (else the test below would prove nothing).
    expect(holds(sqlite.file, marker) || holds(`${sqlite.file}-wal`, marker)).toBe(true);

    client.destroy();
    // Deleting puts it in the trash; deleting it from the trash erases it.
    expect((await api(sqlite.server.url, `/api/reports/${report.id}`, { as: sqlite.owner, method: 'DELETE' })).status).toBe(200);
    expect((await api(sqlite.server.url, `/api/reports/${report.id}?purge=true`, { as: sqlite.owner, method: 'DELETE' })).status).toBe(204);

    // While the server runs: neither file holds it.
    expect(holds(sqlite.file, marker)).toBe(false);
    expect(holds(`${sqlite.file}-wal`, marker)).toBe(false);
    // After the server has closed the database too.
    await sqlite.server.close();
    expect(holds(sqlite.file, marker)).toBe(false);
    expect(holds(`${sqlite.file}-wal`, marker)).toBe(false);
  });
});
