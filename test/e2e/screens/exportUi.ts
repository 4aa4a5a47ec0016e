/**
 * Screenshots of every screen and state of footnotes, export and import, at 1280x800 and 390x844, for review:
 * `npx vite build && node --import tsx test/e2e/screens/exportUi.ts [outDir]` (default .tmp/screens).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createOffice } from '../../helpers/office.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { openSignedIn, openSection, placeCaret, seedReport, seedSampleReport } from '../exportSupport.ts';
import { CLIENT_DIR, launchBrowser, waitForOfflineReady, waitForSyncState } from '../support.ts';

const outDir = path.resolve(process.argv[2] ?? '.tmp/screens');
fs.mkdirSync(outDir, { recursive: true });
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const storage = await createTestStorage('sqlite');
const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
const browser = await launchBrowser();
const office = createOffice();
const docxPath = path.join(outDir, 'womens-rights.docx');
fs.writeFileSync(docxPath, await office.convert(new Uint8Array(fs.readFileSync('test/fixtures/womens-rights.fodt')), 'fodt', 'docx'));
office.dispose();

const words = 'the State party should ensure equal access to education housing employment and health care without discrimination'.split(' ');
const paragraph = (n: number) => Array.from({ length: 70 }, (_, i) => words[(i * 7 + n) % words.length]).join(' ') + '.';

try {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const user = await openSignedIn(browser, server, viewport);
    const { page, account } = user;
    const shot = async (what: string) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(outDir, `${what}-${name}.png`) });
    };
    const sample = await seedSampleReport(server, account, { title: 'Segregation of Roma children in schools', mechanism: 'UPR', stateUnderReview: 'Freedonia' });
    await page.goto(`${server.url}/reports/${sample.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Access to education');
    await shot('01-footnote-markers');
    await page.locator('[data-testid="footnote-list"]').scrollIntoViewIfNeeded();
    await shot('02-notes-under-section');
    await page.locator('.prose [data-testid="footnote-ref"]').first().click();
    await page.getByTestId('footnote-popover').waitFor();
    await shot('03-note-panel');
    await page.getByTestId('footnote-popover').getByRole('button', { name: /link/i }).click();
    await shot('04-note-panel-link');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await placeCaret(page, 'end');
    await page.keyboard.press('Control+Alt+f');
    await page.getByTestId('footnote-popover').waitFor();
    await shot('05-new-empty-note');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // Leave the empty note out of the exports below.
    await page.keyboard.press('Backspace');

    await page.getByTestId('export-button').click();
    await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    await shot('06-export-dialog-word');
    await page.getByRole('dialog').getByLabel(/^PDF/).check();
    await shot('07-export-dialog-pdf');
    await page.getByRole('dialog').getByLabel(/^Word/).check();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Word file' }).click();
    await downloaded;
    await page.getByTestId('export-done').waitFor();
    await shot('08-export-done');
    await page.getByRole('button', { name: 'Done', exact: true }).click();

    // A long report, so the progress bar can be seen moving.
    const long = await seedReport(
      server,
      account,
      { title: 'A long report', mechanism: 'CERD', stateUnderReview: 'Freedonia' },
      Array.from({ length: 30 }, (_, s) => ({ title: `Article ${s + 1}`, paragraphs: Array.from({ length: 40 }, (_, p) => paragraph(s + p)) })),
    );
    await page.goto(`${server.url}/reports/${long.id}`);
    await waitForSyncState(page, 'synced');
    await page.getByTestId('export-button').click();
    await page.getByRole('dialog').getByLabel(/^PDF/).check();
    const longDownload = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.locator('.export-progress__bar').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.value ?? 0) > 20, null, { timeout: 60_000 });
    await shot('09-export-progress');
    await longDownload;
    await page.getByRole('button', { name: 'Done', exact: true }).click();

    // Header actions, and the import dialog for the open report.
    await page.goto(`${server.url}/reports/${sample.id}`);
    await waitForSyncState(page, 'synced');
    await shot('10-report-header-actions');
    await page.getByTestId('import-button').click();
    await page.getByRole('dialog', { name: 'Import from Word' }).waitFor();
    await shot('11-import-into-report-empty');
    await page.getByTestId('import-file').setInputFiles(docxPath);
    await page.getByTestId('import-preview').waitFor();
    await shot('12-import-into-report-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // The report list with Import from Word, and the new-report import dialog.
    await page.goto(server.url);
    await page.getByTestId('import-report-button').waitFor();
    await shot('13-report-list');
    await page.getByTestId('import-report-button').click();
    await page.getByRole('dialog', { name: 'New report from a Word document' }).waitFor();
    await shot('14-import-new-empty');
    await page.getByTestId('import-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a docx') });
    await page.getByTestId('import-error').waitFor();
    await shot('15-import-new-error');
    await page.getByTestId('import-file').setInputFiles(docxPath);
    await page.getByTestId('import-preview').waitFor();
    await shot('16-import-new-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Create report' }).click();
    await shot('17-import-new-missing-mechanism');
    await user.context.close();

    // Offline on a device that has not kept the PDF fonts yet.
    const fresh = await openSignedIn(browser, server, viewport, account);
    await fresh.page.goto(`${server.url}/reports/${sample.id}`);
    await waitForSyncState(fresh.page, 'synced');
    await waitForOfflineReady(fresh.page);
    await fresh.context.setOffline(true);
    await waitForSyncState(fresh.page, 'offline');
    await fresh.page.getByTestId('export-button').click();
    await fresh.page.getByRole('dialog').getByLabel(/^PDF/).check();
    await fresh.page.getByRole('dialog').getByRole('alert').waitFor();
    await fresh.page.waitForTimeout(250);
    await fresh.page.screenshot({ path: path.join(outDir, `18-export-offline-no-fonts-${name}.png`) });
    await fresh.context.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
  await storage.destroy();
}
