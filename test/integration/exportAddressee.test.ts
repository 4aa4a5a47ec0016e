/**
 * Issue 10: a recommendation's "Addressed to" (its addressee attribute) is in the Word file and the PDF, with
 * the recommendation's text; one without an addressee gets no such line. Read back with LibreOffice and
 * pdftotext, white space collapsed. Both storages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { docOf, paragraph, recommendation, writeBody } from '../helpers/yjsContent.ts';

describe.each(STORAGE_KINDS)('The addressee of a recommendation in the exports on %s', (kind) => {
  const suite = useExportServer(kind);
  let reportId: string;

  const download = async (format: 'docx' | 'pdf') => {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=${format}&annex=false`, { headers: { cookie: suite.owner.cookie } });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
    const client = connectClient(suite.server.wsUrl, reportId, suite.owner);
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
    await waitFor(async () => (await getContent(suite.server.url, suite.owner, reportId)).sections[0]?.text.includes('ethnicity') === true);
    client.destroy();
  });

  it('puts "Addressed to" in the Word file, with the recommendation', async () => {
    const text = squash(await suite.office.docxText(await download('docx')));
    // The recommendation's paragraph may carry its number (paragraph numbering is on by default).
    expect(text).toMatch(/Addressed to: Ministry of Housing of Freedonia (\d+\. )?Repeal the eviction decree of 2021\./);
    expect(text.match(/Addressed to/g)?.length).toBe(1);
  });

  it('puts "Addressed to" in the PDF, with the recommendation', async () => {
    const text = squash(await suite.office.pdfText(await download('pdf')));
    // The recommendation's paragraph may carry its number (paragraph numbering is on by default).
    expect(text).toMatch(/Addressed to: Ministry of Housing of Freedonia (\d+\. )?Repeal the eviction decree of 2021\./);
    expect(text.match(/Addressed to/g)?.length).toBe(1);
  });
});
