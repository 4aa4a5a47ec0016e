/**
 * Deadlines and follow-up in Chromium: the report list sorted by deadline with the time left and the deadline in
 * the reader's own time zone (the browser's, here New York), the due-soon reminder above the list, the calendar
 * address in account settings, and the follow-up tracker: a pasted CERD passage tracked with its follow-up dates,
 * and an entry added to a recommendation's log. Screenshots at laptop and phone sizes when SCREENSHOT_DIR is set.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CERD_SAMPLE } from '../../shared/followup/cerdSample.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { useBrowserSuite, WAIT_MS } from './support.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '';
const SIZES = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function openAs(browser: Browser, baseUrl: string, account: TestUser, viewport: { width: number; height: number } = SIZES.laptop): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
  const [name, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return page;
}

const cardTitles = (page: Page) => page.getByTestId('report-card').locator('.report-card__title').allInnerTexts();

describe('Deadlines and follow-up in the browser', () => {
  const suite = useBrowserSuite();

  it('sorts the report list by deadline and shows the time left in the reader’s time zone', async () => {
    const account = await signUp(suite.server.url, { name: 'Nadia Nowak' });
    const url = suite.server.url;
    // 3 days, 5 hours and 30 minutes from now: "3 days 5 hours left" for the next half hour.
    const soon = new Date(Date.now() + ((3 * 24 + 5) * 60 + 30) * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const none = await createReport(url, account, { title: 'No deadline yet' });
    const later = await createReport(url, account, { title: 'CEDAW alternative report', mechanism: 'CEDAW' });
    const first = await createReport(url, account, { title: 'UPR stakeholder submission', mechanism: 'UPR' });
    expect((await api(url, `/api/reports/${later.id}`, { as: account, method: 'PATCH', body: { deadline: '2031-07-05' } })).status).toBe(200);
    expect((await api(url, `/api/reports/${first.id}`, { as: account, method: 'PATCH', body: { session: 'UPR 48th session', deadline: soon } })).status).toBe(200);
    expect(none.id).toBeTruthy();

    for (const [size, viewport] of Object.entries(SIZES)) {
      const page = await openAs(suite.browser, url, account, viewport);
      suite.keep({ context: page.context() });
      await page.goto(url + '/');
      await expect.poll(() => cardTitles(page).then((t) => t.length)).toBe(3);
      await page.getByLabel('Order').selectOption('deadline');
      await expect.poll(() => cardTitles(page)).toEqual(['UPR stakeholder submission', 'CEDAW alternative report', 'No deadline yet']);
      expect(new URL(page.url()).search).toBe('?sort=deadline');
      const badge = page.getByTestId('report-card').first().getByTestId('report-deadline');
      expect(await badge.getByTestId('deadline-left').innerText()).toBe('3 days 5 hours left');
      // Shown on New York's clock, as this browser is set.
      expect(await badge.innerText()).toMatch(/E[SD]T/);
      // The later one: 12:00 in Geneva on 5 July 2031 is 6:00 in New York.
      expect(await page.getByTestId('report-card').nth(1).getByTestId('report-deadline').innerText()).toMatch(/Jul 5, 2031.*06:00 AM EDT/);
      // The in-app reminder lists what is due in the coming week.
      const due = page.getByTestId('due-soon');
      expect(await due.getByTestId('deadline-row').allInnerTexts()).toHaveLength(1);
      expect(await due.innerText()).toContain('UPR stakeholder submission');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size}-report-list-deadlines.png` });
    }

    // The cover form shows the date; under it, the time and zone and that moment on the reader's clock.
    const page = await openAs(suite.browser, url, account);
    suite.keep({ context: page.context() });
    await page.goto(`${url}/reports/${later.id}`);
    await page.locator('.views-bar__item[data-view="cover"]').click();
    expect(await page.locator('#cover-deadline').inputValue()).toBe('2031-07-05');
    await expect.poll(() => page.getByTestId('cover-deadline-time').innerText()).toMatch(/^At 12:00 Geneva time: .*Jul 5, 2031.*06:00 AM EDT on your clock, \d+ days left\.$/);
    if (SHOTS) await page.locator('#cover-deadline').locator('..').screenshot({ path: `${SHOTS}/laptop-cover-deadline.png` });

    // The Follow-up page lists every deadline ahead, soonest first.
    await page.goto(`${url}/follow-up`);
    await expect.poll(() => page.getByTestId('deadline-row').locator('a').allInnerTexts()).toEqual(['UPR stakeholder submission', 'CEDAW alternative report']);
  });

  it('shows the calendar address in account settings', async () => {
    const account = await signUp(suite.server.url, { name: 'Carl Calendar' });
    const page = await openAs(suite.browser, suite.server.url, account);
    suite.keep({ context: page.context() });
    await page.goto(suite.server.url + '/account');
    const field = page.getByLabel('Your calendar address');
    await expect.poll(() => field.inputValue()).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const address = await field.inputValue();
    expect((await fetch(address)).status).toBe(200);
    if (SHOTS) await page.getByTestId('calendar-section').screenshot({ path: `${SHOTS}/laptop-calendar-settings.png` });
    await page.getByRole('button', { name: 'Make a new address' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(address);
    expect((await fetch(address)).status).toBe(404);
  });

  it('tracks a pasted CERD passage with its follow-up dates, and adds an entry to a log', async () => {
    const account = await signUp(suite.server.url, { name: 'Tomás Tracker' });
    const coalition = await api<{ id: string }>(suite.server.url, '/api/coalitions', { as: account, body: { name: 'Cities for CERD' } });
    for (const [size, viewport] of Object.entries(SIZES)) {
      const page = await openAs(suite.browser, suite.server.url, account, viewport);
      suite.keep({ context: page.context() });
      await page.goto(suite.server.url + '/follow-up');
      if (size === 'laptop') {
        await page.getByLabel('Tracker', { exact: true }).selectOption(coalition.body.id);
        await page.getByLabel('State', { exact: true }).fill('Freedonia');
        await page.getByLabel('Text', { exact: true }).fill(CERD_SAMPLE);
        expect(await page.getByTestId('import-preview').innerText()).toBe('3 recommendations found in CERD/C/FRE/CO/10-12, 2 with a follow-up date.');
        await page.getByRole('button', { name: 'Track 3 recommendations' }).click();
        await expect.poll(() => page.getByTestId('tracked-item').count()).toBe(3);
      } else {
        await expect.poll(() => page.getByTestId('tracked-item').count()).toBe(3);
      }
      const first = page.getByTestId('tracked-item').first();
      expect(await first.locator('.tracked__symbol').innerText()).toBe('CERD/C/FRE/CO/10-12 para 21');
      expect(await first.getByTestId('followup-due').innerText()).toMatch(/^Follow-up due .*Aug 30, 2023.* overdue$/);
      if (size === 'laptop') {
        await first.getByRole('button', { name: /^Log \(0\)/ }).click();
        await first.getByLabel(/^Place/).fill('Springfield');
        await first.getByLabel('Status', { exact: true }).selectOption('partly implemented');
        await first.getByLabel('Evidence from').fill('2024-05-02');
        await first.getByLabel('What was found').fill('The police now publish stop data each quarter.');
        await first.getByRole('button', { name: 'Add to the log' }).click();
        await expect.poll(() => first.getByTestId('log-entry').allInnerTexts()).toEqual([
          '2024-05-02 Springfield: partly implemented — The police now publish stop data each quarter. (Tomás Tracker)',
        ]);
        expect(await first.getByTestId('place-status').allInnerTexts()).toEqual(['Springfield: partly implemented']);
        expect(await page.getByTestId('state-dashboard').locator('tbody tr').allInnerTexts()).toEqual([
          expect.stringMatching(/^Whole State\t0\t0\t0\t0\t0\t2$/),
          expect.stringMatching(/^Springfield\t0\t0\t1\t0\t0\t0$/),
        ]);
      }
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size}-follow-up.png`, fullPage: true });
    }

    // The next report on Freedonia takes the tracked status into its earlier-recommendations matrix.
    const next = await createReport(suite.server.url, account, { title: 'Next CERD report', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId: coalition.body.id });
    const page = await openAs(suite.browser, suite.server.url, account);
    suite.keep({ context: page.context() });
    await page.goto(`${suite.server.url}/reports/${next.id}`);
    await page.locator('.views-bar__item[data-view="earlier"]').click();
    await page.getByRole('button', { name: 'Import them with their tracked status' }).click();
    await expect.poll(() => page.getByTestId('earlier-recommendation').count()).toBe(3);
    const profiling = page.getByTestId('earlier-recommendation').first();
    await expect.poll(() => profiling.getAttribute('class')).toContain('earlier-card--partially-implemented');
    expect(await profiling.locator('textarea').inputValue()).toBe('Springfield (2024-05-02): partly implemented - The police now publish stop data each quarter.');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/laptop-earlier-from-tracker.png` });

    // A writer stops tracking a recommendation, after confirming.
    await page.goto(`${suite.server.url}/follow-up`);
    await expect.poll(() => page.getByTestId('tracked-item').count()).toBe(3);
    await page.getByTestId('tracked-item').last().getByRole('button', { name: 'Stop tracking…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop tracking' }).click();
    await expect.poll(() => page.locator('.tracked__symbol').allInnerTexts()).toEqual(['CERD/C/FRE/CO/10-12 para 21', 'CERD/C/FRE/CO/10-12 para 35']);
  });
});
