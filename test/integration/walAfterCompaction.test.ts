/**
 * Text deleted in the editor of a live report cannot be read back from the SQLite files once its rows have been
 * compacted: compaction replaces the rows that held it (secure_delete zeroes them) and the server then empties
 * the write-ahead log, whose frames would otherwise keep the old pages. (PostgreSQL keeps dead rows until VACUUM:
 * see docs/security/versions.md.)
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { newUuid } from '../../shared/api/uuid.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { holds, useSqliteServer, witnessMarker } from '../helpers/sqliteFiles.ts';
import { typeParagraph } from '../helpers/typing.ts';

describe('Text deleted in a live report, or in dropped versions, on SQLite', () => {
  const sqlite = useSqliteServer();

  it('is gone from the database file and its write-ahead log once the rows that held it are compacted', async () => {
    const marker = witnessMarker();
    const report = await createReport(sqlite.server.url, sqlite.owner, { title: 'Shadow report' });
    const client = connectClient(sqlite.server.wsUrl, report.id, sqlite.owner);
    await client.synced;
    const section = addSection(client.doc, { title: 'Detention' });
    typeParagraph(client.doc, section, 'The State should adopt a law.');
    typeParagraph(client.doc, section, `The name of the witness is ${marker}.`);
    const text = async () => (await getContent(sqlite.server.url, sqlite.owner, report.id)).sections[0]?.text ?? '';
    await waitFor(async () => (await text()).includes(marker), 10_000, 'the marker stored');
    expect(holds(sqlite.file, marker) || holds(`${sqlite.file}-wal`, marker)).toBe(true);

    // Someone removes the name in the editor, and the team writes on (compaction replaces the rows).
    getSectionBody(client.doc, section)!.delete(1, 1);
    for (let i = 0; i < 8; i++) typeParagraph(client.doc, section, `Testimony ${i}, held in the basement.`);
    await waitFor(async () => (await text()).includes('Testimony 7'), 10_000, 'the later paragraphs stored');
    expect(await text()).not.toContain(marker);

    await waitFor(() => !holds(sqlite.file, marker) && !holds(`${sqlite.file}-wal`, marker), 15_000, 'the marker gone from both files');
    client.destroy();
  });

  it('is gone from both files once the automatic versions that held it are dropped (thinning, making room)', async () => {
    const marker = witnessMarker();
    const report = await createReport(sqlite.server.url, sqlite.owner, { title: 'Shadow report' });
    const doc = new Y.Doc();
    const section = addSection(doc, { title: 'Detention' });
    typeParagraph(doc, section, `The name of the witness is ${marker}.`);
    const content = Y.encodeStateAsUpdate(doc);
    const discussion = Y.encodeStateAsUpdate(new Y.Doc());
    const version = {
      id: newUuid(),
      reportId: report.id,
      name: 'Periodic',
      auto: true,
      kind: 'periodic' as const,
      authorId: sqlite.owner.id,
      authorName: sqlite.owner.name,
      createdAt: new Date().toISOString(),
      bytes: content.byteLength + discussion.byteLength,
    };
    await sqlite.server.storage.versions.create(version, content, discussion);
    expect(holds(sqlite.file, marker) || holds(`${sqlite.file}-wal`, marker)).toBe(true);
    // What thinning and making room do: drop versions through the storage.
    expect(await sqlite.server.storage.versions.delete(report.id, [version.id])).toBe(1);
    await waitFor(() => !holds(sqlite.file, marker) && !holds(`${sqlite.file}-wal`, marker), 15_000, 'the marker gone from both files');
  });
});
