/**
 * The report size limit (REPORT_MAX_BYTES) holds for restoring a version and for importing a .docx as a new
 * report, as it does for sync changes and named versions: past it, 413 `report_full` with the JSON error body, and
 * nothing is changed. On SQLite and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { distinctWords, typeParagraph } from '../helpers/typing.ts';

const LIMIT = 256 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Text that does not compress away in a Yjs update. */
const text = distinctWords;

/** A few very long words (a pasted data table, say): deleting them is not a large deletion by word count. */
function longWords(kb: number, tag: string): string {
  const words: string[] = [];
  for (let i = 0; i < 8; i++) words.push(randomBytes((kb * 1024) / 16).toString('hex'));
  return `${tag} ${words.join(' ')}`;
}

type ErrorBody = { error: { code: string; message: string } };

describe.each(STORAGE_KINDS)('Report size limit on restore and import, on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    // Compaction after every couple of rows: deleted text leaves storage soon, so the figures below are the report's.
    server = await startTestServer(storage, { reportMaxBytes: LIMIT, compactAfterRows: 2 });
    owner = await signUp(server.url, { name: 'Olga' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  const storedBytes = async (id: string) => {
    const { documents, versions } = await server.storage.reportStoredBytes(id, [roomName(id), roomName(id, 'discussion')]);
    return documents + versions;
  };

  it('refuses to restore a version when the report would then hold more than its limit, and changes nothing', async () => {
    const report = await createReport(server.url, owner);
    const client = connectClient(server.wsUrl, report.id, owner);
    await client.synced;
    const section = addSection(client.doc, { title: 'Annex' });
    typeParagraph(client.doc, section, longWords(80, 'first'));
    const sectionText = async () => (await getContent(server.url, owner, report.id)).sections[0]?.text ?? '';
    await waitFor(async () => (await sectionText()).startsWith('first '), 10_000, 'the first annex stored');
    expect((await api<{ id: string }>(server.url, `/api/reports/${report.id}/versions`, { as: owner, body: { name: 'First annex' } })).status).toBe(201);
    const [first] = (await api<{ versions: { id: string; name: string }[] }>(server.url, `/api/reports/${report.id}/versions`, { as: owner })).body.versions;

    // The annex is replaced by another one.
    getSectionBody(client.doc, section)!.delete(0, 1);
    typeParagraph(client.doc, section, longWords(70, 'second'));
    await waitFor(async () => (await sectionText()).startsWith('second '), 10_000, 'the second annex stored');
    // Compacted: the first annex's text is out of the report's rows (only its version holds it).
    await waitFor(async () => (await storedBytes(report.id)) < 170 * 1024, 10_000, 'the rows compacted');

    // Restoring would keep a version of today's report (70 KiB) and bring the first annex back (80 KiB).
    const res = await api<ErrorBody>(server.url, `/api/reports/${report.id}/versions/${first!.id}/restore`, { as: owner, method: 'POST' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('report_full');
    expect(res.body.error.message).toMatch(/storage limit/);
    expect(await sectionText()).toMatch(/^second /);
    expect(await storedBytes(report.id)).toBeLessThanOrEqual(LIMIT);
    const names = (await api<{ versions: { name: string }[] }>(server.url, `/api/reports/${report.id}/versions`, { as: owner })).body.versions.map((v) => v.name);
    expect(names).toEqual(['First annex']);
    client.destroy();
  });

  it('refuses to import a .docx whose text would take a new report past the limit, and creates no report', async () => {
    const before = (await api<{ reports: unknown[] }>(server.url, '/api/reports', { as: owner })).body.reports.length;
    const document = new Document({
      sections: [{ children: [new Paragraph({ text: 'Annex', heading: HeadingLevel.HEADING_1 }), ...[0, 1, 2, 3].map((i) => new Paragraph(text(80, `p${i}x`)))] }],
    });
    const file = await Packer.toBuffer(document);
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Imported annex', mechanism: 'CEDAW', stateUnderReview: 'Freedonia' })) form.set(k, v);
    form.set('file', new Blob([new Uint8Array(file)], { type: DOCX_TYPE }), 'annex.docx');
    const res = await fetch(`${server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: owner.cookie } });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(413);
    expect(body.error.code).toBe('report_full');
    expect((await api<{ reports: unknown[] }>(server.url, '/api/reports', { as: owner })).body.reports.length).toBe(before);

    // One that fits is imported.
    const small = new Document({ sections: [{ children: [new Paragraph({ text: 'Annex', heading: HeadingLevel.HEADING_1 }), new Paragraph('Three witnesses.')] }] });
    form.set('file', new Blob([new Uint8Array(await Packer.toBuffer(small))], { type: DOCX_TYPE }), 'annex.docx');
    expect((await fetch(`${server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: owner.cookie } })).status).toBe(201);
  });
});
