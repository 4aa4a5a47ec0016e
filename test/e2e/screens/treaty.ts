/**
 * Screenshots of every treaty screen and state at 1280x800 and 390x844, for looking at, not asserting:
 * `npx vite build && node --import tsx test/e2e/screens/treaty.ts [out dir]` (default screenshots/treaty).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { listSections, setSectionTag } from '../../../shared/report/layout.ts';
import { connectClient, waitFor } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, assertClientBuilt, launchBrowser, waitForSyncState } from '../support.ts';
import { addTag, longText, openSection, openView, pasteText, signedIn } from '../treaty/support.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots/treaty');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

const UPR_PASTE = `A/HRC/46/15
26. The following recommendations enjoy the support of Freedonia:
26.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);
26.2 Adopt a comprehensive anti-discrimination law covering Roma (Germany) (Sweden);
27. The following recommendations have been noted by Freedonia:
27.1 Consider abolishing the death penalty (France);
27.2 Take measures to protect journalists`;

async function main() {
  assertClientBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const user = await signedIn(browser, server.url, 'Amina Diallo', viewport);
      const { page } = user;
      const shot = async (label: string, target?: Page) => {
        await (target ?? page).waitForTimeout(350);
        await (target ?? page).screenshot({ path: path.join(OUT, `${name}-${label}.png`) });
        // Anything wider than the screen makes the page or the view scroll sideways: say which.
        const wide = await (target ?? page).evaluate(() => {
          const limit = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter((e) => {
              const box = e.getBoundingClientRect();
              return box.width > 0 && box.right > limit + 1 && !e.closest('.views-bar, .toolbar, .outline-pane:not(.outline-pane--open), .tooltip, .table-scroll');
            })
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`);
        });
        console.log(`${name}-${label}.png${wide.length ? `  WIDER THAN THE SCREEN: ${wide.join(', ')}` : ''}`);
      };
      /** The whole of a long view: the page is as tall as the view's scroll height for the shot. */
      const fullShot = async (label: string) => {
        await page.waitForTimeout(350);
        const extra = await page.evaluate(() => {
          const main = document.getElementById('main');
          return main ? main.scrollHeight - main.clientHeight : 0;
        });
        await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.min(extra, 4000) });
        await shot(label);
        await page.setViewportSize(viewport);
      };

      // New report dialog: CERD, then UPR with the submission type.
      await page.goto(server.url);
      await page.getByRole('button', { name: /New report/ }).first().click();
      await page.getByLabel('Title').fill('Joint UPR submission on Roma rights');
      await page.getByLabel('Mechanism').selectOption('CERD');
      await shot('01-new-report-cerd');
      await page.getByLabel('Mechanism').selectOption('UPR');
      await page.getByLabel('State under review').fill('Freedonia');
      await page.getByLabel('Several organisations').check();
      await shot('02-new-report-upr-joint');
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.waitForURL(/\/reports\//);
      await waitForSyncState(page, 'synced');
      const reportId = new URL(page.url()).pathname.split('/').pop()!;
      await shot('03-upr-report');

      // Tags.
      await openSection(page, 'Thematic issues');
      const picker = page.getByRole('combobox', { name: /^Add a tag to/ });
      await picker.click();
      await picker.pressSequentially('violence against women', { delay: 10 });
      await page.locator('.tag-picker__list [role="option"]').first().waitFor();
      await picker.press('ArrowDown');
      await shot('04-tag-picker-open');
      await picker.fill('');
      await addTag(page, 'SDG 5.2');
      await addTag(page, 'ICERD 5');
      await addTag(page, 'housing');
      // An id nobody knows, written by another tool: shown, never dropped.
      const client = connectClient(server.wsUrl, roomName(reportId), user.account);
      await client.synced;
      const thematic = listSections(client.doc).find((s) => s.title === 'Thematic issues')!;
      setSectionTag(client.doc, thematic.id, 'CERD-EW:2027/1', true);
      await page.locator('[data-tag-id="CERD-EW:2027/1"]').waitFor();
      await shot('05-tag-chips');
      await page.locator('[data-testid="tag-chip"][data-tag-id="SDG:5.2"] .tag-chip__label').hover();
      await shot('06-chip-tooltip');
      await page.locator('[data-testid="tag-chip"][data-tag-id="CERD-EW:2027/1"] .tag-chip__label').focus();
      await shot('07-chip-unknown-focus');
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');

      // Outline filter.
      await page.locator('[data-testid="tag-chip"][data-tag-id="ICERD:5"] .tag-chip__label').click();
      if (name === 'mobile') await page.locator('.outline-toggle').click();
      await shot('08-outline-filter');
      await page.getByRole('button', { name: 'Show all sections' }).click();
      if (name === 'mobile') await page.keyboard.press('Escape');

      // Coverage.
      await openView(page, 'coverage');
      await page.locator('[data-testid="coverage-sdgs"]').waitFor();
      await fullShot('09-coverage-upr');
      await page.getByLabel('Show only what no section addresses').check();
      await fullShot('10-coverage-gaps');
      await page.getByLabel('Show only what no section addresses').uncheck();

      // Words: a long paste, near then over the limit; the header's tooltip; a section budget.
      await openView(page, 'sections');
      await openSection(page, 'Thematic issues');
      await page.locator('.prose').click();
      await pasteText(page, longText(5200));
      await page.locator('[data-testid="report-word-count"][data-state="near"]').waitFor();
      await page.locator('.prose').press('Control+End');
      await shot('11-words-near');
      await pasteText(page, longText(600));
      await page.locator('[data-testid="report-word-count"][data-state="over"]').waitFor();
      await page.locator('[data-testid="report-word-count"]').hover();
      await shot('12-words-over-tooltip');
      await page.mouse.move(0, 0);
      await page.getByRole('button', { name: 'Set a word budget' }).click();
      await page.getByLabel('Word budget').fill('5000');
      await shot('13-budget-form');
      await page.getByLabel('Word budget').press('Enter');
      await page.locator('[data-testid="section-word-footer"][data-state="over"]').waitFor();
      await shot('14-budget-over');

      // A recommendation block, its row in the toolbar, and the list.
      await openSection(page, 'Recommendations');
      await page.locator('.prose').click();
      await page.keyboard.type('The Ministry of the Interior should end forced evictions of Roma settlements by June 2027 and publish annual eviction data.');
      await page.getByRole('button', { name: 'Recommendation', exact: true }).click();
      await page.getByPlaceholder('e.g. The Ministry of the Interior').fill('The Ministry of the Interior');
      await page.getByPlaceholder('e.g. The Ministry of the Interior').press('Enter');
      const recPicker = page.getByRole('combobox', { name: 'Add a tag to this recommendation' });
      await recPicker.pressSequentially('ICERD 5', { delay: 10 });
      await page.locator('.rec-controls [role="option"]').first().waitFor();
      await recPicker.press('Enter');
      await page.locator('.prose').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Continue efforts to combat discrimination and take appropriate measures as appropriate.');
      await page.getByRole('button', { name: 'Recommendation', exact: true }).click();
      await page.locator('.prose .recommendation').nth(1).waitFor();
      await page.locator('.prose .recommendation').first().click();
      await shot('15-recommendation-block');
      await openView(page, 'recommendations');
      await page.locator('[data-testid="recommendation-card"]').nth(1).waitFor();
      await fullShot('16-recommendations');

      // Earlier recommendations: paste with a problem, add, assess.
      await openView(page, 'earlier');
      await page.getByLabel('Recommendations as printed in the report').fill(UPR_PASTE);
      await page.locator('[data-testid="paste-preview"]').waitFor();
      await shot('17-earlier-paste-preview');
      await page.getByLabel('Recommendations as printed in the report').fill(UPR_PASTE + ' (Norway);');
      await page.getByRole('button', { name: /^Add 4 recommendations/ }).click();
      await page.locator('[data-testid="earlier-recommendation"]').nth(3).waitFor();
      const first = page.locator('[data-testid="earlier-recommendation"]').first();
      await first.getByText('Partially implemented').click();
      await first.getByLabel('Comment on implementation').fill('The law was drafted in 2023 but has not been adopted.');
      await first.getByLabel('Comment on implementation').blur();
      await page.locator('[data-testid="earlier-recommendation"]').nth(2).getByText('Not implemented').click();
      await fullShot('18-earlier-list');

      // Checklist and cover information.
      await openView(page, 'checklist');
      await page.locator('[data-testid="check-item"]').first().waitFor();
      await fullShot('19-checklist');
      await openView(page, 'cover');
      await page.getByLabel('Session or cycle').fill('UPR 4th cycle, 48th session');
      await page.getByLabel('Contact person').fill('Amina Diallo, amina@roma-rights.example');
      await page.getByLabel('Contact person').press('Enter');
      await page.getByLabel('Public').check();
      for (const org of ['Roma Rights Centre', 'Housing Justice Network', 'Freedonia Legal Aid']) {
        await page.getByLabel('Organisation to add').fill(org);
        await page.getByRole('button', { name: 'Add organisation' }).click();
      }
      await shot('20-cover');
      await page.getByLabel('This report’s own limit').fill('7000');
      await page.getByLabel('This report’s own limit').press('Enter');
      await page.getByLabel('Number the paragraphs').check();
      await fullShot('21-cover-full');
      await openView(page, 'checklist');
      await fullShot('22-checklist-after');

      // A CERD report: coverage of ICERD's articles.
      await page.goto(server.url);
      await page.getByRole('button', { name: /New report/ }).first().click();
      await page.getByLabel('Title').fill('Shadow report on racial discrimination in housing');
      await page.getByLabel('Mechanism').selectOption('CERD');
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.waitForURL(/\/reports\//);
      await waitForSyncState(page, 'synced');
      await openView(page, 'coverage');
      await page.locator('[data-testid="coverage-articles"]').waitFor();
      await fullShot('23-coverage-cerd');
      client.destroy();
      await waitFor(() => true);
      if (user.errors.length) console.log('page errors:', user.errors);
      await user.context.close();
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
