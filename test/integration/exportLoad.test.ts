/**
 * Exports of a long submission (100,000 words, 500 notes) on a server others are writing on: the file is made on
 * a worker thread, so collaborators' edits keep flowing meanwhile; when the export threads are taken or an
 * export runs past its time, the caller gets a clear 503 and the server goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { getSectionBody, listSections } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { writeLongSubmission } from '../helpers/longSubmission.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import * as Y from 'yjs';

async function exportFile(server: TestServer, reportId: string, as: TestUser, format: 'docx' | 'pdf') {
  const res = await fetch(`${server.url}/api/reports/${reportId}/export?format=${format}`, { headers: { cookie: as.cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, retryAfter: res.headers.get('retry-after'), bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) as ApiErrorBody };
}

describe('Exporting a long submission while others write', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let reportId: string;
  let office: Office;

  async function start(overrides: Parameters<typeof startTestServer>[1]): Promise<void> {
    await server?.close();
    server = await startTestServer(storage, overrides);
  }

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
    office = createOffice();
    owner = await signUp(server.url);
    reportId = (await createReport(server.url, owner, { title: 'Women in rural areas', mechanism: 'CEDAW', stateUnderReview: 'Freedonia' })).id;
    const client = connectClient(server.wsUrl, reportId, owner);
    await client.synced;
    writeLongSubmission(client.doc);
    await waitFor(async () => (await getContent(server.url, owner, reportId)).sections.length === 60, 60_000, 'the long submission to be stored');
    client.destroy();
  });
  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  it('keeps relaying a collaborator\'s typing while a PDF of the whole report is being made', async () => {
    await start({ officeThreads: 1 });
    const writer = connectClient(server.wsUrl, reportId, owner);
    const reader = connectClient(server.wsUrl, reportId, owner);
    await Promise.all([writer.synced, reader.synced]);
    let exported = false;
    const pdf = exportFile(server, reportId, owner, 'pdf').then((res) => {
      exported = true;
      return res;
    });
    await waitFor(() => server.office.stats().running === 1, 30_000, 'the export to start');
    const sectionId = listSections(writer.doc)[0]!.id;
    const first = getSectionBody(writer.doc, sectionId)!.get(1) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Typed during the export. ');
    const seen = () => getSectionBody(reader.doc, sectionId)!.toString().includes('Typed during the export.');
    await waitFor(() => seen() || exported, 60_000, 'the edit or the export');
    // The other writer saw the edit before the export was done: the server was not blocked making the PDF.
    expect(seen()).toBe(true);
    expect(exported).toBe(false);
    const res = await pdf;
    expect(res.status).toBe(200);
    // The whole report is in the file: its last section and last numbered paragraphs, read back by pdftotext.
    const text = squash(await office.pdfText(res.bytes));
    expect(text).toContain('Section 1:');
    expect(text).toContain('Section 60:');
    expect(text).toMatch(/Source 500:/);
    writer.destroy();
    reader.destroy();
  });

  it('answers 503 "busy" with Retry-After when every export thread is taken and the queue is full', async () => {
    await start({ officeThreads: 1, officeQueue: 0 });
    const first = exportFile(server, reportId, owner, 'pdf');
    await waitFor(() => server.office.stats().running === 1, 30_000, 'the first export to start');
    const second = await exportFile(server, reportId, owner, 'docx');
    expect(second.status).toBe(503);
    expect(second.json().error.code).toBe('busy');
    expect(second.json().error.message).toMatch(/busy/);
    expect(Number(second.retryAfter)).toBeGreaterThan(0);
    expect((await first).status).toBe(200);
    // Once the thread is free, the same request succeeds.
    expect((await exportFile(server, reportId, owner, 'docx')).status).toBe(200);
  });

  it('stops an export that runs past its time with 503 "too_long", and the next export works', async () => {
    await start({ officeThreads: 1, officeTimeoutMs: 300 });
    const slow = await exportFile(server, reportId, owner, 'pdf');
    expect(slow.status).toBe(503);
    expect(slow.json().error).toMatchObject({ code: 'too_long' });
    await start({ officeThreads: 1 });
    const docx = await exportFile(server, reportId, owner, 'docx');
    expect(docx.status).toBe(200);
    // LibreOffice opens the Word file and finds the whole report, the 500th note included.
    const text = squash(await office.docxText(docx.bytes));
    expect(text).toContain('Women in rural areas');
    expect(text).toContain('Section 60:');
    expect(text).toMatch(/Source 500:/);
  });
});
