/**
 * Screenshots of passage tagging at 1280x800 and 390x844, for looking at, not asserting:
 * `npx vite build && node --import tsx test/e2e/screens/passageTags.ts [out dir]` (default screenshots/passage-tags).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createReport } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, assertClientBuilt, launchBrowser, waitForSyncState } from '../support.ts';
import { openSection, openView, signedIn } from '../treaty/support.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots/passage-tags');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

async function main() {
  assertClientBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page, account, context } = await signedIn(browser, server.url, 'Lena Horvat', viewport);
      const shot = async (label: string) => {
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(OUT, `${name}-${label}.png`) });
        console.log(`${name}-${label}.png`);
      };
      const report = await createReport(server.url, account, { title: 'Roma housing', mechanism: 'CERD', stateUnderReview: 'Freedonia', template: 'cerd' });
      await page.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(page, 'synced');
      await openSection(page, 'Article 5');
      await page.locator('.prose').click();
      await page.keyboard.type('In 2024, forty Roma families were evicted from the Sunflower settlement without notice, and no alternative housing was offered.');
      for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('Control+Alt+KeyT');
      const picker = page.getByRole('combobox', { name: 'Tag the selected words' });
      await picker.pressSequentially('housing', { delay: 10 });
      await page.locator('.passage-controls .tag-picker__list [role="option"]').first().waitFor();
      await shot('1-picker');
      await picker.press('Enter');
      await picker.pressSequentially('SDG 11.1', { delay: 10 });
      await picker.press('Enter');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.locator('.prose .passage-tag').first().click();
      await shot('2-caret-in-passage');
      await page.locator('.prose p').first().click({ position: { x: 4, y: 4 } });
      await page.locator('.prose [data-passage-tags]').first().hover();
      await shot('3-marked-text');
      await openView(page, 'coverage');
      await page.getByTestId('coverage-articles').waitFor();
      await shot('4-coverage');
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
  process.exitCode = 1;
});
