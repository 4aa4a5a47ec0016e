/**
 * Text zoomed to 200 % (WCAG 1.4.4 and 1.4.10): a 1280 px wide window at 200 % is a 640 × 400 CSS px viewport
 * at device scale 2. The report list, the report page and the export dialog lose nothing: the page never scrolls
 * sideways, and the key controls can be scrolled to and lie wholly inside the window. Screens in
 * test/e2e/screens/zoom/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { api, createReport, signUp } from '../helpers/clients.ts';
import { useBrowserSuite, WAIT_MS } from './support.ts';

const SHOTS = path.resolve('test/e2e/screens/zoom');
const ZOOMED = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } as const;

/** Sideways overflow of the page itself, in CSS px (0 when the page fits the window's width). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });
}

/** What keeps a control from being used at this size: null when it can be scrolled to and lies inside the window. */
async function unreachable(page: Page, name: string, control: Locator): Promise<string | null> {
  const first = control.first();
  if ((await first.count()) === 0) return `${name}: missing`;
  await first.scrollIntoViewIfNeeded();
  if (!(await first.isVisible())) return `${name}: not visible`;
  const box = await first.boundingBox();
  const width = page.viewportSize()!.width;
  if (!box) return `${name}: no box`;
  if (box.x < -0.5 || box.x + box.width > width + 0.5) return `${name}: outside the window (x ${Math.round(box.x)}, width ${Math.round(box.width)})`;
  // Not covered by something else (a sticky bar, an overlay): the element itself is hit at its centre.
  const hit = await first.evaluate((el) => {
    // The middle of the part inside the window (a tall editor is partly below it).
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, window.innerHeight);
    const found = document.elementFromPoint(r.left + r.width / 2, (top + bottom) / 2);
    return !!found && (el === found || el.contains(found) || found.contains(el));
  });
  return hit ? null : `${name}: covered by another element`;
}

describe('Zoom to 200 %', () => {
  const suite = useBrowserSuite();

  it('loses nothing on the report list, the report page and the export dialog at 640 CSS px (1280 px at 200 %)', async () => {
    const base = suite.server.url;
    const owner = await signUp(base, { name: 'Amina Diallo' });
    const report = await createReport(base, owner, { title: 'Violence against women and girls in rural areas', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', template: 'cedaw' });
    await createReport(base, owner, { title: 'Roma housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    const context = await suite.browser.newContext({ ...ZOOMED, locale: 'en' });
    suite.keep({ context });
    const [name, value] = owner.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    fs.mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    const check = async (screen: string, controls: [string, Locator][]) => {
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`${screen}: the page scrolls sideways by ${overflow}px`);
      for (const [label, control] of controls) {
        const problem = await unreachable(page, label, control);
        if (problem) problems.push(`${screen}: ${problem}`);
      }
    };

    // The report list.
    await page.goto(`${base}/reports`);
    await page.locator('[data-testid="report-card"]').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'report-list.png') });
    await check('report list', [
      ['the account menu', page.getByTestId('account-menu')],
      ['New report', page.getByRole('button', { name: /New report/ })],
      ['the search field', page.getByLabel('Search')],
      ['the first report', page.getByRole('link', { name: 'Violence against women and girls in rural areas' })],
      ['the last report', page.getByRole('link', { name: 'Roma housing' })],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'report-list-end.png') });

    // The report page.
    await page.goto(`${base}/reports/${report.id}`);
    await page.locator('.ProseMirror').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SHOTS, 'report.png') });
    await check('report page', [
      ['the report title', page.locator('.report-header__title')],
      ['the outline', page.locator('.outline-toggle:visible, #outline-pane:visible')],
      ['the section heading', page.locator('#section-heading')],
      ['the editor', page.locator('.ProseMirror').first()],
      ['the sync state', page.locator('[data-testid="sync-status"], .sync-status').first()],
      ['the Checklist view', page.locator('.views-bar__item[data-view="checklist"]')],
      ['the last view', page.locator('.views-bar__item').last()],
      ['the Bold button', page.getByRole('button', { name: 'Bold' })],
      ['the last toolbar button', page.locator('.toolbar button:visible').last()],
    ]);
    await page.evaluate(() => window.scrollTo(0, 0));

    // The outline, in its drawer at this width.
    const toggle = page.locator('.outline-toggle');
    if (await toggle.isVisible()) {
      await toggle.click();
      await page.locator('.outline-pane--open').waitFor();
      // The drawer slides in: wait until it has arrived, wholly inside the window.
      await page.waitForFunction(() => {
        const r = document.querySelector('.outline-pane--open')?.getBoundingClientRect();
        return !!r && r.left >= 0 && r.right <= window.innerWidth && !document.getAnimations().some((a) => a.playState === 'running');
      }, null, { timeout: WAIT_MS });
      await page.screenshot({ path: path.join(SHOTS, 'outline.png') });
      await check('outline', [
        ['the first section', page.locator('.outline-item__select').first()],
        ['the last section', page.locator('.outline-item__select').last()],
        ['the close button', page.locator('.drawer-close')],
      ]);
      await page.locator('.drawer-close').click();
      await page.locator('.outline-pane--open').waitFor({ state: 'detached' });
    }

    // The header's menu of actions, where they fold away.
    const menu = page.locator('.report-header__menu-button');
    if (await menu.isVisible()) {
      await menu.click();
      await page.locator('.report-header__menu-actions').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'report-actions.png') });
      await check('report actions menu', [
        ['Export', page.getByTestId('export-button')],
        ['Share', page.locator('.share-button')],
        ['the last action', page.locator('.report-header__menu-actions button:visible').last()],
      ]);
      await page.keyboard.press('Escape');
    }

    // The export dialog, from the header (or its menu when the header folds actions away).
    const exportButton = page.getByTestId('export-button');
    if (!(await exportButton.isVisible())) await page.locator('.report-header__menu-button').click();
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'export-dialog.png') });
    await check('export dialog', [
      ['the dialog title', dialog.getByRole('heading', { name: 'Export report' })],
      ['the Word format', dialog.getByRole('radio').first()],
      ['the file name', dialog.getByTestId('export-file-name')],
      ['the footnote choice', dialog.getByLabel('Footnotes at the foot of each page')],
      ['the last button', dialog.getByRole('button').last()],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'export-dialog-end.png') });
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);

    // Right to left: nothing runs off either side in Arabic either.
    await api(base, '/api/auth/me/language', { as: owner, method: 'PUT', body: { language: 'ar' } });
    const arabic = await suite.browser.newContext({ ...ZOOMED, locale: 'ar' });
    suite.keep({ context: arabic });
    await arabic.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const rtl = await arabic.newPage();
    rtl.setDefaultTimeout(WAIT_MS);
    const rtlProblems: string[] = [];
    await rtl.goto(`${base}/reports`);
    await rtl.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: WAIT_MS });
    await rtl.locator('[data-testid="report-card"]').first().waitFor();
    if ((await sidewaysOverflow(rtl)) > 0) rtlProblems.push('ar report list scrolls sideways');
    await rtl.screenshot({ path: path.join(SHOTS, 'ar-report-list.png') });
    await rtl.goto(`${base}/reports/${report.id}`);
    await rtl.locator('.ProseMirror').first().waitFor();
    if ((await sidewaysOverflow(rtl)) > 0) rtlProblems.push('ar report page scrolls sideways');
    await rtl.screenshot({ path: path.join(SHOTS, 'ar-report.png') });
    if (!(await rtl.getByTestId('export-button').isVisible())) await rtl.locator('.report-header__menu-button').click();
    await rtl.getByTestId('export-button').click();
    await rtl.locator('dialog[open]').waitFor();
    if ((await sidewaysOverflow(rtl)) > 0) rtlProblems.push('ar export dialog scrolls sideways');
    const last = await unreachable(rtl, 'the last button', rtl.locator('dialog[open] button').last());
    if (last) rtlProblems.push(`ar export dialog: ${last}`);
    await rtl.screenshot({ path: path.join(SHOTS, 'ar-export-dialog.png') });
    expect(rtlProblems).toEqual([]);
  }, 180_000);
});
