/**
 * Issue 11 in Chromium: the app never asks the server for an end-to-end encrypted report's text. Every request the
 * browser makes is recorded while a person works through an encrypted report: makes it, writes, comments, opens
 * the review panel's comments and suggestions, the image dialog, the whole report and each view (coverage,
 * recommendations, earlier recommendations, checklist, cover with its deadline), adds a section in the outline,
 * opens the testimony panel, finds, prints, exports a Word file and a PDF made in the browser, and presses
 * Duplicate in the list. No request may go to a route that answers 409 `encrypted_report`
 * (server/src/e2ee/encryptedGuard.ts: every `/api/reports/:id/<sub-path>` but members, undelete, e2ee and encrypted-versions; a PATCH
 * of the deadline), and no answer may be a 409.
 * The versions panel too: it saves a named version, sealed in the browser (`/encrypted-versions`).
 */
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/server.ts';
import { witnessMarker } from '../helpers/sqliteFiles.ts';
import { createEncryptedReport, unlock } from './encryptionSupport.ts';
import { selectPhrase } from './reviewSupport.ts';
import { AMINA, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForSyncState, WAIT_MS } from './support.ts';

/** Sub-paths of /api/reports/:id the server serves for an encrypted report (encryptedGuard.ts WITHOUT_TEXT). */
const ALLOWED_SUBPATHS = new Set(['members', 'undelete', 'e2ee', 'encrypted-versions']);

interface Seen {
  method: string;
  url: string;
  body: string | null;
}

/** Why a request would be refused for this encrypted report, or null. */
function refusedRoute(request: Seen, reportId: string): string | null {
  const url = new URL(request.url);
  const m = /^\/api\/reports\/([^/]+)(?:\/([^/?]+))?/.exec(url.pathname);
  if (!m || decodeURIComponent(m[1]!) !== reportId) return null;
  if (m[2] && !ALLOWED_SUBPATHS.has(m[2])) return `${request.method} ${url.pathname}`;
  if (!m[2] && request.method === 'PATCH' && request.body && /"deadline"/.test(request.body)) return `PATCH ${url.pathname} (deadline)`;
  return null;
}

async function exportFile(page: Page, button: string): Promise<string> {
  const downloaded = page.waitForEvent('download', { timeout: WAIT_MS * 2 });
  await page.getByRole('button', { name: button }).click();
  const download = await downloaded;
  await page.getByTestId('export-done').waitFor();
  return download.suggestedFilename();
}

describe('An end-to-end encrypted report in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('is made, written, commented, viewed, found, printed and exported without one request to a route that needs its text', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = amina;
    page.on('pageerror', (e) => console.error('page error:', e.message, e.stack));
    const requests: Seen[] = [];
    const conflicts: string[] = [];
    const record = (r: Request) => requests.push({ method: r.method(), url: r.url(), body: r.postData() });
    context.on('request', record);
    context.on('response', (r) => {
      if (r.status() === 409) conflicts.push(`${r.request().method()} ${r.url()}`);
    });
    await page.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');

    const title = `Testimony ${witnessMarker()}`;
    const reportId = await createEncryptedReport(page, server.url, title);
    await unlock(page, AMINA.password);
    await waitForSyncState(page, 'synced');

    // Writes, and comments on what it wrote.
    await typeAtEnd(page, 'The State should adopt a law on segregated schools.');
    await selectPhrase(page, 'segregated schools');
    await page.keyboard.press('Control+Alt+m');
    await page.getByRole('combobox', { name: 'Comment' }).fill('Which law?');
    await page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    await page.locator('.review-margin').getByTestId('thread').filter({ hasText: 'Which law?' }).waitFor();

    // The review panel's comments, suggestions and versions.
    await page.getByTestId('review-toggle').click();
    const panel = page.getByTestId('review-panel');
    await panel.getByRole('tab', { name: 'Comments' }).click();
    await panel.getByText('Which law?').first().waitFor();
    await panel.getByRole('tab', { name: 'Suggestions' }).click();
    await poll(() => panel.getByRole('tab', { name: 'Suggestions' }).getAttribute('aria-selected')).toBe('true');
    await panel.getByRole('tab', { name: 'Versions' }).click();
    await panel.getByRole('button', { name: 'Save version…' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Before the coalition call');
    await page.getByRole('button', { name: 'Save version', exact: true }).click();
    await panel.getByTestId('version').filter({ hasText: 'Before the coalition call' }).waitFor();
    await panel.getByRole('button', { name: 'Close review panel' }).click();
    await panel.waitFor({ state: 'hidden' });

    // Images would be kept unencrypted by the server: the dialog says so and uploads nothing.
    await page.getByRole('button', { name: 'Insert image' }).click();
    const imageDialog = page.getByRole('dialog', { name: 'Insert image' });
    await imageDialog.getByTestId('image-encrypted').waitFor();
    await imageDialog.getByRole('button', { name: 'Close' }).first().click();
    await imageDialog.waitFor({ state: 'hidden' });

    // The whole report, then back to one section.
    await page.getByRole('button', { name: 'Whole report' }).click();
    await poll(() => page.getByRole('button', { name: 'Whole report' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByText('segregated schools').first().waitFor();

    // Each view of the views bar.
    for (const view of ['coverage', 'recommendations', 'earlier', 'checklist', 'cover', 'sections']) {
      await page.locator(`.views-bar [data-view="${view}"]`).click();
      await poll(() => page.locator(`.views-bar [data-view="${view}"]`).getAttribute('aria-current')).toBe('page');
      // Let the view load what it loads.
      await page.waitForTimeout(1500);
      expect(await page.locator('#main').innerText()).not.toBe('');
      // The deadline lives in the (encrypted) cover, never in a PATCH of the report.
      if (view === 'cover') {
        await page.locator('#cover-deadline').fill('2027-03-15');
        // Sign-on is the server's: an encrypted report has none, and the form says so.
        await page.getByTestId('sign-on-encrypted').waitFor();
      }
    }

    // The outline: a new section.
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByLabel('Section title').fill('Follow-up');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Follow-up/ }).first().waitFor();

    // Testimony: pseudonyms live in the (encrypted) report; real names and contacts are not asked of the server.
    await page.getByTestId('testimony-button').click();
    const testimony = page.getByTestId('testimony-panel');
    await testimony.getByRole('button', { name: 'Add testimony' }).click();
    await testimony.getByTestId('testimony-record').first().waitFor();
    await testimony.getByTestId('testimony-contacts-encrypted').waitFor();
    expect(await testimony.getByTestId('testimony-private').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Find, print preview.
    await page.getByTestId('find-button').click();
    await page.getByLabel('Find in report', { exact: true }).fill('segregated');
    await poll(() => page.getByTestId('find-count').innerText()).toMatch(/1/);
    await page.keyboard.press('Escape');
    await page.getByTestId('print-button').click();
    await poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0)).toBe(1);

    // The export dialog, a Word file and a PDF made in the browser.
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    expect(await exportFile(page, 'Export Word file')).toMatch(/\.docx$/);
    await dialog.getByLabel(/^PDF/).check();
    // The tagged PDF would be made by the server: not offered.
    expect(await dialog.getByLabel(/^Accessible PDF/).isDisabled()).toBe(true);
    expect(await exportFile(page, 'Export PDF')).toMatch(/\.pdf$/);
    await page.keyboard.press('Escape');

    // The list of reports: Duplicate says why it cannot, and asks nothing of the server.
    await page.goto(server.url);
    const card = page.getByTestId('report-card').filter({ has: page.locator('.report-card__title', { hasText: title }) });
    await card.getByRole('button', { name: 'Duplicate' }).click({ force: true });
    await page.getByTestId('toast').filter({ hasText: 'cannot copy an end-to-end encrypted report' }).waitFor();
    await page.goto(`${server.url}/reports/${reportId}`);

    // Anything late (lazy views, the service worker) has had its chance.
    await page.waitForTimeout(2000);
    await waitForSyncState(page, 'synced');

    expect(requests.some((r) => r.url.includes(`/api/reports/${reportId}/e2ee`))).toBe(true);
    const refused = requests.map((r) => refusedRoute(r, reportId)).filter((r): r is string => r !== null);
    expect(refused).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(amina.errors).toEqual([]);
  }, 300_000);
});
