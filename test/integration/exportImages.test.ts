/**
 * Images in exports (issue 12), on both storages: the .docx holds the picture with its alt text and caption (read
 * back by LibreOffice, converted to OpenDocument), the PDF holds it too (pdfimages, pdftotext); a GIF is converted;
 * an image pointing at another report's attachment is never read into this report's export.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentInfo } from '../../shared/attachments/kinds.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, waitFor, api, type TestUser } from '../helpers/clients.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { jpegWithGps } from '../helpers/testImages.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';

const run = promisify(execFile);
const ALT = 'Flooded ground floor of block 4, water at knee height';
const CAPTION = 'Block 4 after the November floods';

async function upload(baseUrl: string, reportId: string, as: TestUser, bytes: Uint8Array, name: string): Promise<AttachmentInfo> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${baseUrl}/api/reports/${reportId}/attachments`, { method: 'POST', body: form, headers: { cookie: as.cookie } });
  expect(res.status).toBe(201);
  return (await res.json()) as AttachmentInfo;
}

async function download(baseUrl: string, p: string, as: TestUser): Promise<Uint8Array> {
  const res = await fetch(baseUrl + p, { headers: { cookie: as.cookie } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe.each(STORAGE_KINDS)('Images in exports on %s', (kind) => {
  const suite = useExportServer(kind);
  let reportId: string;

  beforeAll(async () => {
    const { url } = suite.server;
    reportId = (await createReport(url, suite.owner, { title: 'Forced evictions', mechanism: 'CESCR', stateUnderReview: 'Freedonia' })).id;
    const other = (await createReport(url, suite.owner, { title: 'Another report' })).id;
    const photo = await upload(url, reportId, suite.owner, await jpegWithGps(), 'IMG_2041.jpg');
    const gif = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#2060a0' } }).gif().toBuffer();
    const chart = await upload(url, reportId, suite.owner, new Uint8Array(gif), 'chart.gif');
    const foreign = await upload(url, other, suite.owner, new TextEncoder().encode('not an image of this report'), 'x.txt');
    const client = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await client.synced;
    const section = addSection(client.doc, { title: 'Right to housing' });
    writeBody(
      getSectionBody(client.doc, section)!,
      docOf(
        paragraph('Evictions rose sharply in 2024.'),
        { type: 'image', attrs: { src: `/api/reports/${reportId}/attachments/${photo.id}`, alt: ALT, caption: CAPTION, width: 50 } },
        { type: 'image', attrs: { src: `/api/reports/${reportId}/attachments/${chart.id}`, alt: 'Enrolment by district', width: 100 } },
        { type: 'image', attrs: { src: `/api/reports/${other}/attachments/${foreign.id}`, alt: 'Borrowed from elsewhere' } },
        paragraph('Families were given two days’ notice.'),
      ),
    );
    await waitFor(async () => (await api<{ sections: { text: string }[] }>(url, `/api/reports/${reportId}/content`, { as: suite.owner })).body.sections[0]?.text.includes('two days') ?? false);
    client.destroy();
  });

  it('puts the images in the .docx with their alt text and caption, as LibreOffice reads them', async () => {
    const docx = await download(suite.server.url, `/api/reports/${reportId}/export?format=docx`, suite.owner);
    const files = unzipSync(docx);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
    const odt = unzipSync(await suite.office.convert(docx, 'docx', 'odt'));
    expect(Object.keys(odt).filter((f) => f.startsWith('Pictures/'))).toHaveLength(2);
    const content = strFromU8(odt['content.xml']!);
    expect(content).toContain(`<svg:desc>${ALT}</svg:desc>`);
    expect(content).toContain('<svg:desc>Enrolment by district</svg:desc>');
    const text = squash(content.replace(/<[^>]+>/g, ' '));
    expect(text).toContain(CAPTION);
    // The image of another report is not read: its alt text stands in its place.
    expect(text).toContain('[Image: Borrowed from elsewhere]');
    expect(text).toContain('Families were given two days’ notice.');
  });

  it('puts the images in the PDF, with the caption under the photograph', async () => {
    const pdf = await download(suite.server.url, `/api/reports/${reportId}/export?format=pdf`, suite.owner);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdraft-pdfimages-'));
    try {
      const file = path.join(dir, 'report.pdf');
      fs.writeFileSync(file, pdf);
      const { stdout } = await run('pdfimages', ['-list', file]);
      const images = stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(images.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'))).toEqual(expect.arrayContaining(['64x48', '40x20']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const text = squash(await suite.office.pdfText(pdf));
    expect(text).toContain(CAPTION);
    expect(text).toContain('[Image: Borrowed from elsewhere]');
  });
});
