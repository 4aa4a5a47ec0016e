/**
 * Export from the report's dialog: a Word file made in the browser, saved from the download and read back by
 * LibreOffice (notes, headings, paragraph numbers), the same text as the server's export; and a PDF made with the
 * browser offline, after a reload, from the files the service worker keeps, read back by pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { ARABIC_SENTENCE, CHINESE_SENTENCE } from '../helpers/sampleReport.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { openSignedIn, seedSampleReport, suggestReplacement, type SignedInPage } from './exportSupport.ts';
import { assertClientBuilt, CLIENT_DIR, launchBrowser, poll, WAIT_MS, waitForOfflineReady, waitForSyncState } from './support.ts';

async function downloadBytes(download: Download): Promise<Uint8Array> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Export with the dialog's current options and return the downloaded file. */
async function exportFromDialog(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const downloaded = page.waitForEvent('download', { timeout: WAIT_MS * 2 });
  await page.getByRole('button', { name: button }).click();
  const download = await downloaded;
  await page.getByTestId('export-done').waitFor();
  return { name: download.suggestedFilename(), bytes: await downloadBytes(download) };
}

/** Files the service worker keeps for export (worker code and fonts), once a report has been open a moment. */
function exportCacheSize(page: Page): Promise<number> {
  return page.evaluate(async () => (await (await caches.open('rightsdraft-export')).keys()).length);
}

describe('Export dialog', () => {
  let storage: TestStorage;
  let server: TestServer;
  let browser: Browser;
  let office: Office;
  let user: SignedInPage | undefined;

  beforeAll(async () => {
    assertClientBuilt();
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage, { staticDir: CLIENT_DIR });
    browser = await launchBrowser();
    office = createOffice();
  });

  afterAll(async () => {
    await user?.context.close().catch(() => undefined);
    office?.dispose();
    await browser?.close();
    await server?.close();
    await storage?.destroy();
  });

  it('makes a Word file in the browser with footnotes, headings and numbered paragraphs, as the server does', async () => {
    user = await openSignedIn(browser, server);
    const { page, account } = user;
    const report = await seedSampleReport(server, account, { title: 'Segregation of Roma children', mechanism: 'UPR', stateUnderReview: 'Freedonia' });
    await suggestReplacement(server, account, report.id, 'forty schools', 'fifty schools');
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');

    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    // UPR defaults to endnotes; this file asks for footnotes at the page foot.
    expect(await dialog.getByLabel(/^Endnotes at the end of the report/).isChecked()).toBe(true);
    await dialog.getByLabel('Footnotes at the foot of each page').check();
    expect(await dialog.getByTestId('export-file-name').innerText()).toBe('upr-freedonia-segregation-of-roma-children.docx');
    const file = await exportFromDialog(page, 'Export Word file');
    expect(file.name).toBe('upr-freedonia-segregation-of-roma-children.docx');

    const read = await office.readDocx(file.bytes);
    const text = squash(read.text);
    const headings = ['Introduction', 'Access to education', 'Testimonies in other languages'].map((h) => text.indexOf(h));
    expect(headings.every((at, i) => at > 0 && (i === 0 || at > headings[i - 1]!))).toBe(true);
    expect(text).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    expect(text).toMatch(/3\. Enrolment figures by year: ?2/);
    expect(text).toMatch(/4\. The State party should end segregation by 2026\. ?3/);
    expect(read.notes.map((n) => n.kind)).toEqual(['footnote', 'footnote', 'footnote']);
    expect(text).toMatch(/1 European Roma Rights Centre, school survey 2023\./);
    expect(text).toMatch(/2 Ministry of Education statistics, table 4\./);
    expect(text).toMatch(/3 See also the previous concluding observations\./);
    // The open suggestion is in the file as if accepted (the dialog's default).
    expect(text).toContain('The coalition visited fifty schools');
    // The annex names tags as the taxonomy does, by kind (read as plain text: table cells wrap).
    const plain = squash(new TextDecoder().decode(await office.convert(file.bytes, 'docx', 'txt:Text')));
    for (const label of ['ICERD article 5', 'CERD general recommendation No. 35 (2013)', 'SDG target 4.5', 'Migrants']) expect(plain).toContain(label);
    expect(plain).not.toMatch(/ICERD:5|SDG:4\.5/);

    // The server's export with the same options reads the same.
    const res = await fetch(`${server.url}/api/reports/${report.id}/export?format=docx&notes=footnotes`, { headers: { cookie: account.cookie } });
    expect(res.status).toBe(200);
    expect(squash(await office.docxText(new Uint8Array(await res.arrayBuffer())))).toBe(text);

    // As if rejected: the text as written (the dialog is still open).
    await dialog.getByLabel('Include open suggestions as if accepted').uncheck();
    const rejected = squash(await office.docxText((await exportFromDialog(page, 'Export Word file')).bytes));
    expect(rejected).toContain('The coalition visited forty schools');
    expect(rejected).not.toContain('fifty');
    expect(user.errors).toEqual([]);
  }, 180_000);

  it('makes a PDF offline, after a reload, from the worker and fonts the service worker kept', async () => {
    const { page, context, account } = user!;
    const report = await seedSampleReport(server, account, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await waitForOfflineReady(page);
    // Fonts (7), the export worker and pdfmake: fetched a few seconds after a report opens.
    await poll(() => exportCacheSize(page)).toBe(9);

    await context.setOffline(true);
    await page.reload();
    await waitForSyncState(page, 'offline');
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.getByText('You are offline').waitFor();
    await dialog.getByLabel(/^PDF/).check();
    const file = await exportFromDialog(page, 'Export PDF');
    expect(file.name).toBe('cerd-freedonia-segregation-in-schools.pdf');
    expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    const text = squash(await office.pdfText(file.bytes));
    for (const phrase of ['Segregation in schools', 'Access to education', 'Права человека для всех.', ARABIC_SENTENCE, CHINESE_SENTENCE]) {
      expect(text).toContain(phrase);
    }
    expect(text).toMatch(/Notes 1\. European Roma Rights Centre, school survey 2023\. 2\. Ministry of Education statistics, table 4\./);
    expect(squash(await office.pdfText(file.bytes, 'layout'))).toMatch(/1\. Roma children are segregated ?1 in separate schools\./);
    await context.setOffline(false);
    expect(user!.errors).toEqual([]);
  }, 180_000);
});
