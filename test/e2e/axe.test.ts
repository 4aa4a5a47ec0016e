/**
 * axe-core on every page and main dialog beyond those languages.test.ts checks (sign-in, report page, export
 * dialog): the report list with the New report dialog open, the trash, coalitions, account settings,
 * administration, the library, follow-up, and on a report the share dialog, the versions panel, the checklist,
 * coverage and the whole-report view. In English and Arabic at laptop and phone size; no
 * violation of any impact (accepted rules, with their reasons, in AXE_EXCEPTIONS in axeSupport.ts). And with the
 * system asking for less motion, transitions are gone.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { useBrowserSuite, WAIT_MS } from './support.ts';
import { axeViolations } from './axeSupport.ts';

const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const RUNS: { language: 'en' | 'ar'; size: keyof typeof VIEWPORTS }[] = [
  { language: 'en', size: 'laptop' },
  { language: 'en', size: 'phone' },
  { language: 'ar', size: 'laptop' },
  { language: 'ar', size: 'phone' },
];

describe('axe-core on every page and dialog, and reduced motion', () => {
  const suite = useBrowserSuite();
  let admin: TestUser | undefined;

  for (const { language, size } of RUNS) {
    it(`finds nothing in ${language} at ${size} size`, async () => {
      const base = suite.server.url;
      // The server's first account is its administrator.
      admin ??= await signUp(base, { name: 'Ada Admin' });
      await api(base, '/api/auth/me/language', { as: admin, method: 'PUT', body: { language } });
      const report = await createReport(base, admin, { title: 'Violence against women', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', template: 'cedaw' });

      const context = await suite.browser.newContext({ viewport: VIEWPORTS[size], locale: language });
      const [name, value] = admin.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      const problems: string[] = [];
      const check = async (screen: string) => problems.push(...(await axeViolations(page)).map((v) => `${screen}: ${v}`));
      try {
        await page.goto(`${base}/reports`);
        await page.waitForFunction((l) => document.documentElement.lang === l, language, { timeout: WAIT_MS });
        await page.locator('[data-testid="report-card"]').first().waitFor();
        await page.locator('main .button--primary').first().click();
        await page.locator('dialog[open]').waitFor();
        await check('report list, New report dialog');
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });

        await page.locator('.list-tabs__tab').nth(1).click();
        await page.locator('.list-tabs__tab[aria-pressed="true"]').nth(0).waitFor();
        await check('trash');

        for (const [path, screen] of [
          ['/coalitions', 'coalitions'],
          ['/account', 'account settings'],
          ['/admin', 'administration'],
          ['/library', 'library'],
          ['/follow-up', 'follow-up'],
        ] as const) {
          await page.goto(`${base}${path}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          await check(screen);
        }

        await page.goto(`${base}/reports/${report.id}`);
        await page.locator('.ProseMirror').first().waitFor();
        await reveal(page, page.locator('.share-button'));
        await page.locator('.share-button').click();
        await page.locator('dialog[open]').waitFor();
        await page.waitForLoadState('networkidle');
        await check('share dialog');
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });

        await reveal(page, page.getByTestId('review-toggle'));
        await page.getByTestId('review-toggle').click();
        await page.locator('#review-tab-versions').click();
        await page.locator('#review-tabpanel-versions').waitFor();
        await check('versions panel');
        await page.keyboard.press('Escape');
        await page.locator('#review-tabpanel-versions').waitFor({ state: 'detached' });

        for (const view of ['checklist', 'coverage'] as const) {
          await page.locator(`.views-bar__item[data-view="${view}"]`).click();
          await page.locator(`.views-bar__item[data-view="${view}"][aria-current="page"]`).waitFor();
          await page.waitForLoadState('networkidle');
          await check(view);
        }
        await page.locator('.views-bar__item[data-view="sections"]').click();
        await reveal(page, page.locator('.layout-toggle__choice').nth(1));
        await page.locator('.layout-toggle__choice').nth(1).click();
        await page.locator('.layout-toggle__choice--on').nth(0).waitFor();
        await page.waitForLoadState('networkidle');
        await check('whole report');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('drops transitions when the system asks for less motion', async () => {
    const account = await signUp(suite.server.url, { name: 'Rosa Quispe' });
    const transition = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await suite.browser.newContext({ reducedMotion });
      try {
        const [name, value] = account.cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: suite.server.url, httpOnly: true, sameSite: 'Lax' }]);
        const page = await context.newPage();
        await page.goto(`${suite.server.url}/reports`);
        const button = page.locator('main .button--primary').first();
        await button.waitFor();
        return await button.evaluate((el) => getComputedStyle(el).transitionDuration);
      } finally {
        await context.close();
      }
    };
    expect(await transition('no-preference')).not.toBe('0s');
    expect(await transition('reduce')).toBe('0s');
  });
});

/** On a phone some report actions live in the header's menu: open it when the control is not on the page. */
async function reveal(page: Page, control: Locator): Promise<void> {
  if (await control.first().isVisible()) return;
  await page.locator('.report-header__menu-button').click();
  await control.first().waitFor();
}
