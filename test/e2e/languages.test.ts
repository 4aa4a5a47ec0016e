/**
 * The six UN languages in the browser: the language comes from the browser on a first visit and can be changed
 * on the sign-in page, where `<html lang dir>` follow it; signed in, the account keeps it. In Arabic the page
 * runs right to left, and in any language an Arabic and an English paragraph of a report each take their own
 * direction. The report page, its outline and the export dialog are photographed in every language at laptop
 * and phone size (kept in test/e2e/screens/languages/ for looking at, not compared), and axe-core finds no
 * violation on them in English and Arabic (exceptions, with their reasons, in AXE_EXCEPTIONS in axeSupport.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/i18n/languages.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import { ARABIC_SENTENCE } from '../helpers/sampleReport.ts';
import { useBrowserSuite, WAIT_MS } from './support.ts';
import { axeViolations } from './axeSupport.ts';

const SHOTS = path.resolve('test/e2e/screens/languages');
const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const ENGLISH_SENTENCE = 'The State should adopt a law against domestic violence within one year.';

async function profile(browser: Browser, baseUrl: string, locale: string, viewport: { width: number; height: number }, account?: TestUser) {
  const context = await browser.newContext({ viewport, locale });
  if (account) {
    const [name, value] = account.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/** A report with a template, an Arabic and an English paragraph in its first section. */
async function seedReport(baseUrl: string, wsUrl: string, owner: TestUser): Promise<string> {
  const report = await createReport(baseUrl, owner, { title: 'Violence against women', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', template: 'cedaw' });
  const client = connectClient(wsUrl, report.id, owner);
  await client.synced;
  const id = addSection(client.doc, { title: 'العنف المنزلي' });
  writeBody(getSectionBody(client.doc, id)!, docOf(paragraph(ARABIC_SENTENCE), paragraph(ENGLISH_SENTENCE)));
  await waitFor(async () => (await api<{ sections: { title: string }[] }>(baseUrl, `/api/reports/${report.id}/content`, { as: owner })).body.sections.some((s) => s.title === 'العنف المنزلي'));
  client.destroy();
  return report.id;
}

async function htmlLangDir(page: Page): Promise<[string, string]> {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir] as [string, string]);
}

describe('Languages in the browser', () => {
  const suite = useBrowserSuite();

  it('takes the language from the browser, switches it before signing in, and keeps it on the account', async () => {
    // The server's first account exists (else the sign-in page leads to creating it).
    await signUp(suite.server.url, { name: 'Ada Admin' });
    const { context, page, errors } = await profile(suite.browser, suite.server.url, 'fr-CA', VIEWPORTS.laptop);
    try {
      await page.goto(`${suite.server.url}/signin`);
      await page.getByRole('heading', { name: 'Se connecter à Rightsdraft' }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['fr', 'ltr']);
      await page.getByLabel('Langue').selectOption('ar');
      await page.getByRole('heading', { name: 'تسجيل الدخول إلى Rightsdraft' }).waitFor();
      expect(await htmlLangDir(page)).toEqual(['ar', 'rtl']);
      expect(await axeViolations(page)).toEqual([]);

      // Signing in gives the account the language chosen here.
      const account = await signUp(suite.server.url, { name: 'Layla Haddad', password: 'olive harbour lantern' });
      await page.getByLabel('عنوان البريد الإلكتروني').fill(account.email);
      await page.getByLabel('كلمة المرور').fill('olive harbour lantern');
      await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
      await page.getByRole('heading', { level: 1 }).and(page.locator('.page-title')).waitFor();
      await waitFor(async () => (await api<{ language: string | null }>(suite.server.url, '/api/auth/me/language', { as: account })).body.language === 'ar');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens in the account language on another device, whatever the browser says', async () => {
    const account = await signUp(suite.server.url, { name: 'Ivan Petrov' });
    await api(suite.server.url, '/api/auth/me/language', { as: account, method: 'PUT', body: { language: 'ru' } });
    const { context, page } = await profile(suite.browser, suite.server.url, 'en-US', VIEWPORTS.laptop, account);
    try {
      await page.goto(suite.server.url);
      await page.waitForFunction(() => document.documentElement.lang === 'ru', null, { timeout: WAIT_MS });
      await page.getByRole('link', { name: 'Доклады' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('gives each paragraph its own direction, in the report language, in every interface language; photographs and checks each screen', async () => {
    const owner = await signUp(suite.server.url, { name: 'Amina Diallo' });
    const reportId = await seedReport(suite.server.url, suite.server.wsUrl, owner);
    fs.mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    for (const language of UI_LANGUAGES) {
      await api(suite.server.url, '/api/auth/me/language', { as: owner, method: 'PUT', body: { language } });
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const { context, page, errors } = await profile(suite.browser, suite.server.url, language, viewport, owner);
        try {
          await page.goto(`${suite.server.url}/reports/${reportId}`);
          await page.waitForFunction((l) => document.documentElement.lang === l, language, { timeout: WAIT_MS });
          await openSection(page, 'العنف المنزلي', size === 'phone');
          await page.locator('.prose p', { hasText: ENGLISH_SENTENCE }).waitFor();
          const directions = await page.$$eval('.prose p', (ps) => ps.map((p) => [p.getAttribute('dir'), getComputedStyle(p).direction]));
          expect(directions).toEqual([
            ['auto', 'rtl'],
            ['auto', 'ltr'],
          ]);
          expect(await htmlLangDir(page)).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
          await page.screenshot({ path: path.join(SHOTS, `${language}-${size}-report.png`) });
          if (language === 'en' || language === 'ar') problems.push(...(await axeViolations(page)).map((v) => `${language} ${size} report: ${v}`));

          await openOutline(page, size === 'phone');
          await page.locator('#outline-pane').screenshot({ path: path.join(SHOTS, `${language}-${size}-outline.png`) });
          await closeOutline(page, size === 'phone');

          await openExport(page, size === 'phone');
          const dialog = page.locator('dialog[open]');
          await dialog.waitFor();
          await page.screenshot({ path: path.join(SHOTS, `${language}-${size}-export.png`) });
          if (language === 'en' || language === 'ar') problems.push(...(await axeViolations(page)).map((v) => `${language} ${size} export dialog: ${v}`));
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

async function openSection(page: Page, title: string, phone: boolean): Promise<void> {
  await openOutline(page, phone);
  await page.locator('.outline-item__select', { hasText: title }).click();
  await closeOutline(page, phone);
}

async function openOutline(page: Page, phone: boolean): Promise<void> {
  if (!phone) return;
  if ((await page.locator('.outline-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('.outline-toggle').click();
  await page.locator('.outline-pane--open').waitFor();
}

async function closeOutline(page: Page, phone: boolean): Promise<void> {
  // Choosing a section closes the drawer by itself.
  if (!phone || (await page.locator('.outline-pane--open').count()) === 0) return;
  await page.locator('.drawer-close').click();
  await page.locator('.outline-pane--open').waitFor({ state: 'detached' });
}

async function openExport(page: Page, phone: boolean): Promise<void> {
  if (phone) await page.locator('.report-header__menu-button').click();
  await page.locator('[data-testid="export-button"], .export-button').first().click();
}

export type { UiLanguage };
