/**
 * Issue 11, keys on the device: once unlocked, the account's end-to-end keys are kept sealed under a
 * non-extractable WebCrypto key (never raw in localStorage), and signing out with "Remove this device's copies"
 * removes them; signed in again without typing the password, the encrypted report stays closed until it is typed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { witnessMarker } from '../helpers/sqliteFiles.ts';
import { heldKeys } from './deviceKeyProbe.ts';
import { addSession, AMINA, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForSyncState, WAIT_MS } from './support.ts';

async function unlockFirstTime(page: Page, password: string): Promise<void> {
  const panel = page.getByTestId('encryption-panel');
  for (let attempt = 0; ; attempt++) {
    await panel.getByLabel(/Your password/).fill(password);
    await panel.getByRole('button', { name: 'Unlock' }).click();
    const shown = await page.getByTestId('recovery-code').waitFor({ timeout: WAIT_MS }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 2 || (await panel.getByLabel(/Your password/).count()) === 0) throw new Error('the recovery code did not appear');
  }
  await page.getByRole('button', { name: 'I have kept it' }).click();
}

describe('The end-to-end keys on a device', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('are sealed at rest, go with the device copies at sign-out, and the report then needs the password again', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const { page } = amina;
    const phrase = witnessMarker();

    await page.goto(server.url);
    await page.getByRole('button', { name: 'New report' }).first().click();
    await page.getByLabel('Title').fill(`Testimony ${witnessMarker()}`);
    await page.getByLabel('Mechanism').selectOption('CERD');
    await page.getByLabel(/A blank report/).check();
    await page.getByLabel('End-to-end encrypted').check();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(/\/reports\//);
    const reportId = page.url().split('/reports/')[1]!.split(/[?#]/)[0]!;
    await unlockFirstTime(page, AMINA.password);
    await typeAtEnd(page, `Statement ${phrase} recorded.`);
    await waitForSyncState(page, 'synced');

    // Kept on the device, sealed: one record, under a key no script can export, and nothing raw in localStorage.
    expect(await heldKeys(page)).toEqual({ rawInLocalStorage: 0, database: true, sealedAccounts: 1, sealingKeyExtractable: false });
    // After a reload the report opens without the password (the sealed keys are opened in the browser).
    await page.reload();
    await waitForEditorText(page, phrase);

    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    await dialog.getByLabel('Remove this device’s copies of your reports').check();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await poll(() => heldKeys(page)).toEqual({ rawInLocalStorage: 0, database: false, sealedAccounts: 0, sealingKeyExtractable: null });

    // Signed in again with a new session made through the API (the old one ended), so no password was typed in
    // this browser: the report asks for it.
    const login = await api(server.url, '/api/auth/login', { body: { email: amina.account.email, password: AMINA.password } });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').match(/rd_session=[^;]+/)![0];
    await addSession(amina.context, server.url, { ...amina.account, cookie });
    await page.goto(`${server.url}/reports/${reportId}`);
    const panel = page.getByTestId('encryption-panel');
    await panel.getByLabel(/Your password/).waitFor({ timeout: WAIT_MS });
    expect(await page.evaluate(() => document.querySelector('.prose')?.textContent ?? '')).not.toContain(phrase);
    expect((await heldKeys(page)).sealedAccounts).toBe(0);
    // With the password the keys come back and so does the text.
    await panel.getByLabel(/Your password/).fill(AMINA.password);
    await panel.getByRole('button', { name: 'Unlock' }).click();
    await waitForEditorText(page, phrase);
    expect(amina.errors).toEqual([]);
  }, 240_000);
});
