/**
 * Screenshots of the find bar (find, replace, a viewer's explanation) and of the printed report, at 1280x800 and
 * 390x844, for review: `npx vite build && node --import tsx test/e2e/screens/findPrint.ts [outDir]` (default
 * .tmp/screens).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { openSignedIn, openSection, seedSampleReport } from '../exportSupport.ts';
import { CLIENT_DIR, launchBrowser, waitForSyncState } from '../support.ts';

const outDir = path.resolve(process.argv[2] ?? '.tmp/screens');
fs.mkdirSync(outDir, { recursive: true });
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const storage = await createTestStorage('sqlite');
const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
const browser = await launchBrowser();

try {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const { page, account, context } = await openSignedIn(browser, server, viewport);
    const shot = async (what: string) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(outDir, `${what}-${name}.png`) });
    };
    const sample = await seedSampleReport(server, account, { title: 'Segregation of Roma children in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    await page.goto(`${server.url}/reports/${sample.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Introduction');
    await page.getByTestId('find-button').click();
    await page.getByLabel('Find in report', { exact: true }).fill('Roma');
    await shot('find-01-matches');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await shot('find-02-next-section');
    await page.getByRole('button', { name: 'Replace…' }).click();
    await page.getByLabel('Replace with').fill('Romani');
    await shot('find-03-replace-row');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await shot('find-04-replaced');
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('print-button').evaluate((b) => {
      window.print = () => undefined;
      (b as HTMLButtonElement).click();
    });
    await page.screenshot({ path: path.join(outDir, `print-01-${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await storage.destroy();
}
console.log(`screenshots in ${outDir}`);
