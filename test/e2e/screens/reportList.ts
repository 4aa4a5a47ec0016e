/**
 * Screenshots of the report list with search and filters, and of the trash, at 1280x800 and 390x844, for looking
 * at, not asserting: `npx vite build && node --import tsx test/e2e/screens/reportList.ts [out dir]`
 * (default screenshots/report-list).
 */
import fs from 'node:fs';
import path from 'node:path';
import { api, createReport } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, assertClientBuilt, launchBrowser } from '../support.ts';
import { signedIn } from '../treaty/support.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots/report-list');
const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function main() {
  assertClientBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, account, context } = await signedIn(browser, server.url, 'Amina Diallo', viewport);
      const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: account, body: { name: 'Equal Schools Coalition' } });
      await createReport(server.url, account, { title: 'Women in detention', mechanism: 'CEDAW', stateUnderReview: 'Côte d’Ivoire' });
      await createReport(server.url, account, { title: 'Arbitrary arrests and police custody', mechanism: 'CCPR', stateUnderReview: 'Ruritania' });
      await createReport(server.url, account, { title: 'Child labour in the mines', mechanism: 'CRC', stateUnderReview: 'Ruritania', coalitionId: coalition.body.id });
      await createReport(server.url, account, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Ruritania', coalitionId: coalition.body.id });
      const old = await createReport(server.url, account, { title: 'Right to water (2022 cycle)', mechanism: 'CESCR', stateUnderReview: 'Freedonia' });
      await api(server.url, `/api/reports/${old.id}`, { as: account, method: 'DELETE' });

      await page.goto(`${server.url}/?state=Ruritania&sort=title`);
      await page.getByTestId('report-card').first().waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('ruri');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-01-list-filtered.png`), fullPage: true });
      await page.goto(`${server.url}/?view=trash`);
      await page.getByTestId('trash-card').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-02-trash.png`), fullPage: true });
      await page.getByRole('button', { name: 'Delete forever…' }).click();
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${name}-03-delete-forever.png`) });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await storage.destroy();
  }
}

main().then(
  () => console.log(`screenshots in ${OUT}`),
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
