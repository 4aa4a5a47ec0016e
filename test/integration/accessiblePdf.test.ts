/**
 * The accessible PDF (GET /api/reports/:id/export?format=pdf&accessible=true): laid out by LibreOffice from our
 * .docx, tagged (pdfinfo says so), in the report's language, with an Arabic and an English paragraph both read
 * back; the capabilities endpoint tells the export dialog whether the server can make it. SQLite only: the
 * storage plays no part beyond the export's own tests.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, waitFor } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { ARABIC_SENTENCE } from '../helpers/sampleReport.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import { useExportServer } from '../helpers/exportServer.ts';

const run = promisify(execFile);
const ENGLISH_SENTENCE = 'The State should adopt a law against domestic violence within one year.';

async function pdfInfo(bytes: Uint8Array): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdraft-pdfinfo-')), 'x.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return (await run('pdfinfo', [file])).stdout;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('The accessible PDF', () => {
  const suite = useExportServer('sqlite');
  let reportId: string;

  beforeAll(async () => {
    const report = await createReport(suite.server.url, suite.owner, { title: 'Violence against women', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', language: 'ar' });
    reportId = report.id;
    const client = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await client.synced;
    const id = addSection(client.doc, { title: 'Introduction' });
    writeBody(getSectionBody(client.doc, id)!, docOf(paragraph(ARABIC_SENTENCE), paragraph(ENGLISH_SENTENCE)));
    await waitFor(async () => (await api<{ sections: unknown[] }>(suite.server.url, `/api/reports/${reportId}/content`, { as: suite.owner })).body.sections.length === 1);
    client.destroy();
  });

  it('tells whether this server can make it', async () => {
    const res = await api<{ accessiblePdf: boolean }>(suite.server.url, '/api/export/capabilities', { as: suite.owner });
    expect(res.status).toBe(200);
    expect(res.body.accessiblePdf).toBe(true);
    expect((await api(suite.server.url, '/api/export/capabilities')).status).toBe(401);
  });

  it('is a tagged PDF in the report language, with the Arabic and the English paragraph', async () => {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=pdf&accessible=true`, { headers: { cookie: suite.owner.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(await pdfInfo(bytes)).toMatch(/^Tagged:\s+yes$/m);
    // The catalogue's document language (LibreOffice writes /Lang from the .docx's default language).
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Lang\s*\(ar/);
    const text = squash(await suite.office.pdfText(bytes));
    expect(text).toContain(squash(ENGLISH_SENTENCE));
    expect(text).toContain(squash(ARABIC_SENTENCE));
  });
});
