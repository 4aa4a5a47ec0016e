/**
 * Issue 10: a recommendation's "Addressed to" (its addressee attribute) is in the Word file and the PDF, with
 * the recommendation's text; one without an addressee gets no such line. Read back with LibreOffice and
 * pdftotext, white space collapsed. Both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { docOf, paragraph, recommendation, writeBody } from '../helpers/yjsContent.ts';

describe.each(STORAGE_KINDS)('The addressee of a recommendation in the exports on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let office: Office;
  let owner: TestUser;
  let reportId: string;

  const download = async (format: 'docx' | 'pdf') => {
    const res = await fetch(`${server.url}/api/reports/${reportId}/export?format=${format}&annex=false`, { headers: { cookie: owner.cookie } });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    office = createOffice();
    owner = await signUp(server.url);
    reportId = (await createReport(server.url, owner, { title: 'Housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
    const client = connectClient(server.wsUrl, reportId, owner);
    await client.synced;
    const sectionId = addSection(client.doc, { title: 'Recommendations' });
    writeBody(
      getSectionBody(client.doc, sectionId)!,
      docOf(
        paragraph('We recommend the following.'),
        recommendation('Repeal the eviction decree of 2021.', { addressee: 'Ministry of Housing of Freedonia' }),
        recommendation('Publish data on evictions by ethnicity.'),
      ),
    );
    await waitFor(async () => (await getContent(server.url, owner, reportId)).sections[0]?.text.includes('ethnicity') === true);
    client.destroy();
  });
  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  it('puts "Addressed to" in the Word file, with the recommendation', async () => {
    const text = squash(await office.docxText(await download('docx')));
    // The recommendation's paragraph may carry its number (paragraph numbering is on by default).
    expect(text).toMatch(/Addressed to: Ministry of Housing of Freedonia (\d+\. )?Repeal the eviction decree of 2021\./);
    expect(text.match(/Addressed to/g)?.length).toBe(1);
  });

  it('puts "Addressed to" in the PDF, with the recommendation', async () => {
    const text = squash(await office.pdfText(await download('pdf')));
    // The recommendation's paragraph may carry its number (paragraph numbering is on by default).
    expect(text).toMatch(/Addressed to: Ministry of Housing of Freedonia (\d+\. )?Repeal the eviction decree of 2021\./);
    expect(text.match(/Addressed to/g)?.length).toBe(1);
  });
});
