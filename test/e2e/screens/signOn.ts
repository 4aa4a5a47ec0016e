/**
 * Screenshots of the cover form with sign-on at 1280x800 and 390x844, for looking at, not asserting:
 * `npx vite build && node --import tsx test/e2e/screens/signOn.ts [out dir]` (default screenshots/sign-on).
 */
import fs from 'node:fs';
import path from 'node:path';
import { api, createReport } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, assertClientBuilt, launchBrowser, waitForSyncState } from '../support.ts';
import { openView, signedIn } from '../treaty/support.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots/sign-on');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

async function main() {
  assertClientBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, account, context } = await signedIn(browser, server.url, 'Amina Diallo', viewport);
      const coalition = await api<{ id: string }>(server.url, '/api/coalitions', {
        as: account,
        body: { name: 'Equal Schools Coalition', organisations: ['Roma Rights Centre', 'Equal Schools Network', 'Parents for Inclusion'] },
      });
      const report = await createReport(server.url, account, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId: coalition.body.id });
      await api(server.url, `/api/reports/${report.id}/sign-on`, { as: account, method: 'PATCH', body: { organisation: 'Roma Rights Centre', status: 'confirmed' } });
      await page.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(page, 'synced');
      await openView(page, 'cover');
      const list = page.locator('.organisations');
      await list.getByText('Confirmed by Amina Diallo').waitFor();
      await list.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-01-coalition-list.png`) });
      await list.getByRole('button', { name: "Use a list of this report's own" }).click();
      await page.getByRole('button', { name: "Use the coalition's list again" }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-02-own-list.png`) });
      await openView(page, 'checklist');
      await page.getByText('Every organisation has signed on').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-03-checklist.png`) });
      console.log(`${name}: 3 screenshots`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await storage.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
