/**
 * Issue 15: a report already on the device shows its first screen of text before the app's scripts have loaded,
 * drawn from a plain-text snapshot kept by the last visit; the editor replaces it when ready, and signing out
 * removes the snapshots with the device's other copies.
 */
import { describe, expect, it } from 'vitest';
import { createReport, signUp } from '../helpers/clients.ts';
import { addSession, AMINA, openSignedIn, poll, typeAtEnd, uniqueEmail, useBrowserSuite, waitForOfflineReady, waitForSyncState, WAIT_MS } from './support.ts';

const PHRASE = 'Roma families in Riverside were evicted without notice';

describe('the first screen from the device', () => {
  const suite = useBrowserSuite();

  it('shows the text of the report before the app has loaded, then the editor', async () => {
    const { server, browser } = suite;
    const account = await signUp(server.url, { name: AMINA.name, password: AMINA.password, email: uniqueEmail(AMINA.email) });
    const report = await createReport(server.url, account, { title: 'Housing and evictions', template: true });
    // Service workers off, so the test can hold back the app's main script on its way from the server.
    const context = suite.keep({ context: await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' }) }).context;
    await addSession(context, server.url, account);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    // First visit: write in the first section; the page keeps its first screen as it goes.
    await page.goto(`${server.url}/reports/${report.id}`);
    await typeAtEnd(page, PHRASE);
    await waitForSyncState(page, 'synced');
    await page.goto(`${server.url}/`);
    const stored = () => page.evaluate((id) => localStorage.getItem(`rightsdraft.firstScreen.${id}`) ?? '', report.id);
    await poll(stored).toContain(PHRASE);
    // Plain text, not markup.
    expect(await stored()).not.toContain('<');

    // Next visit, with the app's main script held back: the text is on screen, the editor is not yet.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/reports/${report.id}`, { waitUntil: 'commit' });
    const firstScreen = page.locator('#first-screen');
    await expect.poll(() => firstScreen.textContent().catch(() => ''), { timeout: WAIT_MS }).toContain(PHRASE);
    expect(await firstScreen.isVisible()).toBe(true);
    expect(await page.locator('#first-screen').getByText('Housing and evictions').isVisible()).toBe(true);
    // It says the report is still opening, in the language the interface had.
    expect(await firstScreen.getByText('Opening report…').isVisible()).toBe(true);
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    // Nothing that looks for the app's editor or bar finds the picture instead (tests and code wait for `.prose`).
    expect(await page.locator('.prose, .topbar, .brand, .section-pane, .section-pane__title').count()).toBe(0);
    await page.screenshot({ path: 'test/e2e/screens/firstScreen-phone.png' });

    // The app arrives: the editor with the same text replaces the picture.
    release();
    await page.locator('.ProseMirror[contenteditable="true"]', { hasText: PHRASE }).waitFor();
    await expect.poll(() => page.locator('#first-screen').count(), { timeout: WAIT_MS }).toBe(0);
    await page.unroute(/\/assets\/index-[^/]*\.js$/);

    // The whole-report view lays out its sections before their editors arrive: the text stays until they do.
    let releaseEditor!: () => void;
    const editorHeld = new Promise<void>((resolve) => (releaseEditor = resolve));
    await page.route(/\/assets\/SectionEditor-[^/]*\.js$/, async (route) => {
      await editorHeld;
      await route.continue();
    });
    await page.goto(`${server.url}/reports/${report.id}?layout=whole`);
    await page.getByTestId('whole-report').locator('.whole-section').first().waitFor();
    expect(await page.locator('#first-screen').getByText(PHRASE).isVisible()).toBe(true);
    releaseEditor();
    await page.locator('.ProseMirror', { hasText: PHRASE }).waitFor();
    await expect.poll(() => page.locator('#first-screen').count(), { timeout: WAIT_MS }).toBe(0);
    expect(errors).toEqual([]);
  });

  it('is not drawn for another account on the same device', async () => {
    const { server, browser } = suite;
    const amina = await signUp(server.url, { name: AMINA.name, password: AMINA.password, email: uniqueEmail(AMINA.email) });
    const report = await createReport(server.url, amina, { title: 'Water and sanitation', template: true });
    const context = suite.keep({ context: await browser.newContext({ serviceWorkers: 'block' }) }).context;
    await addSession(context, server.url, amina);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${server.url}/reports/${report.id}`);
    await page.locator('.ProseMirror[contenteditable="true"]').first().waitFor();
    await page.goto(`${server.url}/`);
    await poll(() => page.evaluate((id) => localStorage.getItem(`rightsdraft.firstScreen.${id}`) ?? '', report.id)).toContain('Water and sanitation');

    // The app stays away from here on (its main script never arrives), so nothing rewrites the cached account.
    await page.route(/\/assets\/index-[^/]*\.js$/, () => undefined);
    await page.goto(`${server.url}/reports/${report.id}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.firstScreen !== undefined);
    expect(await page.evaluate(() => document.documentElement.dataset.firstScreen)).toBe('drawn');
    // Another person's account is cached on this device now (as after they signed in here).
    await page.evaluate(() => localStorage.setItem('rightsdraft.account', JSON.stringify({ id: crypto.randomUUID(), email: 'bruno@legal-aid.example', name: 'Bruno', isAdmin: false })));
    await page.goto(`${server.url}/reports/${report.id}`, { waitUntil: 'commit' });
    // The first-screen script has run (it is small and not held back): it drew nothing.
    await page.waitForFunction(() => document.documentElement.dataset.firstScreen !== undefined);
    expect(await page.evaluate(() => document.documentElement.dataset.firstScreen)).toBe('none');
    expect(await page.locator('#first-screen').count()).toBe(0);
    expect(await page.getByText('Water and sanitation').count()).toBe(0);
  });

  it('is drawn offline too: the script comes from the app kept on the device', async () => {
    const { server, browser } = suite;
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = user;
    const report = await createReport(server.url, user.account, { title: 'Detention conditions', template: true });
    await page.goto(`${server.url}/reports/${report.id}`);
    await typeAtEnd(page, 'Cells held four times their capacity');
    await waitForSyncState(page, 'synced');
    await page.goto(`${server.url}/`);
    await waitForOfflineReady(page);
    await poll(() => page.evaluate((id) => localStorage.getItem(`rightsdraft.firstScreen.${id}`) ?? '', report.id)).toContain('four times their capacity');

    await context.setOffline(true);
    await page.goto(`${server.url}/reports/${report.id}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.firstScreen !== undefined);
    expect(await page.evaluate(() => document.documentElement.dataset.firstScreen)).toBe('drawn');
    await page.locator('.ProseMirror', { hasText: 'four times their capacity' }).waitFor();
    await context.setOffline(false);
    expect(user.errors).toEqual([]);
  });
});
