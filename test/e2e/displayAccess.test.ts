/**
 * Display accessibility in Chromium (issue 13): the high-contrast theme (chosen in the account menu, kept on the
 * device, applied before the first paint, selected by `prefers-contrast: more` under "system") passes axe-core's
 * colour-contrast rules, AA and AAA (7:1), on the report list, the report page (with the tag picker open, coverage,
 * checklist), the export dialog, the library, coalitions, account settings and follow-up; and with the system asking for
 * less motion the report page runs no transition or animation. Screens in test/e2e/screens/display/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addSection, getSectionBody, listSections, setSectionTag } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import { useBrowserSuite, WAIT_MS } from './support.ts';

const SHOTS = path.resolve('test/e2e/screens/display');
const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's colour-contrast rules only: AA (4.5:1) and the enhanced AAA one (7:1), which axe leaves off by default. */
async function contrastViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[]; any: { message: string }[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'color-contrast-enhanced'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.any.map((a) => a.message).join(' ')}`));
  });
}

async function profile(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}

async function withCookie(context: BrowserContext, base: string, account: TestUser): Promise<void> {
  const [name, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
}

/** A CEDAW report whose first section has text, a treaty tag and an SDG tag, and a second report for the list. */
async function seed(base: string, wsUrl: string, owner: TestUser): Promise<string> {
  const report = await createReport(base, owner, { title: 'Violence against women', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', template: 'cedaw' });
  await createReport(base, owner, { title: 'Roma housing', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
  const client = connectClient(wsUrl, report.id, owner);
  await client.synced;
  const first = listSections(client.doc)[0]!.id;
  setSectionTag(client.doc, first, 'CEDAW:2', true);
  setSectionTag(client.doc, first, 'SDG:5.2', true);
  writeBody(getSectionBody(client.doc, first)!, docOf(paragraph('The State should adopt a law against domestic violence within one year.')));
  const extra = addSection(client.doc, { title: 'Access to justice' });
  writeBody(getSectionBody(client.doc, extra)!, docOf(paragraph('Shelters are few and far between.')));
  await waitFor(async () => (await api<{ sections: { title: string }[] }>(base, `/api/reports/${report.id}/content`, { as: owner })).body.sections.some((s) => s.title === 'Access to justice'));
  client.destroy();
  return report.id;
}

/** The contrast of white text on an element's computed background (rgb() or color(srgb ...)). */
function whiteTextContrast(el: Element): number {
  const bg = getComputedStyle(el).backgroundColor;
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(bg);
  const rgb = /rgba?\((\d+), (\d+), (\d+)/.exec(bg);
  const channels = srgb ? srgb.slice(1, 4).map(Number) : rgb ? rgb.slice(1, 4).map((c) => Number(c) / 255) : null;
  if (!channels) throw new Error(`unreadable background ${bg}`);
  const linear = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  return 1.05 / (luminance + 0.05);
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

describe('High contrast and reduced motion', () => {
  const suite = useBrowserSuite();
  let owner: TestUser;
  let reportId: string;

  it('chooses high contrast in the account menu, keeps it on the device, and passes axe colour contrast (AA and AAA) on the report list and report page', async () => {
    const base = suite.server.url;
    owner = await signUp(base, { name: 'Amina Diallo' });
    reportId = await seed(base, suite.server.wsUrl, owner);
    fs.mkdirSync(SHOTS, { recursive: true });
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    suite.keep({ context });
    await withCookie(context, base, owner);
    const { page, errors } = await profile(context);
    const problems: string[] = [];

    await page.goto(`${base}/reports`);
    await page.locator('[data-testid="report-card"]').first().waitFor();
    expect(await theme(page)).toBe('standard');
    await page.getByTestId('account-menu').click();
    const choice = page.getByTestId('theme-choice');
    expect(await choice.inputValue()).toBe('system');
    await page.getByLabel('Contrast').selectOption('high-contrast');
    expect(await theme(page)).toBe('high-contrast');
    expect(await page.evaluate(() => localStorage.getItem('rightsdraft.theme'))).toBe('high-contrast');
    await page.screenshot({ path: path.join(SHOTS, 'high-contrast-account-menu.png') });
    problems.push(...(await contrastViolations(page)).map((v) => `report list, account menu open: ${v}`));
    await page.keyboard.press('Escape');

    await page.reload();
    await page.locator('[data-testid="report-card"]').first().waitFor();
    expect(await theme(page)).toBe('high-contrast');
    await page.screenshot({ path: path.join(SHOTS, 'high-contrast-report-list.png') });
    // The avatar's colour is mixed in CSS (color-mix), which axe may only mark for review: measured here.
    expect(await page.locator('.user-chip .avatar').evaluate(whiteTextContrast)).toBeGreaterThanOrEqual(7);
    problems.push(...(await contrastViolations(page)).map((v) => `report list: ${v}`));

    await page.goto(`${base}/reports/${reportId}`);
    await page.locator('[data-testid="outline-item"] .outline-item__select').first().click();
    await page.getByTestId('section-tags').getByTestId('tag-chip').nth(1).waitFor();
    await page.locator('.prose p', { hasText: 'domestic violence' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SHOTS, 'high-contrast-report.png') });
    problems.push(...(await contrastViolations(page)).map((v) => `report page: ${v}`));
    // The tag picker's list open, then the export dialog.
    const picker = page.locator('[data-testid="section-tags"] .tag-picker__input');
    await picker.click();
    await picker.pressSequentially('violence', { delay: 10 });
    await page.locator('.tag-picker__list [role="option"]').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'high-contrast-tag-picker.png') });
    problems.push(...(await contrastViolations(page)).map((v) => `report page, tag picker open: ${v}`));
    await picker.press('Escape');
    await picker.fill('');
    await page.getByTestId('export-button').click();
    await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SHOTS, 'high-contrast-export-dialog.png') });
    problems.push(...(await contrastViolations(page)).map((v) => `export dialog: ${v}`));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Export report' }).waitFor({ state: 'detached' });
    for (const view of ['coverage', 'checklist'] as const) {
      await page.locator(`.views-bar__item[data-view="${view}"]`).click();
      await page.locator(`.views-bar__item[data-view="${view}"][aria-current="page"]`).waitFor();
      await page.waitForLoadState('networkidle');
      problems.push(...(await contrastViolations(page)).map((v) => `report page, ${view}: ${v}`));
    }
    // The other main pages, in the same theme.
    for (const [where, screen] of [
      ['/library', 'library'],
      ['/coalitions', 'coalitions'],
      ['/account', 'account settings'],
      ['/follow-up', 'follow-up'],
    ] as const) {
      await page.goto(`${base}${where}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      problems.push(...(await contrastViolations(page)).map((v) => `${screen}: ${v}`));
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('applies the kept theme before the app runs, and follows prefers-contrast under "system"', async () => {
    const base = suite.server.url;
    // The app's scripts blocked: only index.html's theme.js can have set the theme.
    const early = await suite.browser.newContext({ serviceWorkers: 'block' });
    try {
      await early.addInitScript(() => localStorage.setItem('rightsdraft.theme', 'high-contrast'));
      await early.route('**/assets/**', (route) => route.abort());
      await early.route('**/first-screen.js', (route) => route.abort());
      const { page } = await profile(early);
      await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
      expect(await theme(page)).toBe('high-contrast');
    } finally {
      await early.close();
    }

    // The device asks for more contrast: "system" gives high contrast, "standard" overrides it.
    const more = await suite.browser.newContext({ contrast: 'more', serviceWorkers: 'block' });
    try {
      const { page } = await profile(more);
      await page.goto(`${base}/signin`);
      await page.locator('main h1, h1').first().waitFor();
      expect(await theme(page)).toBe('high-contrast');
      await page.evaluate(() => localStorage.setItem('rightsdraft.theme', 'standard'));
      await page.reload();
      await page.locator('main h1, h1').first().waitFor();
      expect(await theme(page)).toBe('standard');
      // Live: the device's setting changes while the page is open.
      await page.evaluate(() => localStorage.removeItem('rightsdraft.theme'));
      await page.reload();
      await page.locator('main h1, h1').first().waitFor();
      expect(await theme(page)).toBe('high-contrast');
      await page.emulateMedia({ contrast: 'no-preference' });
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'standard', null, { timeout: WAIT_MS });
    } finally {
      await more.close();
    }
  }, 120_000);

  it('runs no transition or animation on the report page when the system asks for less motion', async () => {
    const base = suite.server.url;
    const moving = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
      try {
        await withCookie(context, base, owner);
        const { page } = await profile(context);
        await page.goto(`${base}/reports/${reportId}`);
        await page.locator('[data-testid="outline-item"] .outline-item__select').first().click();
        await page.getByTestId('section-tags').getByTestId('tag-chip').first().waitFor();
        // Hover and focus things that move in the standard motion.
        await page.getByTestId('section-tags').getByTestId('tag-chip').first().hover();
        await page.locator('.views-bar__item[data-view="coverage"]').hover();
        return await page.evaluate(() => {
          const moving = [...document.querySelectorAll('*')].filter((el) => {
            const style = getComputedStyle(el);
            const durations = `${style.transitionDuration},${style.animationDuration}`.split(',').map((d) => parseFloat(d));
            return durations.some((d) => d > 0) || (style.animationName !== 'none' && style.animationName !== '');
          });
          return { elements: moving.length, animations: document.getAnimations().length };
        });
      } finally {
        await context.close();
      }
    };
    const normal = await moving('no-preference');
    expect(normal.elements).toBeGreaterThan(0);
    expect(await moving('reduce')).toEqual({ elements: 0, animations: 0 });
  }, 120_000);
});
