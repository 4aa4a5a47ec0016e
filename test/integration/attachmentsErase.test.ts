/**
 * A deleted attachment, and the attachments of a report purged from the trash, cannot be read back from the SQLite
 * files (secure_delete and the emptied write-ahead log, as for a report's text).
 */
import { describe, expect, it } from 'vitest';
import { api, createReport } from '../helpers/clients.ts';
import { holds, useSqliteServer, witnessMarker } from '../helpers/sqliteFiles.ts';

async function uploadText(baseUrl: string, reportId: string, cookie: string, text: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([text], { type: 'text/plain' }), 'testimony.txt');
  const res = await fetch(`${baseUrl}/api/reports/${reportId}/attachments`, { method: 'POST', body: form, headers: { cookie } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('Deleting attachments on SQLite', () => {
  const sqlite = useSqliteServer();

  it('leaves no trace of a deleted file, nor of the files of a report purged from the trash', async () => {
    const { url } = sqlite.server;
    const report = await createReport(url, sqlite.owner);
    const deletedOne = witnessMarker();
    const id = await uploadText(url, report.id, sqlite.owner.cookie, `Statement of ${deletedOne}, who lives on Acacia Street.`);
    const purgedOne = witnessMarker();
    await uploadText(url, report.id, sqlite.owner.cookie, `Statement of ${purgedOne}.`);
    const inFiles = (marker: string) => holds(sqlite.file, marker) || holds(`${sqlite.file}-wal`, marker);
    expect(inFiles(deletedOne) && inFiles(purgedOne)).toBe(true);

    expect((await api(url, `/api/reports/${report.id}/attachments/${id}`, { as: sqlite.owner, method: 'DELETE' })).status).toBe(204);
    expect(inFiles(deletedOne)).toBe(false);
    expect(inFiles(purgedOne)).toBe(true);

    expect((await api(url, `/api/reports/${report.id}`, { as: sqlite.owner, method: 'DELETE' })).status).toBe(200);
    expect((await api(url, `/api/reports/${report.id}?purge=true`, { as: sqlite.owner, method: 'DELETE' })).status).toBe(204);
    expect(inFiles(purgedOne)).toBe(false);
  });
});
