/**
 * `npm start` runs the server compiled into dist/server (`node dist/server/index.js`, no TypeScript compiler in
 * the process). The compiled server answers /healthz, syncs a report with the stock y-websocket client, and
 * exports and imports through its compiled worker thread entry (which must find the PDF fonts from dist/server),
 * on both storages. The same checks run once against the source through tsx, whose worker threads find their
 * files from the TypeScript layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportContentResponse } from '../../shared/api/types.ts';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, waitFor, type TestClient, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { createTestStorage, STORAGE_KINDS, type StorageKind, type TestStorage } from '../helpers/server.ts';
import { buildServer, spawnServer, type ServerCommand, type ServerProcess } from '../helpers/serverProcess.ts';
import { typeParagraph } from '../helpers/typing.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function download(baseUrl: string, path: string, as: TestUser): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const res = await fetch(baseUrl + path, { headers: { cookie: as.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

// The compiled server on both storages; the source through tsx (npm run dev) once, since its worker threads find
// their files from the TypeScript layout.
const RUNS: [string, StorageKind, ServerCommand][] = [
  ...STORAGE_KINDS.map((kind): [string, StorageKind, ServerCommand] => [`The compiled server (npm start) on ${kind}`, kind, 'built']),
  ['The server from source through tsx (npm run dev) on sqlite', 'sqlite', 'source'],
];

describe.each(RUNS)('%s', (_name, kind, command) => {
  let storage: TestStorage;
  let server: ServerProcess;
  let office: Office;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // The same build `npm run build` makes, so this checks the code of this checkout rather than an old dist/.
    if (command === 'built') buildServer();
    storage = await createTestStorage(kind);
    office = createOffice();
    server = await spawnServer(storage.env, 20_000, command);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    if (server && server.proc.exitCode === null) {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
    office?.dispose();
    await storage?.destroy();
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('syncs a report between two stock y-websocket clients and stores it, then exports it as PDF and Word and imports the Word file', async () => {
    const owner = await signUp(server.url);
    const report = await createReport(server.url, owner, { title: 'Shadow report to CEDAW' });
    const a = connectClient(server.wsUrl, report.id, owner);
    const b = connectClient(server.wsUrl, report.id, owner);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const sectionId = addSection(a.doc, { title: 'Article 10: education' });
    typeParagraph(a.doc, sectionId, 'Girls in rural districts leave school early.');
    await waitFor(() => getSectionBody(b.doc, sectionId)?.toString().includes('leave school early') ?? false, 10_000, 'the second client to see the text');
    await waitFor(async () => (await getContent(server.url, owner, report.id)).sections[0]?.text.includes('leave school early') ?? false, 10_000, 'the server to store the text');

    // Export runs on the compiled worker thread; a PDF needs the fonts, read from dist/server.
    const pdf = await download(server.url, `/api/reports/${report.id}/export?format=pdf`, owner);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(squash(await office.pdfText(pdf.bytes))).toContain('Girls in rural districts leave school early.');

    const docx = await download(server.url, `/api/reports/${report.id}/export?format=docx`, owner);
    expect(docx.status).toBe(200);
    expect(docx.type).toBe(DOCX_TYPE);

    // The Word file back in: parsed on the worker thread, written into the new report on the main thread.
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Imported again', mechanism: 'CEDAW', stateUnderReview: 'Freedonia' })) form.set(k, v);
    form.set('file', new Blob([new Uint8Array(docx.bytes)], { type: DOCX_TYPE }), 'report.docx');
    const imported = await fetch(`${server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: owner.cookie } });
    expect(imported.status).toBe(201);
    const { id } = (await imported.json()) as { id: string };
    const content: ReportContentResponse = await getContent(server.url, owner, id);
    expect(content.sections.map((s) => s.title)).toContain('Article 10: education');
    expect(content.sections.map((s) => s.text).join('\n')).toContain('Girls in rural districts leave school early.');
    expect(listSections(a.doc)).toHaveLength(1);
  }, 120_000);

  it('refuses a file that is not a Word document with a JSON error, and goes on serving', async () => {
    const owner = await signUp(server.url);
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Not Word', mechanism: 'CEDAW', stateUnderReview: 'Freedonia' })) form.set(k, v);
    form.set('file', new Blob([new TextEncoder().encode('plain text, not a zip')], { type: DOCX_TYPE }), 'report.docx');
    const res = await fetch(`${server.url}/api/reports/import`, { method: 'POST', body: form, headers: { cookie: owner.cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_a_zip');
    expect((await api(server.url, '/healthz')).status).toBe(200);
  });
});
