/**
 * Issue 9, hole 8: signing out on a shared device must be able to take the person's reports off it. Signing out
 * offers to remove this device's copies (checked by default on a device marked shared), and warns, naming the
 * reports, when changes have not reached the server yet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, createReport, signUp } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  AMINA,
  BRUNO,
  newProfile,
  openSignedIn,
  poll,
  typeAtEnd,
  uniqueEmail,
  waitForEditorText,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';
import { selectPhrase } from './reviewSupport.ts';

/** The IndexedDB databases of report documents (content and discussion) on this browser profile. */
function reportDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('rightsdraft:')).sort());
}

/** The ids in the device catalogue (the Dexie database `rightsdraft`), read with the plain IndexedDB API. */
function catalogueIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('rightsdraft');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reports')) {
            db.close();
            resolve([]);
            return;
          }
          const req = db.transaction('reports', 'readonly').objectStore('reports').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as string[]).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Keys this app keeps in localStorage, except the two device settings (colour, shared device). */
function accountLocalStorage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('rightsdraft.') && k !== 'rightsdraft.color' && k !== 'rightsdraft.sharedDevice')
      .sort(),
  );
}

/** The catalogue's count of comments made on this device that the server has not confirmed, for one report. */
function discussionUnsynced(page: Page, reportId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rightsdraft');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('reports', 'readonly').objectStore('reports').get(id);
          req.onsuccess = () => {
            db.close();
            resolve((req.result as { discussionUnsyncedCount?: number } | undefined)?.discussionUnsyncedCount ?? 0);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    reportId,
  );
}

async function openReportAndWrite(page: Page, baseUrl: string, reportId: string, text: string): Promise<void> {
  await page.goto(`${baseUrl}/reports/${reportId}`);
  await waitForSyncState(page, 'synced');
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByLabel('Section title').fill('Findings');
  await page.keyboard.press('Enter');
  await typeAtEnd(page, text);
  await waitForEditorText(page, text);
  await waitForSyncState(page, 'synced');
}

async function signInThroughForm(page: Page, email: string, password: string, sharedDevice: boolean): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const shared = page.getByLabel('This is a shared device');
  if (sharedDevice) await shared.check();
  else await shared.uncheck();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('Signing out on a shared device', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('removes every copy of the reports from a device marked shared, and the next account sees nothing of them', async () => {
    const amina = await signUp(server.url, { name: AMINA.name, email: uniqueEmail(AMINA.email), password: AMINA.password });
    const bruno = await signUp(server.url, { name: BRUNO.name, email: uniqueEmail(BRUNO.email), password: BRUNO.password });
    const user = suite.keep(await newProfile(browser, AMINA));
    const { page } = user;
    const report = await createReport(server.url, amina, { title: 'Torture in pre-trial detention', mechanism: 'CAT' });

    // Amina marks the library computer as shared when she signs in.
    await page.goto(server.url + '/signin');
    await signInThroughForm(page, amina.email, AMINA.password, true);
    await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();
    await openReportAndWrite(page, server.url, report.id, 'Detainees were held incommunicado for up to 20 days.');
    // The report's text and its discussion are both stored on the device, and so is its catalogue entry.
    await poll(() => reportDatabases(page)).toEqual([`rightsdraft:${report.id}`, `rightsdraft:${report.id}/discussion`]);
    expect(await catalogueIds(page)).toEqual([report.id]);
    // A last-moment copy of edits, as a closed tab leaves it in localStorage (see unsavedStash.ts).
    await page.evaluate((id) => localStorage.setItem(`rightsdraft.unsaved.${id}.1234`, 'AAA='), report.id);
    // And the first screen of its text, drawn on the next visit before the app loads (firstScreenStore.ts).
    await poll(() => accountLocalStorage(page)).toContain(`rightsdraft.firstScreen.${report.id}`);

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    const remove = dialog.getByLabel('Remove this device’s copies of your reports');
    // The device is shared: removing is the default.
    expect(await remove.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    await poll(() => reportDatabases(page)).toEqual([]);
    expect(await catalogueIds(page)).toEqual([]);
    expect(await accountLocalStorage(page)).toEqual([]);

    // Bruno signs in next on the same browser: nothing of Amina's report is on it or in his list.
    expect(await page.getByLabel('This is a shared device').isChecked()).toBe(true);
    await signInThroughForm(page, bruno.email, BRUNO.password, true);
    await page.getByRole('heading', { name: 'No reports yet' }).waitFor();
    expect(await page.getByText('Torture in pre-trial detention').count()).toBe(0);
    expect(await reportDatabases(page)).toEqual([]);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('keeps the copies when the person signs out without removing them', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page } = user;
    const report = await createReport(server.url, user.account, { title: 'Prison conditions', mechanism: 'CAT' });
    await openReportAndWrite(page, server.url, report.id, 'Cells hold four times their capacity.');

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    // Not marked shared: the copies stay unless the person asks.
    expect(await dialog.getByLabel('Remove this device’s copies of your reports').isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    expect(await reportDatabases(page)).toEqual([`rightsdraft:${report.id}`, `rightsdraft:${report.id}/discussion`]);
    expect(await catalogueIds(page)).toEqual([report.id]);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('warns, naming the reports, when changes have not reached the server, and lets the person stay signed in to sync first', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = user;
    const report = await createReport(server.url, user.account, { title: 'Enforced disappearances', mechanism: 'CCPR' });
    await openReportAndWrite(page, server.url, report.id, 'Families were never told where relatives were held.');

    await context.setOffline(true);
    await waitForSyncState(page, 'offline');
    await typeAtEnd(page, ' Written on the train.');
    await waitForEditorText(page, 'Written on the train.');
    await poll(() => page.locator('[data-testid="sync-status"] .sync-status__long').innerText()).toMatch(/waiting to sync/);

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    const warning = dialog.getByTestId('unsent-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Enforced disappearances');
    expect(await warning.innerText()).toMatch(/not reached the server/);
    // Choosing to remove the copies says plainly that those changes would be lost.
    await dialog.getByLabel('Remove this device’s copies of your reports').check();
    await dialog.getByRole('button', { name: 'Sign out and lose these changes' }).waitFor();

    await dialog.getByRole('button', { name: 'Stay signed in and sync first' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await context.setOffline(false);
    await waitForSyncState(page, 'synced');

    // Synced: the warning is gone, and signing out with removal goes ahead.
    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.waitFor();
    expect(await dialog.getByTestId('unsent-warning').count()).toBe(0);
    await dialog.getByLabel('Remove this device’s copies of your reports').check();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await poll(() => reportDatabases(page)).toEqual([]);
    expect(user.errors).toEqual([]);
  }, 120_000);
  it('takes the reports off screen in another tab of the browser, so their databases go too', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = user;
    const report = await createReport(server.url, user.account, { title: 'Freedom of assembly', mechanism: 'CCPR' });
    const other = await context.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (err) => otherErrors.push(err.message));
    await openReportAndWrite(other, server.url, report.id, 'Protesters were detained without charge.');
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    await dialog.getByLabel('Remove this device’s copies of your reports').check();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    await other.waitForURL(/\/signin/);
    await poll(() => reportDatabases(page)).toEqual([]);
    expect(await catalogueIds(page)).toEqual([]);
    expect(await accountLocalStorage(page)).toEqual([]);
    expect(user.errors).toEqual([]);
    expect(otherErrors).toEqual([]);
  }, 120_000);
  it('warns about a comment written offline that has not reached the server, and not once it has', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page, context } = user;
    const report = await createReport(server.url, user.account, { title: 'Housing rights', mechanism: 'CESCR' });
    await openReportAndWrite(page, server.url, report.id, 'Evictions rose sharply in 2024.');

    await context.setOffline(true);
    await waitForSyncState(page, 'offline');
    await selectPhrase(page, 'rose sharply');
    await page.getByRole('button', { name: 'Comment', exact: true }).first().click();
    await page.getByRole('combobox', { name: 'Comment' }).fill('By how much?');
    await page.getByRole('combobox', { name: 'Comment' }).press('Control+Enter');
    await poll(() => discussionUnsynced(page, report.id)).toBe(1);

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    await dialog.getByTestId('unsent-warning').waitFor();
    expect(await dialog.getByTestId('unsent-warning').innerText()).toContain('Housing rights');
    await dialog.getByRole('button', { name: 'Stay signed in and sync first' }).click();

    await context.setOffline(false);
    await poll(() => discussionUnsynced(page, report.id)).toBe(0);
    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
    expect(await dialog.getByTestId('unsent-warning').count()).toBe(0);
    expect(user.errors).toEqual([]);
  }, 120_000);
  it('still removes the copies when the session was already ended from another device', async () => {
    const user = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page } = user;
    const report = await createReport(server.url, user.account, { title: 'Roma children in school', mechanism: 'CRC' });
    await openReportAndWrite(page, server.url, report.id, 'Segregated classes persist in three regions.');

    // From her phone, Amina signs out everywhere else: this browser's session ends.
    const phone = await api(server.url, '/api/auth/login', { body: { email: user.account.email, password: AMINA.password } });
    const phoneCookie = (phone.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await api(server.url, '/api/auth/sessions', { method: 'DELETE', headers: { cookie: phoneCookie } })).status).toBe(204);
    await page.getByTestId('session-ended').waitFor();

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    await dialog.getByLabel('Remove this device’s copies of your reports').check();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await poll(() => reportDatabases(page)).toEqual([]);
    expect(await catalogueIds(page)).toEqual([]);
    expect(await accountLocalStorage(page)).toEqual([]);
    expect(user.errors).toEqual([]);
  }, 120_000);
});
