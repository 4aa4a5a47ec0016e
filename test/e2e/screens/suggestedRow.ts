/**
 * Screenshots of a suggested new table row (the "+ Row" form, the pending row for the reviewer and the editor,
 * its card) at laptop (1280x800) and phone (390x844) sizes, for looking at:
 * `npx vite build && node --import tsx test/e2e/screens/suggestedRow.ts [outDir]`.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, launchBrowser } from '../support.ts';
import { person, selectPhrase } from '../reviewSupport.ts';
import { seedStructuredReport } from '../structureSupport.ts';

const out = path.resolve(process.argv[2] ?? 'test-results/row-screens');
fs.mkdirSync(out, { recursive: true });

const storage = await createTestStorage('sqlite');
const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
const browser = await launchBrowser();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log('saved', name);
};

try {
  for (const [size, viewport] of [
    ['laptop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const editor = await person(browser, server, 'Edwin Okafor', viewport);
    const reviewer = await person(browser, server, 'Rania Haddad', viewport);
    const { id } = await seedStructuredReport(server, editor.account, reviewer.account);
    const url = `${server.url}/reports/${id}`;
    for (const p of [editor, reviewer]) {
      await p.page.goto(url);
      await p.page.locator('.prose').waitFor();
    }
    const rp = reviewer.page;
    await rp.getByTestId('suggest-tools').waitFor();
    // The caret in the cell (ArrowRight at a row's last cell would leave the row).
    await selectPhrase(rp, '57');
    await rp.keyboard.press('ArrowLeft');
    await shot(rp, `${size}-01-caret-in-table`);
    await rp.getByRole('button', { name: 'Suggest a new row below' }).click();
    const form = rp.getByRole('form', { name: 'Suggested new row' });
    await form.getByLabel('Year', { exact: true }).fill('2025');
    await form.getByLabel('Evictions', { exact: true }).fill('63');
    await shot(rp, `${size}-02-row-form`);
    await form.getByRole('button', { name: 'Suggest', exact: true }).click();
    await shot(rp, `${size}-03-reviewer-pending-row`);
    await editor.page.bringToFront();
    await editor.page.locator('.prose tr.rd-sugg-row').waitFor();
    await editor.page.locator('.prose tr.rd-sugg-row').scrollIntoViewIfNeeded();
    await shot(editor.page, `${size}-04-editor-sees-row`);
    await editor.context.close();
    await reviewer.context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await storage.destroy();
}
