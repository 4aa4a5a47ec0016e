/**
 * Issue 12 in the browser: an editor writes a sentence with a quote, links the quote to a new testimony record and
 * lists a sensitive name, which the text highlights at once. When the owner records that the witness withdrew
 * consent, the linked passage is flagged in both people's editors at once, the header counts it, and the Testimony
 * panel lists it. The owner sees the real name field; the export dialog lists a committee-only passage a public
 * export leaves out, stops by default, and with "Leave those passages out" makes a Word file without it; the
 * checklist fails the quote. Screenshots (SCREENSHOT_DIR) at laptop and phone sizes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, createReport } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { poll, useBrowserSuite, waitForSyncState } from './support.ts';
import { signedIn } from './treaty/support.ts';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/** Click a header action; on a phone the actions are in the "Report actions" menu. */
async function headerAction(page: Page, testId: string): Promise<void> {
  const menu = page.locator('.report-header__menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId(testId).click();
}

const SHOTS = process.env.SCREENSHOT_DIR ?? '';

describe('Testimony and consent in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('flags a linked passage in every open editor the moment consent is withdrawn', async () => {
    const owner = suite.keep(await signedIn(browser, server.url, 'Lena Horvat'));
    const editor = suite.keep(await signedIn(browser, server.url, 'Tomas Novak'));
    const report = await createReport(server.url, owner.account, { title: 'Evictions', mechanism: 'CESCR', stateUnderReview: 'Freedonia' });
    expect((await api(server.url, `/api/reports/${report.id}/members`, { as: owner.account, body: { email: editor.account.email, role: 'editor' } })).status).toBe(201);

    for (const { page } of [owner, editor]) {
      await page.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(page, 'synced');
    }
    const { page } = editor;
    const addFirst = page.getByRole('button', { name: 'Add the first section' });
    if (await addFirst.isVisible()) await addFirst.click();
    const prose = page.locator('.prose');
    await prose.click();
    await page.keyboard.type('Families on Rua das Flores were evicted. She said they came at night');
    // Select the quote: the last four words.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowLeft');

    await page.getByTestId('testimony-button').click();
    const panel = page.getByTestId('testimony-panel');
    await panel.getByRole('button', { name: 'Add testimony' }).click();
    await poll(() => panel.getByTestId('testimony-record').first().innerText()).toContain('Witness A');
    await panel.getByTestId('testimony-link').click();
    await poll(() => page.locator('.prose .testimony-link').innerText()).toBe('they came at night');

    // A sensitive name is highlighted in the text as soon as it is listed.
    await page.getByTestId('testimony-button').click();
    await panel.getByLabel('Name', { exact: true }).fill('Rua das Flores');
    await panel.getByLabel('On export it becomes').fill('a street in the northern district');
    await panel.getByRole('button', { name: 'Add name' }).click();
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.prose .sensitive-name').innerText()).toBe('Rua das Flores');
    await poll(() => page.locator('.prose .sensitive-name').getAttribute('title')).toContain('a street in the northern district');
    await poll(() => owner.page.locator('.prose .sensitive-name').count()).toBe(1);

    // The owner records the withdrawal; both editors flag the passage at once.
    const ownerPage = owner.page;
    await poll(() => ownerPage.locator('.prose .testimony-link').count()).toBe(1);
    expect(await ownerPage.locator('.prose .testimony-flagged').count()).toBe(0);
    ownerPage.on('dialog', (d) => void d.accept());
    await ownerPage.getByTestId('testimony-button').click();
    const ownerPanel = ownerPage.getByTestId('testimony-panel');
    // Owners and editors see the real-name fields (kept on the server).
    await poll(() => ownerPanel.getByTestId('testimony-private').count()).toBe(1);
    await ownerPanel.getByLabel('Real name (owners and editors only)').fill('Maria da Silva');
    await ownerPanel.getByRole('button', { name: 'Save on the server' }).click();
    await poll(() => ownerPanel.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    await ownerPanel.getByTestId('testimony-withdraw').click();
    await poll(() => ownerPanel.getByTestId('testimony-flags').innerText()).toContain('Witness A in “Untitled section”');
    if (SHOTS) await ownerPage.getByRole('dialog').screenshot({ path: `${SHOTS}/laptop-testimony-panel.png` });
    await ownerPage.keyboard.press('Escape');

    for (const p of [ownerPage, page]) {
      await poll(() => p.locator('.prose .testimony-flagged').innerText()).toBe('they came at night');
      await poll(() => p.locator('.prose .testimony-flagged').getAttribute('title')).toContain('Consent withdrawn: Witness A');
      await poll(() => p.getByTestId('testimony-flag-count').innerText()).toBe('1');
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/laptop-testimony-flagged.png` });
    // The export dialog names the withdrawn passage, for every audience.
    await page.getByTestId('export-button').click();
    await page.getByRole('dialog', { name: 'Export report' }).getByText('Committee only, confidential').click();
    await poll(() => page.getByTestId('export-exclusions').innerText()).toContain('Witness A in “Untitled section”: “they came at night” (consent was withdrawn)');
    await page.getByTestId('export-audience').scrollIntoViewIfNeeded();
    if (SHOTS) await page.getByRole('dialog', { name: 'Export report' }).screenshot({ path: `${SHOTS}/laptop-export-audience.png` });
    await page.keyboard.press('Escape');
    expect(owner.errors).toEqual([]);
    expect(editor.errors).toEqual([]);
  });

  it('lists what a public export leaves out in the export dialog, and shows the panel on a phone', async () => {
    const phone = suite.keep(await signedIn(browser, server.url, 'Ana Lima', { width: 390, height: 844 }));
    const report = await createReport(server.url, phone.account, { title: 'Schools', mechanism: 'CRC', stateUnderReview: 'Freedonia' });
    const { page } = phone;
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    const addFirst = page.getByRole('button', { name: 'Add the first section' });
    if (await addFirst.isVisible()) await addFirst.click();
    await page.locator('.prose').click();
    await page.keyboard.type('The head teacher told us to stay silent');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
    await headerAction(page, 'testimony-button');
    const panel = page.getByTestId('testimony-panel');
    await panel.getByRole('button', { name: 'Add testimony' }).click();
    await poll(() => panel.locator('select').first().inputValue()).toBe('committee-only');
    await panel.getByTestId('testimony-link').click();
    await poll(() => page.locator('.prose .testimony-link').innerText()).toBe('us to stay silent');
    await headerAction(page, 'testimony-button');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-testimony-panel.png` });
    await page.keyboard.press('Escape');

    await headerAction(page, 'export-button');
    const exclusions = page.getByTestId('export-exclusions');
    await poll(() => exclusions.innerText()).toContain('Witness A in “Untitled section”: “us to stay silent”');
    await poll(() => exclusions.innerText()).toContain('committee only, confidential');
    await page.getByTestId('export-audience').scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-export-audience.png` });
    // Stopping is the default: the dialog says what and why, and makes no file.
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.getByRole('button', { name: 'Export Word file' }).click();
    await poll(() => dialog.getByRole('alert').innerText()).toContain('Not exported: consent does not cover this passage');
    await poll(() => dialog.getByRole('alert').innerText()).toContain('Witness A in “Untitled section”');
    // Leaving it out makes the file.
    await page.getByTestId('export-leave-out').check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export Word file' }).click()]);
    await poll(() => page.getByTestId('export-done').innerText()).toContain('Downloaded');
    // The file made in the browser holds the sentence without the committee-only words.
    const body = strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)))['word/document.xml']!);
    expect(body).toContain('The head teacher told');
    expect(body).not.toContain('stay silent');
    await dialog.getByRole('button', { name: 'Done' }).click();
    // The actions menu the export was chosen from closes with Escape.
    if (await page.locator('.report-header__menu-button[aria-expanded="true"]').isVisible()) await page.keyboard.press('Escape');

    // The checklist says the quote has no consent for a public submission.
    await page.locator('.views-bar__item[data-view="checklist"]').click();
    const check = page.locator('[data-testid="check-item"][data-check-id="testimony-consent-covers-export"]');
    await poll(() => check.getAttribute('data-passed')).toBe('false');
    await poll(() => check.innerText()).toContain('Witness A in “Untitled section”');
    if (SHOTS) {
      await check.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/phone-checklist-testimony.png` });
    }
    expect(phone.errors).toEqual([]);
  });
});
