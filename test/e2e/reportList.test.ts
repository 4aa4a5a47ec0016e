/**
 * The report list a writer uses on day one: search by title or State, filters (treaty body, State, coalition,
 * status) and order kept in the URL across a reload; duplicating a report; deleting one with Undo; the trash,
 * with restore and delete forever. Real server (SQLite) and Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSection, setSectionStatus } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { useBrowserSuite, waitForSyncState } from './support.ts';
import { signedIn } from './treaty/support.ts';

const cardTitles = (page: Page) => page.getByTestId('report-card').locator('.report-card__title').allInnerTexts();
const card = (page: Page, title: string) => page.getByTestId('report-card').filter({ has: page.locator('.report-card__title', { hasText: title }) });

describe('The report list: find, duplicate, delete and the trash', () => {
  const suite = useBrowserSuite();

  it('searches, filters and orders the list, and keeps it all in the URL across a reload', async () => {
    const user = await signedIn(suite.browser, suite.server.url, 'Amina Diallo');
    const { page, account } = user;
    const coalition = await api<{ id: string }>(suite.server.url, '/api/coalitions', { as: account, body: { name: 'Equal Schools Coalition' } });
    await createReport(suite.server.url, account, { title: 'Women in detention', mechanism: 'CEDAW', stateUnderReview: 'Côte d’Ivoire' });
    await createReport(suite.server.url, account, { title: 'Arbitrary arrests', mechanism: 'CCPR', stateUnderReview: 'Ruritania' });
    const done = await createReport(suite.server.url, account, { title: 'Child labour', mechanism: 'CRC', stateUnderReview: 'Ruritania', coalitionId: coalition.body.id });
    // One report is finished: every section final.
    const client = connectClient(suite.server.wsUrl, done.id, account);
    await client.synced;
    for (const s of (await getContent(suite.server.url, account, done.id)).sections) setSectionStatus(client.doc, s.id, 'final');
    const extra = addSection(client.doc, { title: 'Mines' });
    typeParagraph(client.doc, extra, 'Children in the mines.');
    setSectionStatus(client.doc, extra, 'final');
    await waitFor(async () => {
      const list = await api<{ reports: { id: string; progress: string | null }[] }>(suite.server.url, '/api/reports', { as: account });
      return list.body.reports.find((r) => r.id === done.id)?.progress === 'final';
    });
    client.destroy();

    await page.goto(suite.server.url + '/');
    await expect.poll(() => cardTitles(page).then((t) => t.length)).toBe(3);
    await page.getByRole('searchbox', { name: 'Search' }).fill('cote');
    await expect.poll(() => cardTitles(page)).toEqual(['Women in detention']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByLabel('State').selectOption('Ruritania');
    await page.getByLabel('Order').selectOption('title');
    await expect.poll(() => cardTitles(page)).toEqual(['Arbitrary arrests', 'Child labour']);
    await page.getByLabel('Coalition').selectOption(coalition.body.id);
    await expect.poll(() => cardTitles(page)).toEqual(['Child labour']);
    await page.getByLabel('Coalition').selectOption('');
    await page.getByLabel('Status').selectOption('final');
    await expect.poll(() => cardTitles(page)).toEqual(['Child labour']);
    expect(await card(page, 'Child labour').getByTestId('report-progress').innerText()).toBe('Final');
    expect(new URL(page.url()).search).toBe('?state=Ruritania&status=final&sort=title');

    await page.reload();
    await expect.poll(() => cardTitles(page)).toEqual(['Child labour']);
    expect(await page.getByLabel('Status').inputValue()).toBe('final');
    expect(await page.getByTestId('report-count').innerText()).toBe('1 of 3 reports');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => cardTitles(page)).toEqual(['Arbitrary arrests', 'Child labour', 'Women in detention']);
    expect(user.errors).toEqual([]);
    await user.context.close();
  }, 120_000);

  it('duplicates a report, deletes it with Undo, and restores or deletes forever from the trash', async () => {
    const user = await signedIn(suite.browser, suite.server.url, 'Bruno Costa');
    const { page, account } = user;
    const source = await createReport(suite.server.url, account, { title: 'Right to water', mechanism: 'CESCR', stateUnderReview: 'Freedonia' });
    await page.goto(suite.server.url + '/');
    await card(page, 'Right to water').waitFor();

    await card(page, 'Right to water').getByRole('button', { name: 'Duplicate' }).click();
    await expect.poll(() => page.getByTestId('toast').innerText()).toContain('Made “Right to water (copy)”');
    await expect.poll(() => cardTitles(page)).toContain('Right to water (copy)');
    const listed = await api<{ reports: { id: string; title: string }[] }>(suite.server.url, '/api/reports', { as: account });
    const copy = listed.body.reports.find((r) => r.title === 'Right to water (copy)')!;
    expect((await getContent(suite.server.url, account, copy.id)).sections.map((s) => s.title)).toEqual(
      (await getContent(suite.server.url, account, source.id)).sections.map((s) => s.title),
    );

    // Delete, then Undo in the toast.
    await card(page, 'Right to water (copy)').getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => cardTitles(page)).not.toContain('Right to water (copy)');
    expect((await api(suite.server.url, `/api/reports/${copy.id}`, { as: account })).status).toBe(404);
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardTitles(page)).toContain('Right to water (copy)');
    expect((await api(suite.server.url, `/api/reports/${copy.id}`, { as: account })).status).toBe(200);

    // Delete again; restore from the trash.
    await card(page, 'Right to water (copy)').getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => cardTitles(page)).not.toContain('Right to water (copy)');
    await page.getByRole('button', { name: 'Trash' }).click();
    expect(new URL(page.url()).search).toBe('?view=trash');
    const trashed = page.getByTestId('trash-card').filter({ hasText: 'Right to water (copy)' });
    await trashed.waitFor();
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => trashed.count()).toBe(0);
    await page.getByRole('button', { name: 'Reports' }).click();
    await expect.poll(() => cardTitles(page)).toContain('Right to water (copy)');

    // Delete again, then delete forever from the trash, after confirming.
    await card(page, 'Right to water (copy)').getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => cardTitles(page)).not.toContain('Right to water (copy)');
    await page.getByRole('button', { name: 'Trash' }).click();
    await trashed.getByRole('button', { name: 'Delete forever…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete forever' }).click();
    await expect.poll(() => trashed.count()).toBe(0);
    expect((await api(suite.server.url, `/api/reports/${copy.id}/undelete`, { as: account, method: 'POST' })).status).toBe(404);
    await page.reload();
    await page.getByText('The trash is empty').waitFor();
    expect(user.errors).toEqual([]);
    await user.context.close();
  }, 120_000);

  it('keeps the device copy of a deleted report, and offline searches what the device holds and explains why Duplicate waits', async () => {
    const user = await signedIn(suite.browser, suite.server.url, 'Chen Wei');
    const { page, context, account } = user;
    const kept = await createReport(suite.server.url, account, { title: 'Prison conditions', mechanism: 'CAT', stateUnderReview: 'Freedonia' });
    const trashed = await createReport(suite.server.url, account, { title: 'Torture in custody', mechanism: 'CAT', stateUnderReview: 'Ruritania' });
    // Both opened on this device, so the device holds them.
    for (const id of [kept.id, trashed.id]) {
      await page.goto(`${suite.server.url}/reports/${id}`);
      await waitForSyncState(page, 'synced');
    }
    await page.goto(suite.server.url + '/');
    await card(page, 'Torture in custody').getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => cardTitles(page)).toEqual(['Prison conditions']);

    await context.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('freedonia');
    await expect.poll(() => cardTitles(page)).toEqual(['Prison conditions']);
    const duplicate = card(page, 'Prison conditions').getByRole('button', { name: 'Duplicate' });
    expect(await duplicate.getAttribute('aria-disabled')).toBe('true');
    await duplicate.hover();
    await page.getByText('Duplicating needs a connection to the server').waitFor();
    expect(await card(page, 'Prison conditions').getByRole('button', { name: 'Delete…' }).count()).toBe(0);

    // The trash, offline: the server's list cannot be read, but this device's copy of the deleted report is there.
    await page.getByRole('button', { name: 'Trash' }).click();
    const copy = page.getByTestId('trash-card').filter({ hasText: 'Torture in custody' });
    await expect.poll(() => copy.innerText()).toContain('a copy is kept on this device');
    await page.getByText('The server can’t be reached').waitFor();

    // Back online the owner restores it, and it syncs again on this device.
    await context.setOffline(false);
    await copy.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => cardTitles(page).then((t) => t.sort())).toEqual(['Prison conditions', 'Torture in custody']);
    await card(page, 'Torture in custody').locator('.report-card__link').click();
    await waitForSyncState(page, 'synced');
    expect(user.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
