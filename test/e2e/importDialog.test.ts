/**
 * Import from Word: a .docx that LibreOffice wrote (from test/fixtures/womens-rights.fodt) becomes a new report with
 * its sections, in a coalition, online (uploaded) and offline (made on this device, published when back online);
 * sections go into an open report, with a notice of the images left out; a file that is not a Word document is
 * refused with a clear message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { api, getContent } from '../helpers/clients.ts';
import { createOffice } from '../helpers/office.ts';
import { createTestStorage, startTestServer, tempDir, type TestServer, type TestStorage } from '../helpers/server.ts';
import { openSignedIn, seedReport, type SignedInPage } from './exportSupport.ts';
import { assertClientBuilt, CLIENT_DIR, eventually, launchBrowser, poll, waitForOfflineReady, waitForSyncState } from './support.ts';

const FIXTURE = new URL('../fixtures/womens-rights.fodt', import.meta.url);

function outlineTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outline-item"] .outline-item__title').allInnerTexts();
}

function reportIdOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('Import dialog', () => {
  let storage: TestStorage;
  let server: TestServer;
  let browser: Browser;
  let user: SignedInPage | undefined;
  let docxPath: string;
  /** The same document with two pictures in its first paragraph. */
  let imagesPath: string;
  let dir: string;

  beforeAll(async () => {
    assertClientBuilt();
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage, { staticDir: CLIENT_DIR });
    browser = await launchBrowser();
    const office = createOffice();
    try {
      dir = tempDir('rightsdraft-import-');
      docxPath = path.join(dir, 'womens-rights.docx');
      const docx = await office.convert(new Uint8Array(fs.readFileSync(FIXTURE)), 'fodt', 'docx');
      fs.writeFileSync(docxPath, docx);
      const parts = unzipSync(docx);
      const picture = '<w:r><w:drawing></w:drawing></w:r>';
      parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']!).replace('</w:p>', `${picture}${picture}</w:p>`));
      imagesPath = path.join(dir, 'with-images.docx');
      fs.writeFileSync(imagesPath, zipSync(parts));
    } finally {
      office.dispose();
    }
  });

  afterAll(async () => {
    await user?.context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await storage?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes a new report from a Word document in a coalition, with a preview of its sections first', async () => {
    user = await openSignedIn(browser, server);
    const { page, account } = user;
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: account, body: { name: 'Freedonia Women’s Coalition' } });
    await page.goto(server.url);
    await page.getByTestId('import-report-button').click();
    const dialog = page.getByRole('dialog', { name: 'New report from a Word document' });

    // Not a Word document: refused with a message that says what to do.
    await dialog.getByTestId('import-file').setInputFiles({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('Plain text, not a zip.') });
    await poll(() => dialog.getByTestId('import-error').innerText()).toContain('This file is not a Word document (.docx)');

    await dialog.getByTestId('import-file').setInputFiles(docxPath);
    const preview = dialog.getByTestId('import-preview');
    await poll(() => preview.locator('h3').innerText()).toBe('Found 2 sections · 26 words · 2 notes');
    expect(await preview.locator('li .import-preview__name').allInnerTexts()).toEqual(['Women in employment', 'Violence against women']);
    // The document's Title paragraph becomes the report's title.
    expect(await dialog.getByLabel('Report title').inputValue()).toBe("Women's rights in Freedonia");
    // Splitting at Heading 2 too gives the subsection its own section.
    await dialog.getByLabel('Start a new section at').selectOption('2');
    await poll(() => preview.locator('li .import-preview__name').allInnerTexts()).toEqual(['Women in employment', 'Wages by sector', 'Violence against women']);
    await dialog.getByLabel('Start a new section at').selectOption('1');
    await poll(() => preview.locator('li').count()).toBe(2);

    await dialog.getByLabel('Mechanism').selectOption('CEDAW');
    await dialog.getByLabel(/State under review/).fill('Freedonia');
    await dialog.getByRole('radio', { name: /Freedonia Women’s Coalition/ }).check();
    await dialog.getByRole('button', { name: 'Create report' }).click();
    await waitForSyncState(page, 'synced');
    await poll(() => outlineTitles(page)).toEqual(['Women in employment', 'Violence against women']);
    const content = await getContent(server.url, account, reportIdOf(page));
    expect(content).toMatchObject({ title: "Women's rights in Freedonia", mechanism: 'CEDAW', stateUnderReview: 'Freedonia' });
    expect((await api<{ coalitionId: string }>(server.url, `/api/reports/${reportIdOf(page)}`, { as: account })).body.coalitionId).toBe(coalition.body.id);
    expect(content.sections.map((s) => s.notes)).toEqual([['Labour force survey 2022, table 3.'], ['Shelter network annual report.']]);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('imports into the open report as new sections after the selected one, saying which images were left out', async () => {
    const { page, account } = user!;
    const report = await seedReport(server, account, { title: 'Gender equality', mechanism: 'CEDAW', stateUnderReview: 'Freedonia' }, [
      { title: 'Introduction', paragraphs: ['This report covers 2020 to 2024.'] },
      { title: 'Recommendations', paragraphs: ['Adopt a law on equal pay.'] },
    ]);
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await page.locator('[data-testid="outline-item"]').filter({ hasText: 'Introduction' }).locator('.outline-item__select').click();
    await page.getByTestId('import-button').click();
    const dialog = page.getByRole('dialog', { name: 'Import from Word' });
    await dialog.getByTestId('import-file').setInputFiles(imagesPath);
    await poll(() => dialog.getByTestId('import-skipped').innerText()).toBe('2 images were not imported (a shape or drawing): add them to the Word file you send.');
    await dialog.getByLabel('As new sections after “Introduction”').check();
    await dialog.getByRole('button', { name: 'Import 2 sections' }).click();
    await poll(() => outlineTitles(page)).toEqual(['Introduction', 'Women in employment', 'Violence against women', 'Recommendations']);
    await poll(() => page.locator('#section-heading').innerText()).toBe('Women in employment');
    await eventually(
      () => getContent(server.url, account, report.id),
      (c) => c.sections.map((s) => s.title).join('|') === 'Introduction|Women in employment|Violence against women|Recommendations',
      'the imported sections on the server',
    );
    expect(user!.errors).toEqual([]);
  }, 120_000);

  it('makes the report on this device when offline, and publishes it when back online', async () => {
    const { page, context, account } = user!;
    await page.goto(server.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.getByTestId('import-report-button').click();
    const dialog = page.getByRole('dialog', { name: 'New report from a Word document' });
    await dialog.getByTestId('import-file').setInputFiles(docxPath);
    await dialog.getByTestId('import-preview').waitFor();
    await dialog.getByLabel('Report title').fill('Imported on a train');
    await dialog.getByLabel('Mechanism').selectOption('CEDAW');
    await dialog.getByRole('button', { name: 'Create report' }).click();
    await poll(() => outlineTitles(page)).toEqual(['Women in employment', 'Violence against women']);
    const id = reportIdOf(page);

    await context.setOffline(false);
    await waitForSyncState(page, 'synced');
    const content = await eventually(
      () => getContent(server.url, account, id),
      (c) => c.sections.length === 2,
      'the report imported offline, on the server',
    );
    expect(content.title).toBe('Imported on a train');
    expect(content.sections.map((s) => s.notes)).toEqual([['Labour force survey 2022, table 3.'], ['Shelter network annual report.']]);
    expect(user!.errors).toEqual([]);
  }, 120_000);
});
