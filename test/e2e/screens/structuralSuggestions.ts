/**
 * Screenshots of suggestions beyond the text (suggesting toolbar, new paragraph, deleted list item and row,
 * footnote, bold; the editor's view and the suggestions panel) at laptop (1280x800) and phone (390x844) sizes,
 * for looking at: `npx vite build && node --import tsx test/e2e/screens/structuralSuggestions.ts [outDir]`.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, launchBrowser } from '../support.ts';
import { caretAfter, person, selectPhrase } from '../reviewSupport.ts';
import { CLOSING, OPENING, seedStructuredReport } from '../structureSupport.ts';

const out = path.resolve(process.argv[2] ?? 'test-results/structure-screens');
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
    await caretAfter(rp, OPENING);
    await rp.keyboard.press('Enter');
    await rp.keyboard.type('Families lost their homes.');
    await rp.keyboard.press('Enter');
    await rp.keyboard.type('Rents went up by half.');
    await caretAfter(rp, 'Schools');
    await rp.getByRole('button', { name: 'Suggest deleting this list item' }).click();
    await caretAfter(rp, '2023');
    await rp.getByRole('button', { name: 'Suggest deleting this table row' }).click();
    await shot(rp, `${size}-01-reviewer-suggests-structure`);
    await caretAfter(rp, CLOSING);
    await rp.getByRole('button', { name: 'Suggest a footnote' }).click();
    await rp.getByLabel('Suggested footnote').fill('Housing ministry figures, 2025.');
    await shot(rp, `${size}-02-footnote-form`);
    await rp.getByRole('button', { name: 'Suggest', exact: true }).click();
    await selectPhrase(rp, 'must');
    await rp.keyboard.press('Control+b');
    await shot(rp, `${size}-03-reviewer-all-five`);
    await editor.page.bringToFront();
    await shot(editor.page, `${size}-04-editor-sees-them`);
    await editor.page.getByTestId('review-toggle').click();
    await editor.page.getByRole('tab', { name: 'Suggestions' }).click();
    await shot(editor.page, `${size}-05-panel-suggestions`);
    await editor.context.close();
    await reviewer.context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await storage.destroy();
}
