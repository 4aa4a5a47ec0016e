/**
 * Text deleted in the editor of a live report cannot be read back from the SQLite files once its rows have been
 * compacted: compaction replaces the rows that held it (secure_delete zeroes them) and the server then empties
 * the write-ahead log, whose frames would otherwise keep the old pages. (PostgreSQL keeps dead rows until VACUUM:
 * see docs/security/versions.md.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';

function holds(file: string, marker: string): boolean {
  if (!fs.existsSync(file)) return false;
  return fs.readFileSync(file).includes(Buffer.from(marker, 'utf8'));
}

describe('Text deleted in a live report on SQLite', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let file: string;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    file = path.join(storage.env.DATA_DIR!, 'rightsdraft.sqlite');
    server = await startTestServer(storage, { compactAfterRows: 4 });
    owner = await signUp(server.url, { name: 'Olga' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('is gone from the database file and its write-ahead log once the rows that held it are compacted', async () => {
    const marker = `WITNESS-${randomBytes(8).toString('hex')}`;
    const report = await createReport(server.url, owner, { title: 'Shadow report' });
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    const section = addSection(client.doc, { title: 'Detention' });
    typeParagraph(client.doc, section, 'The State should adopt a law.');
    typeParagraph(client.doc, section, `The name of the witness is ${marker}.`);
    const text = async () => (await getContent(server.url, owner, report.id)).sections[0]?.text ?? '';
    await waitFor(async () => (await text()).includes(marker), 10_000, 'the marker stored');
    expect(holds(file, marker) || holds(`${file}-wal`, marker)).toBe(true);

    // Someone removes the name in the editor, and the team writes on (compaction replaces the rows).
    getSectionBody(client.doc, section)!.delete(1, 1);
    for (let i = 0; i < 8; i++) typeParagraph(client.doc, section, `Testimony ${i}, held in the basement.`);
    await waitFor(async () => (await text()).includes('Testimony 7'), 10_000, 'the later paragraphs stored');
    expect(await text()).not.toContain(marker);

    await waitFor(() => !holds(file, marker) && !holds(`${file}-wal`, marker), 15_000, 'the marker gone from both files');
    client.destroy();
  });
});
