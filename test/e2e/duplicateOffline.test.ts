/**
 * Duplicating a report offline (issue 10): the copy is made from the server's text, so offline the app does not
 * queue it (a queued copy could be made from text the person never saw) but says plainly, on a tap as well as on
 * hover, that it needs a connection; nothing is made. Back online, the same tap makes the copy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, createReport } from '../helpers/clients.ts';
import { useBrowserSuite, waitForSyncState } from './support.ts';
import { signedIn } from './treaty/support.ts';

const cardTitles = (page: Page) => page.getByTestId('report-card').locator('.report-card__title').allInnerTexts();
const card = (page: Page, title: string) => page.getByTestId('report-card').filter({ has: page.locator('.report-card__title', { hasText: title }) });

describe('Duplicating a report without a connection', () => {
  const suite = useBrowserSuite();

  it('on a phone, pressing Duplicate offline says it needs a connection and makes nothing; online it makes the copy', async () => {
    const user = await signedIn(suite.browser, suite.server.url, 'Lucía Fernández', { width: 390, height: 844 });
    const { page, context, account } = user;
    const report = await createReport(suite.server.url, account, { title: 'Migrant workers', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    await page.goto(`${suite.server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await page.goto(suite.server.url + '/');
    await expect.poll(() => cardTitles(page)).toEqual(['Migrant workers']);

    await context.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    // Playwright would wait for an aria-disabled button to be enabled; a person's press reaches it at once.
    await card(page, 'Migrant workers').getByRole('button', { name: 'Duplicate' }).click({ force: true });
    const toast = page.getByTestId('toast').filter({ hasText: 'Duplicating needs a connection to the server' });
    await toast.waitFor();
    expect(await cardTitles(page)).toEqual(['Migrant workers']);

    await context.setOffline(false);
    await expect.poll(() => card(page, 'Migrant workers').getByRole('button', { name: 'Duplicate' }).getAttribute('aria-disabled')).toBe(null);
    const listed = await api<{ reports: { title: string }[] }>(suite.server.url, '/api/reports', { as: account });
    expect(listed.body.reports.map((r) => r.title)).toEqual(['Migrant workers']);
    await card(page, 'Migrant workers').getByRole('button', { name: 'Duplicate' }).click();
    await page.getByTestId('toast').filter({ hasText: /^Made “/ }).waitFor();
    await expect.poll(() => cardTitles(page).then((t) => t.length)).toBe(2);
    expect(user.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
