/**
 * The Library in Chromium: a visitor without an account reads the published entries at /library; a member
 * searches and filters, then searches again offline over what the device holds; an entry is inserted into a
 * report as quoted model text, the entry lists the report, and a later change to the entry is offered in the
 * report (never applied by itself) until the writer chooses Update.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LibraryEntry, LibraryEntryView } from '../../shared/library/entry.ts';
import { libraryBlocksIn } from '../../shared/report/libraryBlocks.ts';
import { api, connectClient, waitFor, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { openSection, placeCaret, seedReport } from './exportSupport.ts';
import { editorText, newProfile, openSignedIn, AMINA, useBrowserSuite, waitForOfflineReady, waitForSyncState, WAIT_MS } from './support.ts';

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: WAIT_MS });

describe('The Library in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let writer: TestUser;
  beforeAll(async () => {
    ({ server, browser } = suite);
    writer = (await openSignedIn(browser, server.url, { ...AMINA, name: 'Wanda Writer' })).account;
    const add = (body: Record<string, unknown>) => api<LibraryEntry>(server.url, '/api/library/entries', { as: writer, body: { level: 'city', ...body } });
    await add({ title: 'Local ordinance applying CEDAW', kind: 'ordinance', text: 'The city reviews its services for discrimination against women.', tags: ['CEDAW:2'], visibility: 'published' });
    await add({ title: 'Human rights city declaration', kind: 'proclamation', text: 'The council declares the city a human rights city.', tags: ['SDG:16.7'], visibility: 'published' });
    await add({ title: 'Instance-only practice on housing', kind: 'policy-practice', text: 'A housing practice shared with members only.', visibility: 'instance' });
  });

  const cardTitles = (page: import('playwright-core').Page) => page.locator('[data-testid="library-card"] .report-card__title').allInnerTexts();

  it('shows the published entries to a visitor without an account, and not the others', async () => {
    const visitor = suite.keep(await newProfile(browser));
    await visitor.page.goto(`${server.url}/library`);
    await poll(() => cardTitles(visitor.page).then((t) => t.sort())).toEqual(['Human rights city declaration', 'Local ordinance applying CEDAW']);
    await visitor.page.locator('[data-testid="library-card"] a', { hasText: 'Local ordinance applying CEDAW' }).click();
    await visitor.page.getByRole('heading', { name: 'Local ordinance applying CEDAW' }).waitFor();
    await visitor.page.getByText('The city reviews its services for discrimination against women.').waitFor();
    expect(visitor.errors).toEqual([]);
  });

  it('searches and filters, and searches offline over the entries the device holds', async () => {
    const member = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = member;
    await page.goto(`${server.url}/library`);
    await waitForOfflineReady(page);
    await poll(() => cardTitles(page).then((t) => t.length)).toBe(3);
    await page.getByPlaceholder('Search titles, text, tags and places').fill('human rights city');
    await poll(() => cardTitles(page)).toEqual(['Human rights city declaration']);
    await page.getByPlaceholder('Search titles, text, tags and places').fill('');
    await page.getByLabel('Kind').selectOption('policy-practice');
    await poll(() => cardTitles(page)).toEqual(['Instance-only practice on housing']);

    await context.setOffline(true);
    await page.reload();
    await page.getByText(/You are offline\. Searching the 3 entries kept on this device/).waitFor();
    await page.getByPlaceholder('Search titles, text, tags and places').fill('cedaw');
    await poll(() => cardTitles(page)).toEqual(['Local ordinance applying CEDAW']);
    await context.setOffline(false);
    expect(member.errors).toEqual([]);
  });

  it('writes an entry with the form and records an adoption on its page', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, { ...AMINA, name: 'Fatima Form' }));
    const { page } = user;
    await page.goto(`${server.url}/library`);
    await page.getByRole('button', { name: 'New entry' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Participatory budgeting for accessibility');
    await dialog.getByLabel('Kind').selectOption('policy-practice');
    await dialog.getByLabel('Who can see it').selectOption('instance');
    await dialog.getByLabel('Text', { exact: true }).fill('A share of the city budget is decided with disabled residents.');
    await dialog.getByLabel(/^Tags/).fill('NOT-A-TAG');
    await dialog.getByRole('button', { name: 'Add to the library' }).click();
    await dialog.getByText('“NOT-A-TAG” is not a tag of the taxonomy').waitFor();
    await dialog.getByLabel(/^Tags/).fill('CRPD:4, SDG:11.2');
    await dialog.getByRole('button', { name: 'Add to the library' }).click();
    await page.locator('[data-testid="library-card"] a', { hasText: 'Participatory budgeting for accessibility' }).click();
    await page.getByRole('heading', { name: 'Participatory budgeting for accessibility' }).waitFor();
    await page.getByRole('button', { name: 'Record an adoption' }).click();
    await page.getByLabel('Place').fill('Ghent');
    await page.getByLabel('Date').fill('2025-02-03');
    await page.getByLabel('Status').selectOption('implemented');
    await page.getByLabel(/Reference link/).fill('https://example.org/ghent');
    await page.getByRole('button', { name: 'Record adoption' }).click();
    await page.locator('.library-adoption', { hasText: 'Ghent' }).getByText('Implemented').waitFor();
    const found = await api<{ results: LibraryEntry[] }>(server.url, '/api/library/search?status=implemented&q=ghent', { as: user.account });
    expect(found.body.results.map((e) => e.title)).toEqual(['Participatory budgeting for accessibility']);
    expect(found.body.results[0]!.tags).toEqual(['CRPD:4', 'SDG:11.2']);
    expect(user.errors).toEqual([]);
  });

  it('inserts an entry into a report as quoted model text, lists the report on the entry, and offers a newer version without applying it', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, { ...AMINA, name: 'Ines Inserter' }));
    const { page, account } = user;
    const entry = await api<LibraryEntry>(server.url, '/api/library/entries', {
      as: account,
      body: { title: 'UPR follow-up mechanism', kind: 'policy-practice', level: 'city', text: 'A standing local body tracks each recommendation.', visibility: 'instance' },
    });
    const report = await seedReport(server, account, { title: 'Freedonia UPR submission', mechanism: 'UPR', stateUnderReview: 'Freedonia' }, [{ title: 'Local follow-up', paragraphs: ['Our proposal:'] }]);
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Local follow-up');
    await placeCaret(page, 'end');
    await page.getByRole('button', { name: 'Insert from library' }).click();
    await page.getByLabel('Search the library').fill('UPR follow-up');
    await page.getByRole('button', { name: 'Insert “UPR follow-up mechanism” as quoted model text' }).click();
    await poll(() => editorText(page)).toContain('A standing local body tracks each recommendation.');
    await page.locator('.prose blockquote[data-library-entry]').waitFor();

    // The report's document holds the entry's id and version; the entry lists the report.
    const reader = connectClient(server.wsUrl, report.id, account);
    try {
      await reader.synced;
      await waitFor(() => libraryBlocksIn(reader.doc).length === 1, WAIT_MS, 'the library block on the server');
      expect(libraryBlocksIn(reader.doc)[0]).toMatchObject({ entryId: entry.body.id, version: 1, form: 'quote' });
      await waitFor(async () => (await api<LibraryEntryView>(server.url, `/api/library/entries/${entry.body.id}`, { as: account })).body.usedIn.length === 1, WAIT_MS, 'the use');
      const view = await api<LibraryEntryView>(server.url, `/api/library/entries/${entry.body.id}`, { as: account });
      expect(view.body.usedIn).toEqual([{ reportId: report.id, title: 'Freedonia UPR submission', version: 1 }]);

      // A later change is offered, and the report keeps its text until Update.
      await api(server.url, `/api/library/entries/${entry.body.id}`, { as: account, method: 'PATCH', body: { text: 'A standing local body tracks each recommendation and reports twice a year.' } });
      await page.reload();
      await waitForSyncState(page, 'synced');
      await openSection(page, 'Local follow-up');
      const offer = page.locator('[data-testid="library-newer"]');
      await offer.getByText('A newer version of this model text is available').waitFor();
      expect(await editorText(page)).not.toContain('twice a year');
      expect(libraryBlocksIn(reader.doc)[0]!.version).toBe(1);
      await offer.getByRole('button', { name: 'Review' }).click();
      await page.getByRole('dialog').getByText('reports twice a year.').waitFor();
      await page.getByRole('button', { name: 'Update to version 2' }).click();
      await poll(() => editorText(page)).toContain('reports twice a year.');
      await waitFor(() => libraryBlocksIn(reader.doc)[0]?.version === 2, WAIT_MS, 'the updated block on the server');
      await poll(() => offer.count()).toBe(0);
    } finally {
      reader.destroy();
    }
    expect(user.errors).toEqual([]);
  });
});
